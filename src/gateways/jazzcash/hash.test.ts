/**
 * JazzCash's secure hash and form fields. The rule is JazzCash's ("Secure Hash" in its Page
 * Redirection and API guides, sandbox documentation v4.2): HMAC-SHA256 keyed by the integrity salt
 * over salt & the non-empty pp* values sorted by field name. The vector's fields and salt are the
 * worked example of a public JazzCash hash guide (hasaniqbal-lead/mypay-wallet-onetime,
 * jazzcash-onetime/docs/JAZZCASH_HMAC_GUIDE.md); the hash that guide prints does not follow from its
 * own input, so the expected value here was computed from that input with Node's crypto.createHmac,
 * an implementation independent of the WebCrypto one under test (the sandbox uses it too).
 */
import { describe, expect, it } from "vitest";
import { hashInput, hashMatches, secureHash } from "./hash";
import { karachiStamp, requestFields, safeText } from "./fields";

const SALT = "440982v92s";
const VECTOR = {
  pp_Amount: "10000",
  pp_BillReference: "JC-ORDER-123",
  pp_Description: "MWallet One Time Payment",
  pp_Language: "EN",
  pp_MerchantID: "MYCONTENT5",
  pp_Password: "h2x1yxctww",
  pp_ReturnURL: "https://wallets.mycodigital.io/api/v1/jazzcash/callback",
  pp_TxnCurrency: "PKR",
  pp_TxnDateTime: "20251217123456",
  pp_TxnExpiryDateTime: "20251218123456",
  pp_TxnRefNo: "T20251217123456",
  pp_TxnType: "MWALLET",
  pp_Version: "1.1",
  ppmpf_1: "03123456789",
};
const EXPECTED = "37BD0D99B659497E341F835E7996998136615582FB66144FEBFC85762150DA08";

describe("pp_SecureHash", () => {
  it("is HMAC-SHA256 keyed by the salt over salt & the sorted values (the vector)", async () => {
    expect(hashInput(SALT, VECTOR)).toBe(
      "440982v92s&10000&JC-ORDER-123&MWallet One Time Payment&EN&MYCONTENT5&h2x1yxctww&https://wallets.mycodigital.io/api/v1/jazzcash/callback&PKR&20251217123456&20251218123456&T20251217123456&MWALLET&1.1&03123456789",
    );
    expect(await secureHash(SALT, VECTOR)).toBe(EXPECTED);
  });

  it("leaves out empty fields, pp_SecureHash itself and fields not named pp*; the order of the object does not matter", async () => {
    const shuffled = Object.fromEntries(Object.entries(VECTOR).reverse());
    const noisy = { ...shuffled, pp_SubMerchantID: "", pp_BankID: "", ppmpf_2: "", pp_SecureHash: "ABC", _csrf: "x", key: "y" };
    expect(await secureHash(SALT, noisy)).toBe(EXPECTED);
  });

  it("verifies a hash sent in either case, and refuses one changed field, another salt or a malformed hash", async () => {
    expect(await hashMatches(SALT, { ...VECTOR, pp_SecureHash: EXPECTED })).toBe(true);
    expect(await hashMatches(SALT, { ...VECTOR, pp_SecureHash: EXPECTED.toLowerCase() })).toBe(true);
    expect(await hashMatches(SALT, { ...VECTOR, pp_Amount: "10001", pp_SecureHash: EXPECTED })).toBe(false);
    expect(await hashMatches("another-salt", { ...VECTOR, pp_SecureHash: EXPECTED })).toBe(false);
    expect(await hashMatches(SALT, { ...VECTOR, pp_SecureHash: EXPECTED.slice(1) })).toBe(false);
    expect(await hashMatches(SALT, { ...VECTOR })).toBe(false);
  });
});

describe("the hosted checkout's fields", () => {
  it("times in Asia/Karachi (UTC+5) as yyyyMMddHHmmss", () => {
    expect(karachiStamp(Date.UTC(2026, 11, 31, 20, 30, 5))).toBe("20270101013005");
  });

  it("carries the order in paisa and PKR, a 24-hour expiry, the return URL and a hash of all of it; markup characters never reach pp_Description", async () => {
    const now = Date.UTC(2026, 10, 30, 18, 0, 0);
    const creds = { merchantId: "MC12345", password: "0123456789abcdef", salt: "z8y7x6w5v4u3t2s1" };
    const f = await requestFields(creds, {
      txnRef: "T2026120123000012345",
      amount: 1_250_050,
      orderNumber: 1042,
      shopName: `Ayesha's "Kitchen" <b>/ ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے`,
      returnUrl: "https://ayesha.hatti.test/pay/jazzcash/return",
      now,
    });
    expect(f).toMatchObject({
      pp_Version: "1.1",
      pp_TxnType: "MWALLET",
      pp_MerchantID: "MC12345",
      pp_TxnRefNo: "T2026120123000012345",
      pp_Amount: "1250050",
      pp_TxnCurrency: "PKR",
      pp_TxnDateTime: "20261130230000",
      pp_TxnExpiryDateTime: "20261201230000",
      pp_BillReference: "order1042",
      pp_ReturnURL: "https://ayesha.hatti.test/pay/jazzcash/return",
      ppmpf_1: "",
    });
    expect(f.pp_TxnRefNo!.length).toBeLessThanOrEqual(20);
    expect(f.pp_Description).not.toMatch(/[<>\\*=%/:'|"{}]/);
    expect(f.pp_Description!.length).toBeLessThanOrEqual(100);
    expect(f.pp_Description).toContain("Order #1042");
    expect(f.pp_SecureHash).toBe(await secureHash(creds.salt, f));
    expect(JSON.stringify(f)).not.toContain(creds.salt);
    expect(safeText("a<b>c'd")).toBe("a b c d");
  });
});
