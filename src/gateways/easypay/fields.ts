/**
 * Easypaisa's hosted checkout (Easypay "Open Channel" page redirection) and its transaction
 * inquiry: where they live under the gateway's base URL, the store's credentials, our order
 * reference, and what an inquiry's answer means. Pure: no request, no D1. The form's fields and
 * merchantHashedReq are hash.ts's.
 *
 * Easypay's postback is NOT signed (`status`, `desc`, `orderRefNumber` in the query): it is never
 * believed. Only the inquiry (server to server, with the store's API credentials) settles a payment.
 */
import { utf8 } from "../../messages/base64url";
import { b64encode } from "../../lib/bytes";
import { karachiStamp } from "../jazzcash/fields";

export const PROVIDER = "easypay";

export const PATHS = {
  /** The hosted checkout: the merchant's form, posted by the customer's browser. */
  form: "/easypay/Index.jsf",
  /** The second step: the auth_token Easypay gave back, posted by her browser, then the postback. */
  confirm: "/easypay/Confirm.jsf",
  /** The transaction inquiry (REST, JSON, a `Credentials` header). */
  inquiry: "/easypay-service/rest/v4/inquire-transaction",
} as const;

/** The store's credentials, as the Easypay merchant portal gives them. */
export interface EasypayCredentials {
  storeId: string;
  hashKey: string;
  username: string;
  password: string;
  accountNum: string;
}

/**
 * Our order reference (orderRefNum): "E", the Karachi time and 5 random digits (20 characters).
 * Unique per provider (payment_attempts); a clash is retried by the caller.
 */
export function newOrderRef(now: number): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000;
  return `E${karachiStamp(now)}${String(n).padStart(5, "0")}`;
}

/** The inquiry's request: its JSON body and headers (Credentials: base64 of "username:password"). */
export function inquiryRequest(creds: EasypayCredentials, orderRef: string): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", credentials: b64encode(utf8(`${creds.username}:${creds.password}`)) },
    body: JSON.stringify({ orderId: orderRef, storeId: creds.storeId, accountNum: creds.accountNum }),
  };
}

/** Easypay's transactionStatus: PAID is paid; PENDING/INITIATED may still be; anything else (FAILED, EXPIRED, REVERSED, ...) failed. */
export function outcomeOf(status: string): "paid" | "pending" | "failed" {
  if (status === "PAID") return "paid";
  return status === "PENDING" || status === "INITIATED" ? "pending" : "failed";
}

/** Rupees as Easypay writes them ("5250.0", "5250.5") to paisa; null when not a number. */
export function paisaOf(amount: unknown): number | null {
  const s = typeof amount === "number" ? String(amount) : typeof amount === "string" ? amount : "";
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/** The inquiry answer's fields we keep (never a credential), each cut to 200 characters. */
const KEPT = ["responseCode", "responseDesc", "orderId", "storeId", "transactionStatus", "transactionAmount", "transactionId", "transactionDateTime", "paymentMode"] as const;

export function trimmedResponse(answer: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(KEPT.filter((k) => answer[k] != null && answer[k] !== "").map((k) => [k, String(answer[k]).slice(0, 200)])));
}
