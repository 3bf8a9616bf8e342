/**
 * Easypaisa's hosted checkout (Easypay "Open Channel" page redirection): the request's
 * merchantHashedReq is AES-128-ECB (PKCS#5/7 padding) of "key=value" pairs sorted by key and
 * joined by "&", under the store's 16-character hash key from the Easypay merchant portal, in
 * base64. WebCrypto has no ECB: each 16-byte block is AES-CBC-encrypted alone with a zero IV
 * (CBC of one block with IV 0 is that block's ECB; WebCrypto's own padding block is dropped),
 * so no `nodejs_compat` is needed. The routes that post this form and settle the payment:
 * routes.tsx, inquire.ts (docs/payments-gateways.md).
 */
import { b64encode } from "../../lib/bytes";
import { utf8 } from "../../messages/base64url";

/** The string Easypay encrypts: the non-empty fields as key=value, sorted by key, joined by "&". */
export function hashInput(fields: Record<string, string>): string {
  return Object.keys(fields)
    .filter((k) => k !== "merchantHashedReq" && fields[k] !== "")
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join("&");
}

/** AES-128-ECB with PKCS#7 padding, through WebCrypto's AES-CBC a block at a time. */
async function aesEcb(keyText: string, plain: Uint8Array): Promise<Uint8Array> {
  const raw = utf8(keyText);
  if (raw.length !== 16) throw new Error("an Easypay hash key is 16 bytes");
  const key = await crypto.subtle.importKey("raw", raw, "AES-CBC", false, ["encrypt"]);
  const pad = 16 - (plain.length % 16);
  const padded = new Uint8Array(plain.length + pad);
  padded.set(plain);
  padded.fill(pad, plain.length);
  const out = new Uint8Array(padded.length);
  const iv = new Uint8Array(16);
  const blocks = [];
  for (let i = 0; i < padded.length; i += 16) blocks.push(crypto.subtle.encrypt({ name: "AES-CBC", iv }, key, padded.subarray(i, i + 16)));
  (await Promise.all(blocks)).forEach((ct, i) => out.set(new Uint8Array(ct, 0, 16), i * 16));
  return out;
}

/** merchantHashedReq of these fields under the store's hash key (base64). */
export async function merchantHashedReq(hashKey: string, fields: Record<string, string>): Promise<string> {
  return b64encode(await aesEcb(hashKey, utf8(hashInput(fields))));
}

/** Easypay's expiryDate: yyyyMMdd HHmmss in Asia/Karachi (UTC+5). */
export const easypayExpiry = (ms: number) => {
  const s = new Date(ms + 5 * 3600_000).toISOString();
  return `${s.slice(0, 10).replace(/-/g, "")} ${s.slice(11, 19).replace(/:/g, "")}`;
};

export interface EasypaisaRequest {
  storeId: string;
  /** Paisa; Easypay takes rupees with one decimal ("10.0"). */
  amount: number;
  orderRefNum: string;
  postBackURL: string;
  expiresAt: number;
}

/** Every field of the form posted to Easypay's Index.jsf, merchantHashedReq included. */
export async function easypayFields(hashKey: string, r: EasypaisaRequest): Promise<Record<string, string>> {
  const fields: Record<string, string> = {
    storeId: r.storeId,
    // "10.0" as Easypay's samples write it; two decimals only when the paisa need them.
    amount: (r.amount / 100).toFixed(r.amount % 10 === 0 ? 1 : 2),
    postBackURL: r.postBackURL,
    orderRefNum: r.orderRefNum,
    expiryDate: easypayExpiry(r.expiresAt),
    autoRedirect: "0",
    paymentMethod: "MA_PAYMENT_METHOD",
  };
  fields.merchantHashedReq = await merchantHashedReq(hashKey, fields);
  return fields;
}
