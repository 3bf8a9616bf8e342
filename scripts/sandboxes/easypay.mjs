// Easypaisa (Easypay) sandbox: the hosted checkout's two steps as Easypay documents them, for the
// one test store in magic.json (the sandbox keeps its copy of the store's hash key).
//   POST /easypay/Index.jsf    the merchant's form: storeId, amount, postBackURL, orderRefNum,
//        expiryDate, autoRedirect, paymentMethod (emailAddr, mobileNum), merchantHashedReq =
//        base64(AES-128-ECB(sorted "key=value&..." pairs, hash key)). A wrong store or hash: a 400
//        error page. Else 302 to postBackURL?auth_token=<token>.
//   POST /easypay/Confirm.jsf  auth_token, postBackURL: 302 to
//        postBackURL?status=0000&desc=Success&orderRefNumber=<ref> (an unknown token: status 0001).
// Written with node:crypto's aes-128-ecb, independently of the Worker's WebCrypto emulation.
import { createCipheriv, randomBytes } from "node:crypto";
import { createSandbox } from "./lib.mjs";
import { magic } from "./magic.mjs";

const STORE = magic.easypay.store;
const tokens = new Map(); // auth_token -> orderRefNum
const MAX_TOKENS = 5000;

/** Easypay's merchantHashedReq (node:crypto). */
export function easypaisaHash(hashKey, fields) {
  const text = Object.keys(fields)
    .filter((k) => k !== "merchantHashedReq" && fields[k] !== "" && fields[k] != null)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join("&");
  const cipher = createCipheriv("aes-128-ecb", Buffer.from(hashKey, "utf8"), null);
  return Buffer.concat([cipher.update(text, "utf8"), cipher.final()]).toString("base64");
}

const form = (req) => Object.fromEntries(new URLSearchParams(req.body.toString("utf8")));
const page = (status, text) => ({ status, headers: { "content-type": "text/html; charset=utf-8" }, text: `<!doctype html><title>Easypay sandbox</title><p data-error>${text}</p>` });
const redirect = (base, params) => {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString() }, text: "" };
};

export const easypaisa = {
  name: "easypay",
  recipient(req) {
    const f = form(req);
    return f.orderRefNum ?? f.auth_token ?? null;
  },
  failure(status) {
    return page(status, "Easypay is not available");
  },
  handle(req) {
    if (req.method !== "POST") return { status: 405, text: "POST only" };
    const f = form(req);
    if (req.path === "/easypay/Index.jsf") {
      if (f.storeId !== STORE.storeId) return page(400, "Invalid store");
      for (const k of ["amount", "postBackURL", "orderRefNum", "expiryDate", "merchantHashedReq"]) if (!f[k]) return page(400, `Missing ${k}`);
      if (!/^\d+\.\d{1,2}$/.test(f.amount) || !/^\d{8} \d{6}$/.test(f.expiryDate)) return page(400, "Invalid amount or expiryDate");
      if (f.merchantHashedReq !== easypaisaHash(STORE.hashKey, f)) return page(400, "Invalid merchantHashedReq");
      const token = randomBytes(12).toString("hex");
      if (tokens.size >= MAX_TOKENS) tokens.delete(tokens.keys().next().value);
      tokens.set(token, f.orderRefNum);
      return redirect(f.postBackURL, { auth_token: token });
    }
    if (req.path === "/easypay/Confirm.jsf") {
      if (!f.postBackURL) return page(400, "Missing postBackURL");
      const ref = tokens.get(f.auth_token);
      if (!ref) return redirect(f.postBackURL, { status: "0001", desc: "Invalid token" });
      tokens.delete(f.auth_token);
      return redirect(f.postBackURL, { status: "0000", desc: "Success", orderRefNumber: ref });
    }
    return { status: 404, text: "no such Easypay path" };
  },
};

export const createEasypaisaSandbox = () => createSandbox(easypaisa);
