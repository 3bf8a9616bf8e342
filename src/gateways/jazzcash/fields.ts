/**
 * JazzCash's Hosted Checkout (Page Redirection, v1.1): the pp_* fields of the form the customer's
 * browser posts to the gateway, the fields of the return it posts back to pp_ReturnURL, and the
 * Status Inquiry's request and answer. Pure: no request, no D1.
 */
import { secureHash } from "./hash";

export const PROVIDER = "jazzcash";

/** Where the gateway's pages and APIs live under its base URL (sandbox or live). */
export const PATHS = {
  form: "/CustomerPortal/transactionmanagement/merchantform/",
  inquiry: "/ApplicationAPI/API/PaymentInquiry/Inquire",
} as const;

/** The merchant's credentials, as the JazzCash portal gives them. */
export interface JazzCashCredentials {
  merchantId: string;
  password: string;
  salt: string;
}

/** A transaction may be paid for this long after it was started (pp_TxnExpiryDateTime). */
export const EXPIRY_MS = 24 * 3600_000;

/** Pakistan Standard Time, UTC+5 all year: JazzCash's clock. */
const KARACHI_OFFSET_MS = 5 * 3600_000;

/** yyyyMMddHHmmss in Asia/Karachi. */
export function karachiStamp(ms: number): string {
  return new Date(ms + KARACHI_OFFSET_MS).toISOString().slice(0, 19).replace(/[-T:]/g, "");
}

/**
 * Our transaction reference: "T", the Karachi time and 5 random digits (20 characters,
 * JazzCash's limit). Unique per provider (payment_attempts); a clash is retried by the caller.
 */
export function newTxnRef(now: number): string {
  const n = crypto.getRandomValues(new Uint32Array(1))[0]! % 100_000;
  return `T${karachiStamp(now)}${String(n).padStart(5, "0")}`;
}

/**
 * pp_Description and pp_BillReference are checked by JazzCash for markup characters
 * (<>\*=%/:'|"{}), and a refused character fails the payment: only letters, digits, spaces,
 * "#" and "-" are sent, at most 100 characters.
 */
export const safeText = (text: string) =>
  text
    .replace(/[^\p{L}\p{N} #-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);

export interface PaymentRequest {
  txnRef: string;
  /** Paisa. */
  amount: number;
  orderNumber: number;
  shopName: string;
  returnUrl: string;
  now: number;
}

/** Every field of the auto-submitted form, pp_SecureHash included, in JazzCash's order. */
export async function requestFields(creds: JazzCashCredentials, r: PaymentRequest): Promise<Record<string, string>> {
  const fields: Record<string, string> = {
    pp_Version: "1.1",
    pp_TxnType: "MWALLET",
    pp_Language: "EN",
    pp_MerchantID: creds.merchantId,
    pp_SubMerchantID: "",
    pp_Password: creds.password,
    pp_BankID: "",
    pp_ProductID: "",
    pp_TxnRefNo: r.txnRef,
    pp_Amount: String(r.amount),
    pp_TxnCurrency: "PKR",
    pp_TxnDateTime: karachiStamp(r.now),
    pp_BillReference: `order${r.orderNumber}`,
    pp_Description: safeText(`Order #${r.orderNumber} ${r.shopName}`),
    pp_TxnExpiryDateTime: karachiStamp(r.now + EXPIRY_MS),
    pp_ReturnURL: r.returnUrl,
    ppmpf_1: "",
    ppmpf_2: "",
    ppmpf_3: "",
    ppmpf_4: "",
    ppmpf_5: "",
  };
  fields.pp_SecureHash = await secureHash(creds.salt, fields);
  return fields;
}

/** The response codes JazzCash answers while a payment may still complete (a voucher awaiting cash, a wallet awaiting its PIN). */
const PENDING_CODES = new Set(["121", "124", "157"]);

/** What a response code means for the order: "000" paid, a pending code nothing yet, any other failed. */
export function outcomeOf(code: string): "paid" | "pending" | "failed" {
  if (code === "000") return "paid";
  return PENDING_CODES.has(code) ? "pending" : "failed";
}

/** The fields of a return we keep (and the only ones we read): JazzCash's response, never a credential. */
const RETURN_FIELDS = [
  "pp_Amount",
  "pp_AuthCode",
  "pp_BillReference",
  "pp_Language",
  "pp_MerchantID",
  "pp_ResponseCode",
  "pp_ResponseMessage",
  "pp_RetreivalReferenceNo",
  "pp_SettlementExpiry",
  "pp_TxnCurrency",
  "pp_TxnDateTime",
  "pp_TxnRefNo",
  "pp_TxnType",
  "pp_Version",
] as const;

/** What the attempt keeps of the gateway's answer: its known response fields, each cut to 200 characters. */
export function trimmedResponse(posted: Record<string, string>): string {
  const kept = Object.fromEntries(RETURN_FIELDS.filter((k) => posted[k]).map((k) => [k, posted[k]!.slice(0, 200)]));
  return JSON.stringify(kept);
}

/** The Status Inquiry's JSON body for one transaction. */
export async function inquiryBody(creds: JazzCashCredentials, txnRef: string): Promise<Record<string, string>> {
  const fields: Record<string, string> = { pp_TxnRefNo: txnRef, pp_MerchantID: creds.merchantId, pp_Password: creds.password };
  fields.pp_SecureHash = await secureHash(creds.salt, fields);
  return fields;
}
