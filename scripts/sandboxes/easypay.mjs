// Easypaisa (Easypay) sandbox: the hosted checkout's two steps and the transaction inquiry as
// Easypay documents them, for the one test store in magic.json (the sandbox keeps its copy of the
// store's hash key and API credentials).
//   POST /easypay/Index.jsf    the merchant's form: storeId, amount, postBackURL, orderRefNum,
//        expiryDate, autoRedirect, paymentMethod (emailAddr, mobileNum), merchantHashedReq =
//        base64(AES-128-ECB(sorted "key=value&..." pairs, hash key)). A wrong store or hash: a 400
//        error page. Else the hosted page: "Pay" and "Fail" buttons.
//   POST /easypay/sandbox-pay  what the hosted page's buttons post (ref, outcome=pay|fail): records
//        the outcome, then 302 to postBackURL?auth_token=<token> (?format=json: { location }).
//   POST /easypay/Confirm.jsf  auth_token, postBackURL: 302 to
//        postBackURL?status=0000&desc=Success&orderRefNumber=<ref> (a failed payment: status 0001;
//        an unknown or used token: status 0001 without orderRefNumber).
//   POST /easypay-service/rest/v4/inquire-transaction   JSON { orderId, storeId, accountNum } with
//        the header Credentials: base64("username:password") -> JSON { responseCode "0000",
//        responseDesc, orderId, storeId, accountNum, transactionStatus PAID|FAILED|PENDING,
//        transactionAmount, transactionId, transactionDateTime }. Bad credentials: "0001"; another
//        store or account: "0006"; an unknown order: "0003".
// Modes: /__sandbox/fail-next (lib.mjs): status=S answers the documented failure (no JSON verdict),
// mode=hang a timeout, &to=<orderRefNum> for one order only.
// Written with node:crypto's aes-128-ecb, independently of the Worker's WebCrypto emulation.
import { createCipheriv, randomBytes } from "node:crypto";
import { createSandbox, isJson, parseJson } from "./lib.mjs";
import { magic } from "./magic.mjs";

const STORE = magic.easypay.store;
const INQUIRY_PATH = "/easypay-service/rest/v4/inquire-transaction";
const PAY_PATH = "/easypay/sandbox-pay";
const tokens = new Map(); // auth_token -> orderRefNum
const transactions = new Map(); // orderRefNum -> { fields, outcome: null | "pay" | "fail", id }
const MAX_KEPT = 5000;

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
const escape = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const html = (status, body) => ({ status, headers: { "content-type": "text/html; charset=utf-8" }, text: `<!doctype html><meta name="viewport" content="width=device-width"><title>Easypay sandbox</title>${body}` });
const page = (status, text) => html(status, `<p data-error>${escape(text)}</p>`);
const redirect = (base, params) => {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString() }, text: "" };
};
const keep = (map, key, value) => {
  if (!map.has(key) && map.size >= MAX_KEPT) map.delete(map.keys().next().value);
  map.set(key, value);
};

function inquiry(req) {
  if (!isJson(req.headers)) return { status: 415, json: { responseCode: "0002", responseDesc: "Content-Type must be application/json" } };
  const expected = Buffer.from(`${STORE.username}:${STORE.password}`, "utf8").toString("base64");
  if (req.headers.credentials !== expected) return { status: 200, json: { responseCode: "0001", responseDesc: "Invalid credentials" } };
  const b = parseJson(req.body) ?? {};
  if (b.storeId !== STORE.storeId || b.accountNum !== STORE.accountNum) return { status: 200, json: { responseCode: "0006", responseDesc: "Invalid store or account" } };
  const t = transactions.get(b.orderId);
  if (!t) return { status: 200, json: { responseCode: "0003", responseDesc: "Transaction not found" } };
  return {
    status: 200,
    json: {
      responseCode: "0000",
      responseDesc: "SUCCESS",
      orderId: b.orderId,
      storeId: STORE.storeId,
      accountNum: STORE.accountNum,
      transactionStatus: t.outcome === "pay" ? "PAID" : t.outcome === "fail" ? "FAILED" : "PENDING",
      transactionAmount: t.fields.amount,
      transactionId: t.outcome === "pay" ? t.id : "",
      transactionDateTime: new Date().toISOString(),
      paymentMode: "MA",
    },
  };
}

export const easypaisa = {
  name: "easypay",
  recipient(req) {
    if (req.path === INQUIRY_PATH) return parseJson(req.body)?.orderId ?? null;
    const f = form(req);
    return f.orderRefNum ?? f.ref ?? f.auth_token ?? null;
  },
  describe(req) {
    // Never keep the store's API password in the request log.
    if (req.path === INQUIRY_PATH) return { ...(parseJson(req.body) ?? {}), credentials: req.headers.credentials ? "••••" : null };
    return form(req);
  },
  failure(status) {
    return { status, json: { responseCode: "0001", responseDesc: "Easypay is not available" } };
  },
  handle(req) {
    if (req.method !== "POST") return { status: 405, text: "POST only" };
    if (req.path === INQUIRY_PATH) return inquiry(req);
    const f = form(req);
    if (req.path === "/easypay/Index.jsf") {
      if (f.storeId !== STORE.storeId) return page(400, "Invalid store");
      for (const k of ["amount", "postBackURL", "orderRefNum", "expiryDate", "merchantHashedReq"]) if (!f[k]) return page(400, `Missing ${k}`);
      if (!/^\d+\.\d{1,2}$/.test(f.amount) || !/^\d{8} \d{6}$/.test(f.expiryDate)) return page(400, "Invalid amount or expiryDate");
      if (f.merchantHashedReq !== easypaisaHash(STORE.hashKey, f)) return page(400, "Invalid merchantHashedReq");
      if (transactions.get(f.orderRefNum)?.outcome) return page(400, "orderRefNum already used");
      keep(transactions, f.orderRefNum, { fields: f, outcome: null, id: String(Date.now()).slice(-11) });
      const button = (outcome, label) =>
        `<form method="post" action="${PAY_PATH}"><input type="hidden" name="ref" value="${escape(f.orderRefNum)}"><input type="hidden" name="outcome" value="${outcome}"><button style="min-height:48px;width:100%" data-outcome="${outcome}">${label}</button></form>`;
      return html(200, `<h1>Easypaisa sandbox</h1><p>Pay Rs ${escape(f.amount)} to store ${escape(f.storeId)} (${escape(f.orderRefNum)})</p>${button("pay", "Pay")}${button("fail", "Fail")}`);
    }
    if (req.path === PAY_PATH) {
      const t = transactions.get(f.ref);
      if (!t || !["pay", "fail"].includes(f.outcome)) return page(400, "Unknown transaction");
      t.outcome = f.outcome;
      const token = randomBytes(12).toString("hex");
      keep(tokens, token, f.ref);
      const to = redirect(t.fields.postBackURL, { auth_token: token });
      return req.query.format === "json" ? { status: 200, json: { location: to.headers.location } } : to;
    }
    if (req.path === "/easypay/Confirm.jsf") {
      if (!f.postBackURL) return page(400, "Missing postBackURL");
      const ref = tokens.get(f.auth_token);
      if (!ref) return redirect(f.postBackURL, { status: "0001", desc: "Invalid token" });
      tokens.delete(f.auth_token);
      const paid = transactions.get(ref)?.outcome === "pay";
      return redirect(f.postBackURL, paid ? { status: "0000", desc: "Success", orderRefNumber: ref } : { status: "0001", desc: "Failed", orderRefNumber: ref });
    }
    return { status: 404, text: "no such Easypay path" };
  },
};

export const createEasypaisaSandbox = () => createSandbox(easypaisa);
