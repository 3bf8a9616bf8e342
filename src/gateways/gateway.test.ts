/**
 * JazzCash end to end in workerd, against the local JazzCash sandbox (scripts/sandboxes/jazzcash.mjs,
 * a Node server with its own hash implementation and the test merchant's salt): the order page's
 * Pay now, the hand-off form, the gateway's page, its signed return, the order marked paid once
 * (one event, one alert); every forged, replayed or misdirected return refused with the order left
 * unpaid; the cron's Status Inquiry; the seller's credentials page never showing a secret.
 */
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import magic from "../../scripts/sandboxes/magic.json";
import { ROOT, type Res } from "../../test/helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import type { GatewayBindings } from "./config";
import { secureHash } from "./jazzcash/hash";
import { backdateAttempt, credentialsRow, gatewayShop, handOffForm, inquireEverywhere, paymentState as state, placeOnline, type Shop } from "./test-helpers";
import { shopD1 } from "../../test/helpers";

const MERCHANT = magic.jazzcash.merchant;
const sandbox = () => inject("sandboxes").jazzcash;
const FORM = "/CustomerPortal/transactionmanagement/merchantform/";
const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded" };

/** A shop with a catalogue whose owner saved the sandbox's test merchant. */
const jazzcashShop = (creds: Record<string, string> = { ...MERCHANT, mode: "sandbox" }): Promise<Shop> => gatewayShop("jazzcash", creds);

/** An order paid with JazzCash online ("Place order" sent her to the start route). */
const order = (s: Shop) => placeOnline(s, "jazzcash_online");
type Order = Awaited<ReturnType<typeof order>>;

/** Her browser posts the start route (after "Place order", or "Pay now" to try again): the hand-off page, its form's action and fields. */
async function handOff(s: Shop, o: Order) {
  const res = await o.client.post(`${s.origin}/pay/jazzcash/${o.token}`, {}, { csrf: false });
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return { res, ...handOffForm(res.text) };
}

/** Her browser posts the form to the gateway (the sandbox), which shows its page. */
async function atGateway(fields: Record<string, string>) {
  const res = await fetch(`${sandbox()}${FORM}`, { method: "POST", headers: FORM_HEADERS, body: new URLSearchParams(fields) });
  return { status: res.status, text: await res.text() };
}

/** She taps a button on the gateway's page: the signed return it would post back. */
async function gatewayAnswer(txn: string, outcome: "pay" | "fail" | "tamper") {
  const res = await fetch(`${sandbox()}/CustomerPortal/transactionmanagement/sandbox-pay?format=json`, { method: "POST", headers: FORM_HEADERS, body: new URLSearchParams({ txn, outcome }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { action: string; fields: Record<string, string> };
}

/** The return, posted by her browser from the gateway's page (another origin). */
function returnToShop(o: Order, action: string, fields: Record<string, string>): Promise<Res> {
  return o.client.fetch(action, { method: "POST", headers: { ...FORM_HEADERS, origin: new URL(sandbox()).origin }, body: new URLSearchParams(fields) });
}

/** The start route, through the gateway's page, to the return the sandbox signs for `outcome`. */
async function throughGateway(s: Shop, o: Order, outcome: "pay" | "fail" | "tamper") {
  const h = await handOff(s, o);
  const page = await atGateway(h.fields);
  expect(page.status, page.text).toBe(200);
  return { ...h, answer: await gatewayAnswer(h.fields.pp_TxnRefNo!, outcome) };
}

describe("JazzCash: a customer pays through the sandbox", () => {
  it("Place order -> the hand-off form -> the gateway -> the signed return: the order is paid, one event, one alert; a replay changes nothing", async () => {
    const s = await jazzcashShop();
    const o = await order(s);
    expect(o.start).toBe(`/pay/jazzcash/${o.token}`);
    // Back on her order page before paying: Pay now, to try again; offering it costs the order page
    // no round trip (the shop's providers come with its cached record).
    const page = await o.client.get(`${s.origin}${o.path}`);
    expect(page.text).toContain(`action="/pay/jazzcash/${o.token}"`);
    expect(page.text).toContain("Pay now with JazzCash");
    expect(page.headers.get("server-timing")).toContain("d1q;dur=1,");

    const { res, action, fields, answer } = await throughGateway(s, o, "pay");
    const total = (await (await shopD1(s.seller.shopId)).prepare("SELECT total FROM orders WHERE shop_id = ? AND id = ?").bind(s.seller.shopId, o.id).first<{ total: number }>())!.total;
    // The form: JazzCash's sandbox (no JAZZCASH_SANDBOX_URL in the tests' env), the order in paisa, signed.
    expect(action).toBe("https://sandbox.jazzcash.com.pk/CustomerPortal/transactionmanagement/merchantform/");
    expect(fields).toMatchObject({ pp_Version: "1.1", pp_MerchantID: MERCHANT.merchantId, pp_Amount: String(total), pp_TxnCurrency: "PKR", pp_BillReference: `order${o.number}`, pp_ReturnURL: `${s.origin}/pay/jazzcash/return` });
    expect(fields.pp_SecureHash).toMatch(/^[0-9A-F]{64}$/);
    expect(res.headers.get("content-security-policy")).toContain("form-action 'self' https://sandbox.jazzcash.com.pk;");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.text).toContain(">Continue to JazzCash<");
    // The salt signs; it never leaves the Worker. (pp_Password travels in the form, as JazzCash's page redirection requires.)
    expect(res.text).not.toContain(MERCHANT.salt);
    // Paid online, not cash on delivery: never asked to confirm it.
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, confirmation: "none", attempts: [{ state: "pending", amount: total }] });

    expect(answer.action).toBe(`${s.origin}/pay/jazzcash/return`);
    const back = await returnToShop(o, answer.action, answer.fields);
    expect(back.status, back.text.slice(0, 600)).toBe(303);
    expect(back.location).toBe(`/orders/${o.token}?payment=paid`);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: true, confirmation: "none", events: 1, alerts: 1, attempts: [{ state: "paid", response_code: "000" }] });
    const shown = await o.client.get(`${s.origin}${back.location}`);
    expect(shown.text).toContain('data-payment="paid"');
    expect(shown.text).not.toContain("Confirm my order");
    expect(shown.text).not.toContain("/pay/jazzcash/");

    // The same return again (a refresh, a replay): nothing more.
    const again = await returnToShop(o, answer.action, answer.fields);
    expect(again.location).toBe(`/orders/${o.token}?payment=paid`);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: true, events: 1, alerts: 1 });
    // A paid order cannot start another payment.
    const late = await o.client.post(`${s.origin}/pay/jazzcash/${o.token}`, {}, { csrf: false });
    expect(late.status).toBe(303);
    expect((await state(o.id, s.seller.shopId)).attempts).toHaveLength(1);
  });

  it("a failed payment leaves the order unpaid and the customer can try again", async () => {
    const s = await jazzcashShop();
    const o = await order(s);
    const { answer } = await throughGateway(s, o, "fail");
    const back = await returnToShop(o, answer.action, answer.fields);
    expect(back.location).toBe(`/orders/${o.token}?payment=failed`);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "failed", response_code: "199" }] });
    const page = await o.client.get(`${s.origin}${back.location}`);
    expect(page.text).toContain('data-payment="failed"');
    expect(page.text).toContain(`/pay/jazzcash/${o.token}`);
  });

  it("no JazzCash online at checkout for a shop without its credentials; the start route of an order paid otherwise changes nothing", async () => {
    const s = await shopWithCatalogue();
    const o = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const checkout = await o.client.get(`${s.origin}/checkout`);
    expect(checkout.text).not.toContain('value="jazzcash_online"');
    expect((await o.client.get(`${s.origin}${o.path}`)).text).not.toContain("/pay/jazzcash/");
    const res = await o.client.post(`${s.origin}/pay/jazzcash/${o.token}`, {}, { csrf: false });
    expect(res.status).toBe(404);
    expect((await state(o.id, s.seller.shopId)).attempts).toHaveLength(0);
  });

  it("no Pay now on a cash-on-delivery order of a shop that takes JazzCash, and its start route refuses it", async () => {
    const s = await jazzcashShop();
    const o = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const page = await o.client.get(`${s.origin}${o.path}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("/pay/jazzcash/");
    expect(page.text).not.toContain("Pay now with JazzCash");
    const res = await o.client.post(`${s.origin}/pay/jazzcash/${o.token}`, {}, { csrf: false });
    expect(res.status).toBe(404);
    expect((await state(o.id, s.seller.shopId)).attempts).toHaveLength(0);
  });
});

describe("JazzCash: forged, replayed and misdirected returns never mark an order paid", () => {
  it("a tampered return (signed as a failure, altered to success) is refused", async () => {
    const s = await jazzcashShop();
    const o = await order(s);
    const { answer } = await throughGateway(s, o, "tamper");
    expect(answer.fields.pp_ResponseCode).toBe("000");
    const back = await returnToShop(o, answer.action, answer.fields);
    expect(back.location).toBe(`/orders/${o.token}?payment=refused`);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "pending" }] });
  });

  it("a return for another amount, another merchant or an unknown transaction is refused, even signed with the salt", async () => {
    const s = await jazzcashShop();
    const o = await order(s);
    const { answer } = await throughGateway(s, o, "pay");
    const resigned = async (change: Record<string, string>) => {
      const f = { ...answer.fields, ...change };
      return { ...f, pp_SecureHash: await secureHash(MERCHANT.salt, f) };
    };
    const cheaper = await returnToShop(o, answer.action, await resigned({ pp_Amount: "100" }));
    expect(cheaper.location).toBe(`/orders/${o.token}?payment=refused`);
    const other = await returnToShop(o, answer.action, await resigned({ pp_MerchantID: "MC_SOMEONE_ELSE" }));
    expect(other.location).toBe(`/orders/${o.token}?payment=refused`);
    const unknown = await returnToShop(o, answer.action, await resigned({ pp_TxnRefNo: "T2026113000000099999" }));
    expect(unknown.status).toBe(404);
    const malformed = await returnToShop(o, answer.action, { pp_TxnRefNo: answer.fields.pp_TxnRefNo! });
    expect(malformed.status).toBe(404);
    expect(await state(o.id, s.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "pending" }] });
    // The genuine return still settles it afterwards.
    expect((await returnToShop(o, answer.action, answer.fields)).location).toBe(`/orders/${o.token}?payment=paid`);
  });

  it("another shop's transaction is refused at this shop (same merchant account, same salt)", async () => {
    const a = await jazzcashShop();
    const b = await jazzcashShop();
    const o = await order(a);
    const { answer } = await throughGateway(a, o, "pay");
    const atB = await returnToShop(o, `${b.origin}/pay/jazzcash/return`, answer.fields);
    expect(atB.status).toBe(404);
    expect(await state(o.id, a.seller.shopId)).toMatchObject({ paid: false, events: 0, alerts: 0, attempts: [{ state: "pending" }] });
  });

  it("the sandbox refuses a form whose hash is wrong (JazzCash's code 115), so a form we sign wrongly would be caught", async () => {
    const s = await jazzcashShop();
    const o = await order(s);
    const { fields } = await handOff(s, o);
    const page = await atGateway({ ...fields, pp_Amount: "1" });
    expect(page.status).toBe(400);
    expect(page.text).toContain('data-code="115"');
    const wrongPassword = await atGateway({ ...fields, pp_Password: "guess" });
    expect(wrongPassword.text).toContain('data-code="158"');
  });
});

describe("JazzCash: the cron's status inquiry", () => {
  const cronEnv = () => ({ ...(env as unknown as GatewayBindings), JAZZCASH_SANDBOX_URL: sandbox() });

  it("settles a paid attempt whose return never came, once; leaves one not yet due, one unanswered (a timeout) and one still pending", async () => {
    const s = await jazzcashShop();
    const paidNoReturn = await order(s);
    const { fields } = await throughGateway(s, paidNoReturn, "pay"); // paid at the gateway; the return is lost
    const notDue = await order(s);
    const notDueTxn = (await throughGateway(s, notDue, "pay")).fields.pp_TxnRefNo!;
    const hanging = await order(s);
    const hangingTxn = (await throughGateway(s, hanging, "pay")).fields.pp_TxnRefNo!;
    const abandoned = await order(s);
    const abandonedTxn = (await handOff(s, abandoned)).fields.pp_TxnRefNo!;
    await atGateway((await handOff(s, abandoned)).fields); // a second tap: its own attempt
    for (const txn of [fields.pp_TxnRefNo!, hangingTxn, abandonedTxn]) await backdateAttempt(s.seller.shopId, txn, 10 * 60_000);
    await fetch(`${sandbox()}/__sandbox/fail-next?count=1&mode=hang&to=${hangingTxn}`, { method: "POST" });

    await inquireEverywhere(cronEnv(), Date.now(), 500);
    expect(await state(paidNoReturn.id, s.seller.shopId)).toMatchObject({ paid: true, events: 1, alerts: 1, attempts: [{ state: "paid", response_code: "000" }] });
    expect(await state(notDue.id, s.seller.shopId)).toMatchObject({ paid: false, attempts: [{ state: "pending" }] });
    expect(await state(hanging.id, s.seller.shopId)).toMatchObject({ paid: false, attempts: [{ state: "pending" }] });
    // Never taken to the gateway's page: JazzCash does not know it yet ("110"), so it waits.
    expect((await state(abandoned.id, s.seller.shopId)).attempts[0]).toMatchObject({ state: "pending" });
    void notDueTxn;

    // Next run: the hanging one answers now; the settled one is not asked again.
    const asked = async () => ((await (await fetch(`${sandbox()}/__sandbox/requests`)).json()) as { requests: { path: string; to: string }[] }).requests.filter((r) => r.path.endsWith("/Inquire"));
    const before = (await asked()).filter((r) => r.to === fields.pp_TxnRefNo).length;
    await inquireEverywhere(cronEnv(), Date.now(), 2000);
    expect(await state(hanging.id, s.seller.shopId)).toMatchObject({ paid: true, events: 1, alerts: 1 });
    expect((await asked()).filter((r) => r.to === fields.pp_TxnRefNo).length).toBe(before);
    expect(await state(paidNoReturn.id, s.seller.shopId)).toMatchObject({ events: 1, alerts: 1 });
  });
});

describe("the seller's JazzCash page", () => {
  it("saves the credentials sealed, shows only hints, never a secret; the first save needs every field; delete turns it off", async () => {
    const s = await shopWithCatalogue();
    const page = `${ROOT}/admin/${s.seller.slug}/gateways`;
    const empty = await s.seller.client.post(page, { merchantId: MERCHANT.merchantId, password: "", salt: "", mode: "sandbox" });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Required the first time.");
    expect(empty.text).toContain(`value="${MERCHANT.merchantId}"`);

    const saved = await s.seller.client.post(page, { ...MERCHANT, mode: "sandbox" });
    expect(saved.status).toBe(303);
    const shown = await s.seller.client.get(`${page}?saved=1`);
    expect(shown.status).toBe(200);
    for (const secret of [MERCHANT.password, MERCHANT.salt, MERCHANT.merchantId]) expect(shown.text).not.toContain(secret);
    expect(shown.text).toContain("••••0123");
    const row = await credentialsRow(s.seller.shopId, "jazzcash");
    for (const secret of [MERCHANT.password, MERCHANT.salt]) expect(JSON.stringify(row)).not.toContain(secret);

    // Empty secrets keep what was saved; the mode changes.
    expect((await s.seller.client.post(page, { merchantId: "", password: "", salt: "", mode: "live" })).status).toBe(303);
    expect((await s.seller.client.get(page)).text).toMatch(/<option value="live" selected/);

    // A customer's pages never carry a secret either (the order page, the hand-off page's salt).
    const o = await order(s);
    const orderPage = await o.client.get(`${s.origin}${o.path}`);
    for (const secret of [MERCHANT.password, MERCHANT.salt]) expect(orderPage.text).not.toContain(secret);
    expect((await handOff(s, o)).res.text).not.toContain(MERCHANT.salt);

    expect((await s.seller.client.post(`${page}/delete`, {})).status).toBe(303);
    expect((await o.client.get(`${s.origin}${o.path}`)).text).not.toContain("/pay/jazzcash/");
  });
});
