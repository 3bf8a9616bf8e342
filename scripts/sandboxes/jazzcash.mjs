// JazzCash sandbox: the Hosted Checkout (Page Redirection v1.1) and the Status Inquiry API, as
// JazzCash documents them, for the one test merchant in magic.json (the sandbox keeps its copy of
// the integrity salt, as JazzCash does).
//   POST /CustomerPortal/transactionmanagement/merchantform/   the merchant's auto-submitted form
//        (application/x-www-form-urlencoded pp_* fields). Checks the merchant, password, amount,
//        currency and pp_SecureHash (HMAC-SHA256 keyed by the salt over salt&sorted non-empty pp*
//        values); answers the hosted page: "Pay", "Fail" and "Tampered" buttons, or an error page
//        with JazzCash's response code (110 a field, 115 the hash, 158 the merchant).
//   POST /CustomerPortal/transactionmanagement/sandbox-pay     what the hosted page's buttons post
//        (txn, outcome=pay|fail|tamper): records the outcome and answers a page that posts the
//        documented return fields, signed, to pp_ReturnURL ("tamper": signed, then pp_ResponseCode
//        changed to "000"). ?format=json answers { action, fields } instead (for the tests).
//   POST /ApplicationAPI/API/PaymentInquiry/Inquire            JSON { pp_TxnRefNo, pp_MerchantID,
//        pp_Password, pp_SecureHash } -> JSON { pp_ResponseCode "000", pp_ResponseMessage,
//        pp_Status Completed|Failed|Pending, pp_PaymentResponseCode, pp_PaymentResponseMessage,
//        pp_TxnRefNo, pp_Amount, pp_RetreivalReferenceNo, pp_SecureHash }; an unknown txn: "110".
// Timeouts: /__sandbox/fail-next?mode=hang (lib.mjs), optionally &to=<txn ref>.
import { createHmac } from "node:crypto";
import { createSandbox, isJson, parseJson, randomHex } from "./lib.mjs";
import { magic } from "./magic.mjs";

const MERCHANT = magic.jazzcash.merchant;
const FORM_PATH = "/CustomerPortal/transactionmanagement/merchantform/";
const PAY_PATH = "/CustomerPortal/transactionmanagement/sandbox-pay";
const INQUIRY_PATH = "/ApplicationAPI/API/PaymentInquiry/Inquire";

/** JazzCash's secure hash, written independently of the Worker's (node:crypto, not WebCrypto). */
export function jazzcashHash(salt, fields) {
  const values = Object.keys(fields)
    .filter((k) => k.startsWith("pp") && k !== "pp_SecureHash" && fields[k] !== "" && fields[k] != null)
    .sort()
    .map((k) => String(fields[k]));
  return createHmac("sha256", salt).update([salt, ...values].join("&"), "utf8").digest("hex").toUpperCase();
}

const MESSAGES = {
  "000": "Thank you for Using JazzCash, your transaction was successful.",
  "110": "Please provide valid value for",
  "115": "Please provide valid value for pp_SecureHash",
  "158": "Invalid merchant credentials.",
  "157": "Transaction is pending. Please check again later.",
  "199": "Sorry! Your transaction was not successful. Please try again.",
};

const transactions = new Map(); // txn ref -> { fields, outcome: null | "pay" | "fail", rrn }
const MAX_TRANSACTIONS = 5000;

const escape = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const html = (status, body) => ({ status, headers: { "content-type": "text/html; charset=utf-8" }, text: `<!doctype html><meta name="viewport" content="width=device-width"><title>JazzCash sandbox</title>${body}` });
const errorPage = (code, detail = "") => html(400, `<h1>JazzCash sandbox</h1><p data-code="${code}">${code}: ${escape(MESSAGES[code] + (detail ? ` ${detail}` : ""))}</p>`);
const hiddenInputs = (fields) => Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join("");

function checkForm(f) {
  if (f.pp_MerchantID !== MERCHANT.merchantId || f.pp_Password !== MERCHANT.password) return ["158"];
  for (const k of ["pp_Version", "pp_TxnRefNo", "pp_Amount", "pp_TxnCurrency", "pp_TxnDateTime", "pp_TxnExpiryDateTime", "pp_BillReference", "pp_Description", "pp_ReturnURL"]) {
    if (!f[k]) return ["110", k];
  }
  if (!/^\d+$/.test(f.pp_Amount) || f.pp_TxnCurrency !== "PKR" || !/^\d{14}$/.test(f.pp_TxnDateTime) || !/^\d{14}$/.test(f.pp_TxnExpiryDateTime)) return ["110", "pp_Amount/pp_TxnCurrency/dates"];
  if (/[<>\\*=%/:'|"{}]/.test(f.pp_Description) || /[<>\\*=%/:'|"{}]/.test(f.pp_BillReference)) return ["110", "pp_Description"];
  if ((f.pp_SecureHash ?? "").toUpperCase() !== jazzcashHash(MERCHANT.salt, f)) return ["115"];
  return null;
}

/** The documented return fields for a transaction and outcome, signed with the salt. */
function returnFields(t, outcome) {
  const f = t.fields;
  const code = outcome === "pay" ? "000" : "199";
  const fields = {
    pp_Amount: f.pp_Amount,
    pp_AuthCode: outcome === "pay" ? randomHex(3).toUpperCase() : "",
    pp_BillReference: f.pp_BillReference,
    pp_Language: f.pp_Language ?? "EN",
    pp_MerchantID: f.pp_MerchantID,
    pp_ResponseCode: code,
    pp_ResponseMessage: MESSAGES[code],
    pp_RetreivalReferenceNo: t.rrn,
    pp_SubMerchantId: "",
    pp_TxnCurrency: f.pp_TxnCurrency,
    pp_TxnDateTime: f.pp_TxnDateTime,
    pp_TxnRefNo: f.pp_TxnRefNo,
    pp_TxnType: f.pp_TxnType ?? "MWALLET",
    pp_Version: f.pp_Version,
    ppmpf_1: f.ppmpf_1 ?? "",
    ppmpf_2: f.ppmpf_2 ?? "",
    ppmpf_3: f.ppmpf_3 ?? "",
    ppmpf_4: f.ppmpf_4 ?? "",
    ppmpf_5: f.ppmpf_5 ?? "",
  };
  fields.pp_SecureHash = jazzcashHash(MERCHANT.salt, fields);
  if (outcome === "tamper") {
    // Signed as a failure, then altered to claim success: the merchant must refuse it.
    fields.pp_ResponseCode = "000";
    fields.pp_ResponseMessage = MESSAGES["000"];
  }
  return fields;
}

const form = (req) => Object.fromEntries(new URLSearchParams(req.body.toString("utf8")));

export const jazzcash = {
  name: "jazzcash",
  recipient(req) {
    if (req.path === INQUIRY_PATH) return parseJson(req.body)?.pp_TxnRefNo ?? null;
    const f = form(req);
    return f.pp_TxnRefNo ?? f.txn ?? null;
  },
  describe(req) {
    // Never keep the merchant's password in the request log.
    const body = req.path === INQUIRY_PATH ? parseJson(req.body) ?? {} : form(req);
    return { ...body, ...(body.pp_Password ? { pp_Password: "••••" } : {}) };
  },
  failure(status) {
    return { status, json: { pp_ResponseCode: "199", pp_ResponseMessage: MESSAGES["199"] } };
  },
  handle(req) {
    if (req.method !== "POST") return { status: 405, text: "POST only" };
    if (req.path === FORM_PATH) {
      const f = form(req);
      const wrong = checkForm(f);
      if (wrong) return errorPage(...wrong);
      if (!transactions.has(f.pp_TxnRefNo) && transactions.size >= MAX_TRANSACTIONS) transactions.delete(transactions.keys().next().value);
      const known = transactions.get(f.pp_TxnRefNo);
      if (known?.outcome) return errorPage("110", "pp_TxnRefNo (already used)");
      transactions.set(f.pp_TxnRefNo, { fields: f, outcome: null, rrn: String(Date.now()).slice(-12) });
      const button = (outcome, label) =>
        `<form method="post" action="${PAY_PATH}"><input type="hidden" name="txn" value="${escape(f.pp_TxnRefNo)}"><input type="hidden" name="outcome" value="${outcome}"><button style="min-height:48px;width:100%" data-outcome="${outcome}">${label}</button></form>`;
      return html(
        200,
        `<h1>JazzCash sandbox</h1><p>Pay Rs ${(Number(f.pp_Amount) / 100).toFixed(2)} to ${escape(f.pp_MerchantID)} for ${escape(f.pp_Description)} (${escape(f.pp_TxnRefNo)})</p>${button("pay", "Pay")}${button("fail", "Fail")}${button("tamper", "Tampered return")}`,
      );
    }
    if (req.path === PAY_PATH) {
      const { txn, outcome } = form(req);
      const t = transactions.get(txn);
      if (!t || !["pay", "fail", "tamper"].includes(outcome)) return errorPage("110", "txn");
      t.outcome = outcome === "pay" ? "pay" : "fail";
      const fields = returnFields(t, outcome);
      if (req.query.format === "json") return { status: 200, json: { action: t.fields.pp_ReturnURL, fields } };
      return html(200, `<form method="post" action="${escape(t.fields.pp_ReturnURL)}">${hiddenInputs(fields)}<button style="min-height:48px">Return to the shop</button></form><script>document.forms[0].submit()</script>`);
    }
    if (req.path === INQUIRY_PATH) {
      if (!isJson(req.headers)) return { status: 415, json: { pp_ResponseCode: "110", pp_ResponseMessage: "Content-Type must be application/json" } };
      const b = parseJson(req.body) ?? {};
      if (b.pp_MerchantID !== MERCHANT.merchantId || b.pp_Password !== MERCHANT.password) return { status: 200, json: { pp_ResponseCode: "158", pp_ResponseMessage: MESSAGES["158"] } };
      if ((b.pp_SecureHash ?? "").toUpperCase() !== jazzcashHash(MERCHANT.salt, b)) return { status: 200, json: { pp_ResponseCode: "115", pp_ResponseMessage: MESSAGES["115"] } };
      const t = transactions.get(b.pp_TxnRefNo);
      if (!t) return { status: 200, json: { pp_ResponseCode: "110", pp_ResponseMessage: `${MESSAGES["110"]} pp_TxnRefNo` } };
      const pay = t.outcome === "pay" ? "000" : t.outcome === "fail" ? "199" : "157";
      const json = {
        pp_ResponseCode: "000",
        pp_ResponseMessage: "Operation completed successfully.",
        pp_Status: t.outcome === "pay" ? "Completed" : t.outcome === "fail" ? "Failed" : "Pending",
        pp_PaymentResponseCode: pay,
        pp_PaymentResponseMessage: MESSAGES[pay],
        pp_TxnRefNo: b.pp_TxnRefNo,
        pp_Amount: t.fields.pp_Amount,
        pp_RetreivalReferenceNo: t.rrn,
        pp_SettlementExpiry: "",
      };
      json.pp_SecureHash = jazzcashHash(MERCHANT.salt, json);
      return { status: 200, json };
    }
    return { status: 404, text: "no such JazzCash path" };
  },
};

export const createJazzCashSandbox = () => createSandbox(jazzcash);
