/**
 * Easypaisa end to end in workerd, against the local Easypay sandbox (scripts/sandboxes/easypay.mjs,
 * node:crypto's AES-ECB and the test store's API credentials): "Place order" with Easypaisa online
 * -> the hand-off form -> the sandbox's page -> the auth_token leg -> Confirm.jsf -> the return,
 * which only records that she came back and queues the inquiry -> the queue job asks the inquiry
 * API and settles the order paid once (one event, one alert). A forged postback claiming success,
 * a replay, another shop's orderRefNum never mark an order paid; the cron asks about attempts
 * whose return never came; the seller's Easypaisa page never shows a secret.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import magic from "../../scripts/sandboxes/magic.json";
import { ROOT } from "../../test/helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import type { Bindings } from "../env";
import worker from "../index";
import type { GatewayBindings } from "./config";
import { backdateAttempt, credentialsRow, gatewayShop, handOffForm, inquireEverywhere, paymentState as state, placeOnline, shardOfShop, type Shop } from "./test-helpers";
import { shopD1 } from "../../test/helpers";

const STORE = magic.easypay.store;
const CREDS = { storeId: STORE.storeId, hashKey: STORE.hashKey, username: STORE.username, password: STORE.password, accountNum: STORE.accountNum, mode: "sandbox" };
const sandbox = () => inject("sandboxes").easypay;
const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded" };
const sandboxEnv = () => ({ ...(env as unknown as GatewayBindings), EASYPAY_SANDBOX_URL: sandbox() });

const easypayShop = (): Promise<Shop> => gatewayShop("easypay", CREDS);
const order = (s: Shop) => placeOnline(s, "easypaisa_online");
type Order = Awaited<ReturnType<typeof order>>;

/** Her browser follows "Place order"'s 307: the start route's hand-off page. */
async function handOff(s: Shop, o: Order) {
  const res = await o.client.post(`${s.origin}${o.start}`, {}, { csrf: false });
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return { res, ...handOffForm(res.text) };
}

const post = (path: string, fields: Record<string, string>, query = "") =>
  fetch(`${sandbox()}${path}${query}`, { method: "POST", headers: FORM_HEADERS, body: new URLSearchParams(fields), redirect: "manual" });

/** Start -> Easypay's page -> Pay or Fail -> the auth_token leg at the shop -> Confirm.jsf: the final postback's URL at the shop. */
async function throughGateway(s: Shop, o: Order, outcome: "pay" | "fail") {
  const h = await handOff(s, o);
  const page = await post("/easypay/Index.jsf", h.fields);
  expect(page.status, await page.clone().text()).toBe(200);
  const tapped = (await (await post("/easypay/sandbox-pay", { ref: h.fields.orderRefNum!, outcome }, "?format=json")).json()) as { location: string };
  // Easypay sends her back with the token; the shop hands it on to Confirm.jsf.
  const tokenLeg = await o.client.get(tapped.location);
  expect(tokenLeg.status, tokenLeg.text.slice(0, 300)).toBe(200);
  const confirm = handOffForm(tokenLeg.text);
  expect(confirm.action).toBe("https://easypaystg.easypaisa.com.pk/easypay/Confirm.jsf");
  expect(tokenLeg.headers.get("content-security-policy")).toContain("form-action 'self' https://easypaystg.easypaisa.com.pk;");
  const confirmed = await post("/easypay/Confirm.jsf", confirm.fields);
  expect(confirmed.status).toBe(302);
  return { ...h, postback: confirmed.headers.get("location")! };
}

/** The final postback, as her browser follows Easypay's redirect; the queue's job it put on the queue is run by `runJobs`. */
const back = (o: Order, url: string) => o.client.get(url);

/** The queue consumer runs the shop's inquiry job (as the real queue would, with the sandbox's URL; the body stamped with the shop's shard as shardQueue stamps it). */
async function runJob(shopId: number, txnRef: string) {
  const body = { job: "easypay.inquire", shopId, txnRef, shard: await shardOfShop(shopId) };
  const batch = createMessageBatch("hatti-messages", [{ id: `e${txnRef}`, timestamp: new Date(), attempts: 1, body }]);
  const ctx = createExecutionContext();
  await worker.queue(batch, sandboxEnv() as unknown as Bindings, ctx);
  await waitOnExecutionContext(ctx);
  return getQueueResult(batch, ctx);
}

const inquiries = async (ref: string) =>
  ((await (await fetch(`${sandbox()}/__sandbox/requests?to=${ref}`)).json()) as { requests: { path: string }[] }).requests.filter((r) => r.path.endsWith("/inquire-transaction")).length;

describe("Easypaisa: a customer pays through the sandbox", () => {
  it("Place order -> hand-off -> Easypay -> return -> queue job -> inquiry: the order is paid, one event, one alert; a replay changes nothing", async () => {
    const s = await easypayShop();
    const o = await order(s);
    expect(o.start).toBe(`/pay/easypay/${o.token}`);
    const { res, action, fields, postback } = await throughGateway(s, o, "pay");
    const total = (await (await shopD1(s.seller.shopId)).prepare("SELECT total FROM orders WHERE shop_id = ? AND id = ?").bind(s.seller.shopId, o.id).first<{ total: number }>())!.total;
    // The form: Easypay's staging host (no EASYPAY_SANDBOX_URL in the tests' env), rupees, signed.
    expect(action).toBe("https://easypaystg.easypaisa.com.pk/easypay/Index.jsf");
    expect(fields).toMatchObject({ storeId: STORE.storeId, amount: (total / 100).toFixed(total % 10 === 0 ? 1 : 2), postBackURL: `${s.origin}/pay/easypay/return`, autoRedirect: "0", paymentMethod: "MA_PAYMENT_METHOD" });
    expect(fields.orderRefNum).toMatch(/^E\d{19}$/);
    expect(fields.merchantHashedReq).toMatch(/^[A-Za-z0-9+/=]{24,}$/);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.text).toContain(">Continue to Easypaisa<");
    for (const secret of [STORE.hashKey, STORE.password, STORE.username]) expect(res.text).not.toContain(secret);

    // Back at the shop: recorded, not believed. The order page says it is checking and looks again.
    const returned = await back(o, postback);
    expect(returned.status).toBe(303);
    expect(returned.location).toBe(`/orders/${o.token}?payment=checking`);
    expect(returned.headers.get("cache-control")).toBe("private, no-store");
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "pending", response_code: "returned", amount: total }] });
    const checking = await o.client.get(`${s.origin}${returned.location}`);
    expect(checking.text).toContain('data-payment="checking"');
    expect(checking.text).toContain(`<meta http-equiv="refresh" content="3;url=/pay/easypay/status?order=${o.token}"`);
    expect(checking.text).not.toContain(`action="/pay/easypay/${o.token}"`);
    expect(checking.headers.get("server-timing")).toContain("d1q;dur=1,");
    expect((await o.client.get(`${s.origin}/pay/easypay/status?order=${o.token}`)).location).toBe(`/orders/${o.token}?payment=checking`);

    // The queue asks the inquiry API and settles it in one batch.
    expect((await runJob(s.seller.shopId, fields.orderRefNum!)).explicitAcks).toHaveLength(1);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: true, confirmation: "none", events: 1, alerts: 1, attempts: [{ state: "paid", response_code: "PAID" }] });
    const status = await o.client.get(`${s.origin}/pay/easypay/status?order=${o.token}`);
    expect(status.location).toBe(`/orders/${o.token}?payment=paid`);
    const paid = await o.client.get(`${s.origin}${status.location}`);
    expect(paid.text).toContain('data-payment="paid"');
    expect(paid.text).not.toContain("/pay/easypay/");

    // A replay of the postback, of the job: nothing more.
    expect((await back(o, postback)).location).toBe(`/orders/${o.token}?payment=paid`);
    await runJob(s.seller.shopId, fields.orderRefNum!);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: true, events: 1, alerts: 1 });
  });

  it("a failed payment leaves the order unpaid, says so, and offers Pay now again", async () => {
    const s = await easypayShop();
    const o = await order(s);
    const { postback } = await throughGateway(s, o, "fail");
    expect(new URL(postback).searchParams.get("status")).toBe("0001");
    expect((await back(o, postback)).location).toBe(`/orders/${o.token}?payment=checking`);
    await runJob(s.seller.shopId, new URL(postback).searchParams.get("orderRefNumber")!);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "failed", response_code: "FAILED" }] });
    const status = await o.client.get(`${s.origin}/pay/easypay/status?order=${o.token}`);
    expect(status.location).toBe(`/orders/${o.token}?payment=failed`);
    const page = await o.client.get(`${s.origin}${status.location}`);
    expect(page.text).toContain('data-payment="failed"');
    expect(page.text).toContain(`action="/pay/easypay/${o.token}"`);
    expect(page.text).toContain("Pay now with Easypaisa");

    // The seller sees the method's name on her list, the order's page and the CSV (no migration: the id is the registry's).
    const NAME = "Easypaisa (pay online: account or card)";
    const admin = `${ROOT}/admin/${s.seller.slug}/orders`;
    expect((await s.seller.client.get(admin)).text).toContain(NAME);
    expect((await s.seller.client.get(`${admin}/${o.id}`)).text).toContain(NAME);
    const day = (ms: number) => new Date(ms + 5 * 3600_000).toISOString().slice(0, 10);
    const csv = await s.seller.client.get(`${admin}/export?from=${day(Date.now() - 86_400_000)}&to=${day(Date.now() + 86_400_000)}`);
    expect(csv.status, csv.text.slice(0, 300)).toBe(200);
    expect(csv.text).toContain(NAME);
  });
});

describe("Easypaisa: a postback is never believed", () => {
  it("a forged postback claiming success, with nothing paid at the gateway, leaves the order unpaid", async () => {
    const s = await easypayShop();
    const o = await order(s);
    const { fields } = await handOff(s, o);
    const ref = fields.orderRefNum!;
    // Never taken to Easypay's page (the sandbox does not know it), then never paid there.
    const forged = await back(o, `${s.origin}/pay/easypay/return?status=0000&desc=Success&orderRefNumber=${ref}`);
    expect(forged.location).toBe(`/orders/${o.token}?payment=checking`);
    const unknown = await runJob(s.seller.shopId, ref);
    expect(unknown.retryMessages).toHaveLength(1);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "pending" }] });
    await post("/easypay/Index.jsf", fields); // now at the gateway's page, not paid: PENDING
    expect((await runJob(s.seller.shopId, ref)).retryMessages).toHaveLength(1);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "pending", response_code: "PENDING" }] });
    // Another forged postback: the request itself never asks Easypay (only the queue and the cron do).
    const before = await inquiries(ref);
    expect((await back(o, `${s.origin}/pay/easypay/return?status=0000&orderRefNumber=${ref}`)).location).toBe(`/orders/${o.token}?payment=checking`);
    expect(await inquiries(ref)).toBe(before);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0 });
  });

  it("another shop's orderRefNum (and order) is refused at this shop; an unknown one and a malformed postback are 404, a bare visit goes home", async () => {
    const a = await easypayShop();
    const b = await easypayShop();
    const o = await order(a);
    const { postback } = await throughGateway(a, o, "pay");
    const atB = await back(o, postback.replace(a.origin, b.origin));
    expect(atB.status).toBe(404);
    expect((await back(o, `${a.origin}/pay/easypay/return?status=0000&orderRefNumber=E20261201000000099999`)).status).toBe(404);
    expect((await back(o, `${a.origin}/pay/easypay/return?status=0000`)).location).toBe("/");
    expect((await back(o, `${a.origin}/pay/easypay/status`)).location).toBe("/");
    expect((await back(o, `${a.origin}/pay/easypay/status?order=${o.token}`)).location).toBe(`/orders/${o.token}?payment=checking`);
    expect((await back(o, `${b.origin}/pay/easypay/status?order=${o.token}`)).status).toBe(404);
    expect((await back(o, `${a.origin}/pay/easypay/return?auth_token=${"<x>"}`)).status).toBe(404);
    expect(await state(o.id, a.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "pending", response_code: "" }] });
    // b's job for a's reference finds no attempt of b's: acked, nothing asked.
    expect((await runJob(b.seller.shopId, new URL(postback).searchParams.get("orderRefNumber")!)).explicitAcks).toHaveLength(1);
    expect(await state(o.id, a.seller.shopId)).toMatchObject({ paid: false });
  });

  it("an inquiry that errs or times out leaves the attempt pending and the job retried; the cron settles it later", async () => {
    const s = await easypayShop();
    const o = await order(s);
    const { fields } = await throughGateway(s, o, "pay"); // paid at Easypay; her return is lost
    const ref = fields.orderRefNum!;
    await fetch(`${sandbox()}/__sandbox/fail-next?count=1&status=503&to=${ref}`, { method: "POST" });
    expect((await runJob(s.seller.shopId, ref)).retryMessages).toHaveLength(1);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, attempts: [{ state: "pending" }] });
    await backdateAttempt(s.seller.shopId, ref, 600_000);
    await fetch(`${sandbox()}/__sandbox/fail-next?count=1&mode=hang&to=${ref}`, { method: "POST" });
    await inquireEverywhere(sandboxEnv(), Date.now(), 500);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, attempts: [{ state: "pending" }] });
    await inquireEverywhere(sandboxEnv(), Date.now(), 2000);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: true, events: 1, alerts: 1, attempts: [{ state: "paid" }] });
  });
});

describe("Easypaisa at checkout and on the order page", () => {
  it("offered only to a shop with its credentials; Pay now absent on a cash-on-delivery order, whose start route refuses it", async () => {
    const plain = await shopWithCatalogue();
    const o = await placeOrderAt(plain.origin, plain.zone.id, [[plain.dupatta.id, 1]]);
    expect((await o.client.get(`${plain.origin}/checkout`)).text).not.toContain('value="easypaisa_online"');

    const s = await easypayShop();
    const cod = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const page = await cod.client.get(`${s.origin}${cod.path}`);
    expect(page.text).not.toContain("/pay/easypay/");
    expect(page.text).not.toContain("Pay now with");
    expect((await cod.client.post(`${s.origin}/pay/easypay/${cod.token}`, {}, { csrf: false })).status).toBe(404);
    expect((await state(cod.id, s.seller.shopId)).attempts).toHaveLength(0);
  });
});

describe("the seller's Easypaisa page", () => {
  it("saves the store sealed, shows only hints, never a secret; the hash key is 16 characters; the first save needs every field; delete turns it off", async () => {
    const s = await shopWithCatalogue();
    const page = `${ROOT}/admin/${s.seller.slug}/gateways/easypay`;
    expect((await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/gateways`)).text).toContain(`href="/admin/${s.seller.slug}/gateways/easypay"`);
    const short = await s.seller.client.post(page, { ...CREDS, hashKey: "tooshort" });
    expect(short.status).toBe(400);
    expect(short.text).toContain("The hash key is exactly 16 characters.");
    expect(short.text).toContain(`value="${STORE.storeId}"`);
    expect(short.text).not.toContain(STORE.password);
    const empty = await s.seller.client.post(page, { ...CREDS, password: "" });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Required the first time.");

    expect((await s.seller.client.post(page, CREDS)).status).toBe(303);
    const shown = await s.seller.client.get(`${page}?saved=1`);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain("Customers can now choose Easypaisa online at checkout.");
    for (const secret of [STORE.hashKey, STORE.password, STORE.username, STORE.accountNum]) expect(shown.text).not.toContain(secret);
    const row = await credentialsRow(s.seller.shopId, "easypay");
    for (const secret of [STORE.hashKey, STORE.password]) expect(JSON.stringify(row)).not.toContain(secret);
    // Empty secrets keep what was saved; the mode changes.
    expect((await s.seller.client.post(page, { storeId: "", hashKey: "", username: "", password: "", accountNum: "", mode: "live" })).status).toBe(303);
    expect((await s.seller.client.get(page)).text).toMatch(/<option value="live" selected/);

    // The customer's pages never carry a secret.
    const o = await order(s);
    const h = await handOff(s, o);
    for (const secret of [STORE.hashKey, STORE.password, STORE.username]) expect(h.res.text).not.toContain(secret);
    expect(h.action).toBe("https://easypay.easypaisa.com.pk/easypay/Index.jsf");

    expect((await s.seller.client.post(`${page}/delete`, {})).status).toBe(303);
    expect((await o.client.get(`${s.origin}${o.path}`)).text).not.toContain("/pay/easypay/");
  });
});
