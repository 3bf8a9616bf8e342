/**
 * Easypaisa's merchantHashedReq through WebCrypto (AES-ECB emulated a block at a time with
 * AES-CBC and a zero IV), against a vector computed with OpenSSL's aes-128-ecb (Node's
 * createCipheriv) over the sorted "key=value" pairs; the hash key is the public Easypay staging
 * sample key of a PHP integration (usamaashraf42/slms2, EasypaisaController.php). And the contract
 * with the Easypaisa sandbox (scripts/sandboxes/easypay.mjs, node:crypto): our form is accepted,
 * a changed field is refused, the confirm step answers the documented status, the inquiry the
 * transaction's.
 */
import { describe, expect, inject, it } from "vitest";
import magic from "../../../scripts/sandboxes/magic.json";
import { easypayFields, easypayExpiry, hashInput, merchantHashedReq } from "./hash";
import { PATHS } from "./fields";

const KEY = "8JZVPIU6MPD6H4GH";
const FIELDS = {
  amount: "10.0",
  autoRedirect: "0",
  expiryDate: "20261201 230000",
  orderRefNum: "order1042",
  paymentMethod: "MA_PAYMENT_METHOD",
  postBackURL: "https://ayesha.hatti.test/pay/easypay/return",
  storeId: "12345",
};
const EXPECTED =
  "QIHez0yo3E40E7qULhOHriJmCgIhsH5w/tSpqorOKytyR7rwVFYCy6sRNB0kkuBwsHckaGbsZLZk74aZ4t+j8kxJSLTDH9563dYOR9xmlFMxeNFzFZm8GW5lYd2lF2yWoDL/txl389VV38wZnefJmWuHOz+Xkl7QnhRSThRXBAS5KmyrnTwuXL98nHKg8GSa124vHsmSHiTB6TKslUEFtfoOAd8DpxYB/P/LhYQ8q3HPzBleIDXAm+lypHxErolb";

describe("merchantHashedReq", () => {
  it("is AES-128-ECB of the sorted key=value pairs (the OpenSSL vector), in any field order, empty fields left out", async () => {
    expect(hashInput(FIELDS)).toBe(
      "amount=10.0&autoRedirect=0&expiryDate=20261201 230000&orderRefNum=order1042&paymentMethod=MA_PAYMENT_METHOD&postBackURL=https://ayesha.hatti.test/pay/easypay/return&storeId=12345",
    );
    expect(await merchantHashedReq(KEY, FIELDS)).toBe(EXPECTED);
    const shuffled = Object.fromEntries(Object.entries(FIELDS).reverse());
    expect(await merchantHashedReq(KEY, { ...shuffled, emailAddr: "", mobileNum: "" })).toBe(EXPECTED);
  });

  it("pads a whole block when the text fills its blocks exactly, and refuses a key that is not 16 bytes", async () => {
    // "amount=1" and padding to 16: 8 characters + 8 padding bytes; 16 characters: a full extra block.
    expect((await merchantHashedReq(KEY, { amount: "1" })).length).toBe(24); // 16 bytes in base64
    expect((await merchantHashedReq(KEY, { amount: "123456789" })).length).toBe(44); // "amount=123456789" is 16: 32 bytes
    await expect(merchantHashedReq("short", FIELDS)).rejects.toThrow();
  });

  it("writes the expiry in Asia/Karachi as yyyyMMdd HHmmss", () => {
    expect(easypayExpiry(Date.UTC(2026, 10, 30, 18, 0, 0))).toBe("20261130 230000");
  });
});

describe("the Easypaisa sandbox (contract)", () => {
  const base = () => inject("sandboxes").easypay;
  const STORE = magic.easypay.store;
  const post = (path: string, fields: Record<string, string>) =>
    fetch(`${base()}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields), redirect: "manual" });
  const inquire = (orderId: string, creds = `${STORE.username}:${STORE.password}`) =>
    fetch(`${base()}${PATHS.inquiry}`, { method: "POST", headers: { "content-type": "application/json", credentials: btoa(creds) }, body: JSON.stringify({ orderId, storeId: STORE.storeId, accountNum: STORE.accountNum }) }).then((r) => r.json() as Promise<Record<string, string>>);

  it("accepts our signed form, refuses a changed amount or another store, shows Pay/Fail, confirms with status 0000 and answers the inquiry", async () => {
    const ref = `E${Date.now()}${Math.floor(Math.random() * 1e5)}`.slice(0, 20);
    const fields = await easypayFields(STORE.hashKey, { storeId: STORE.storeId, amount: 525_000, orderRefNum: ref, postBackURL: "https://ayesha.hatti.test/pay/easypay/return", expiresAt: Date.now() + 24 * 3600_000 });
    expect(fields.amount).toBe("5250.0");
    const page = await post("/easypay/Index.jsf", fields);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-outcome="pay"');
    expect(await inquire(ref)).toMatchObject({ responseCode: "0000", orderId: ref, transactionStatus: "PENDING", transactionAmount: "5250.0" });

    const changed = await post("/easypay/Index.jsf", { ...fields, amount: "1.0" });
    expect(changed.status).toBe(400);
    expect(await changed.text()).toContain("Invalid merchantHashedReq");
    expect((await post("/easypay/Index.jsf", { ...fields, storeId: "99999" })).status).toBe(400);

    const paid = await post("/easypay/sandbox-pay", { ref, outcome: "pay" });
    expect(paid.status).toBe(302);
    const token = new URL(paid.headers.get("location")!).searchParams.get("auth_token");
    expect(token).toMatch(/^[0-9a-f]{24}$/);
    const confirmed = await post("/easypay/Confirm.jsf", { auth_token: token!, postBackURL: fields.postBackURL! });
    expect(confirmed.status).toBe(302);
    expect(Object.fromEntries(new URL(confirmed.headers.get("location")!).searchParams)).toEqual({ status: "0000", desc: "Success", orderRefNumber: ref });
    const replay = await post("/easypay/Confirm.jsf", { auth_token: token!, postBackURL: fields.postBackURL! });
    expect(new URL(replay.headers.get("location")!).searchParams.get("status")).toBe("0001");

    expect(await inquire(ref)).toMatchObject({ responseCode: "0000", transactionStatus: "PAID", storeId: STORE.storeId });
    expect(await inquire("E00000000000000000000")).toMatchObject({ responseCode: "0003" });
    expect(await inquire(ref, "hatti-sandbox:wrong")).toMatchObject({ responseCode: "0001" });
  });
});
