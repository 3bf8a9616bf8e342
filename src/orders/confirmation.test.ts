/**
 * Cash-on-delivery confirmation (src/orders/confirmation.ts): a COD order of a shop that asks
 * starts awaiting its customer, who gets one message (written in the order's own batch) with the
 * link to her order page, where she confirms (or cancels); the seller sees it marked, and flagged
 * once it waited the shop's hours, never cancelled. Real local D1, the routes a customer and a
 * seller use, a controlled clock for the hours.
 */
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { orderEvents, orders, outbox, shops, variants } from "../db/schema";
import { formatMoney } from "../i18n";
import { messageOf, platformOrigin } from "../messages/outbox";
import { renderText } from "../messages/templates/render";
import { Client, ROOT, shopDb, shopOrigin } from "../../test/helpers";
import { customerAtCheckout, customerForm, placeOrderAt, seedProduct, shopWithCatalogue } from "../../test/checkout-fixtures";

const HOUR = 3_600_000;

// A shop's rows live in its shard (src/db/shards.ts), and ids are per database.
const requestsOf = async (shopId: number) =>
  (await shopDb(shopId))
    .select()
    .from(outbox)
    .where(and(eq(outbox.shopId, shopId), eq(outbox.template, "cod_confirm_request")))
    .orderBy(outbox.id)
    .all();

const stateOf = async (shopId: number, id: number) =>
  (await (await shopDb(shopId)).select({ status: orders.status, confirmation: orders.confirmation }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, id))).get())!;

const confirmEvents = async (shopId: number, id: number) =>
  (await shopDb(shopId))
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.shopId, shopId), eq(orderEvents.orderId, id), eq(orderEvents.kind, "confirmation")))
    .all();

/** The message a row is sent as: its parameters, read from the shop's rows, and its text. */
async function sentAs(shopId: number, id: number) {
  const d = await shopDb(shopId);
  const row = (await d.select().from(outbox).where(and(eq(outbox.shopId, shopId), eq(outbox.id, id))).get())!;
  const message = await messageOf(d, row, platformOrigin(env as never));
  return message && { params: message.params, text: renderText(message.template, message.locale, message.params) };
}

const LONG_TITLE = "Handmade embroidered chiffon kurta with dupatta for weddings";
const URDU_TITLE = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

describe("the order's batch", () => {
  it("a cash-on-delivery order awaits its customer, who is sent one message on the shop's channel, to her phone, with her order page", async () => {
    const s = await shopWithCatalogue();
    const [kurta] = await seedProduct(s.seller.shopId, { title: LONG_TITLE, variants: [{ title: "Default", price: 1_245_000, stock: 20 }] });
    const order = await placeOrderAt(s.origin, s.zone.id, [[kurta!.id, 2]]);
    expect(await stateOf(s.seller.shopId, order.id)).toEqual({ status: "new", confirmation: "awaiting" });

    const [request, ...more] = await requestsOf(s.seller.shopId);
    expect(more).toEqual([]);
    expect(request).toMatchObject({ channel: "whatsapp", recipient: "+923215551234", locale: "en", params: JSON.stringify({ orderId: order.id }) });
    const total = (await (await shopDb(s.seller.shopId)).select({ total: orders.total }).from(orders).where(and(eq(orders.shopId, s.seller.shopId), eq(orders.id, order.id))).get())!.total;
    const sent = (await sentAs(s.seller.shopId, request!.id))!;
    expect(sent.params).toEqual({
      orderNumber: `#${order.number}`,
      total: formatMoney(total, "PKR", "en"),
      shopName: expect.any(String),
      link: `http://${s.seller.slug}.hatti.test/orders/${order.token}`,
    });
    // (Parameters go out on one line, each whitespace run one space: the total's no-break space too.)
    expect(sent.text.body).toBe(
      `Please confirm or cancel your order #${order.number} of ${sent.params.total!.replace(/\s/g, " ")} at ${sent.params.shopName}. Open ${sent.params.link} to confirm it or cancel it.`,
    );
  });

  it("writes it once: a retry of the same checkout key is the same order, and no second message", async () => {
    const s = await shopWithCatalogue();
    const { client, headers, key } = await customerAtCheckout(s.origin, [[s.dupatta.id, 1]]);
    const post = () => client.post(`${s.origin}/checkout`, { ...customerForm(), key, zone: String(s.zone.id) }, { csrf: false, headers });
    const first = await post();
    const second = await post();
    expect(first.status).toBe(303);
    expect(second.location).toBe(first.location);
    expect(await requestsOf(s.seller.shopId)).toHaveLength(1);

    // An order refused (sold out meanwhile) writes nothing, her message included.
    const late = await customerAtCheckout(s.origin, [[s.kurta[0]!.id, 5]]);
    await (await shopDb(s.seller.shopId)).update(variants).set({ stock: 0 }).where(eq(variants.id, s.kurta[0]!.id));
    const refused = await late.client.post(`${s.origin}/checkout`, { ...customerForm(), key: late.key, zone: String(s.zone.id) }, { csrf: false, headers: late.headers });
    expect(refused.status).not.toBe(303);
    expect(await requestsOf(s.seller.shopId)).toHaveLength(1);
  });

  it("asks nothing of a wallet payment, nor in a shop that turned it off", async () => {
    const s = await shopWithCatalogue();
    const wallet = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { payment: "jazzcash", reference: "TX123456" });
    expect((await stateOf(s.seller.shopId, wallet.id)).confirmation).toBe("none");

    await (await shopDb(s.seller.shopId)).update(shops).set({ codConfirm: false }).where(eq(shops.id, s.seller.shopId));
    const cod = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    expect((await stateOf(s.seller.shopId, cod.id)).confirmation).toBe("none");
    expect(await requestsOf(s.seller.shopId)).toEqual([]);
    const page = await cod.client.get(`${s.origin}${cod.path}`);
    expect(page.text).not.toContain("Confirm my order");
    expect(page.text).not.toContain(`${cod.path}/confirm`);
    // A forged confirm changes nothing and says so.
    const forged = await cod.client.post(`${s.origin}${cod.path}/confirm`, {}, { csrf: false });
    expect(forged.location).toBe(`${cod.path}?confirm=none`);
    expect((await stateOf(s.seller.shopId, cod.id)).confirmation).toBe("none");
  });

  it("on the shop's channel: SMS when she chose it; none when messages are off, and the page still asks her", async () => {
    const s = await shopWithCatalogue();
    await (await shopDb(s.seller.shopId)).update(shops).set({ alertChannel: "sms" }).where(eq(shops.id, s.seller.shopId));
    await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    expect((await requestsOf(s.seller.shopId)).map((r) => r.channel)).toEqual(["sms"]);

    await (await shopDb(s.seller.shopId)).update(shops).set({ alertChannel: "off" }).where(eq(shops.id, s.seller.shopId));
    const quiet = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    expect(await requestsOf(s.seller.shopId)).toHaveLength(1);
    expect((await stateOf(s.seller.shopId, quiet.id)).confirmation).toBe("awaiting");
    const page = await quiet.client.get(`${s.origin}${quiet.path}`);
    expect(page.text).toContain(`action="${quiet.path}/confirm"`);
  });

  it("in the order's language: an Urdu shop's customer gets Urdu text and an Urdu page", async () => {
    const s = await shopWithCatalogue();
    await (await shopDb(s.seller.shopId)).update(shops).set({ locale: "ur" }).where(eq(shops.id, s.seller.shopId));
    const [kurta] = await seedProduct(s.seller.shopId, { title: URDU_TITLE, variants: [{ title: "Default", price: 450_000, stock: 5 }] });
    const order = await placeOrderAt(s.origin, s.zone.id, [[kurta!.id, 1]]);
    const [request] = await requestsOf(s.seller.shopId);
    expect(request!.locale).toBe("ur");
    const sent = (await sentAs(s.seller.shopId, request!.id))!;
    expect(sent.text.body).toContain("براہ کرم");
    expect(sent.text.body).toContain(sent.params.link!);
    const page = await order.client.get(`${s.origin}${order.path}`);
    expect(page.text).toContain("میرے آرڈر کی تصدیق کریں");
    const done = await order.client.post(`${s.origin}${order.path}/confirm`, {}, { csrf: false });
    expect((await order.client.get(`${s.origin}${done.location}`)).text).toContain("شکریہ، آپ کے آرڈر کی تصدیق ہو گئی ہے۔");
  });
});

describe("the customer's order page", () => {
  it("confirms once: a prominent button, then 'confirmed', an event for the seller; a second tap changes nothing and says so", async () => {
    const s = await shopWithCatalogue();
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 1]]);
    const page = await order.client.get(`${s.origin}${order.path}`);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.text).toContain("Please confirm your order");
    expect(page.text).toMatch(new RegExp(`action="${order.path}/confirm"><button class="co-btn block" type="submit">Confirm my order`));
    expect(page.text).toContain(`action="${order.path}/cancel"`);

    const res = await order.client.post(`${s.origin}${order.path}/confirm`, {}, { csrf: false });
    expect([res.status, res.location, res.headers.get("cache-control")]).toEqual([303, `${order.path}?confirm=done`, "private, no-store"]);
    expect(await stateOf(s.seller.shopId, order.id)).toEqual({ status: "new", confirmation: "confirmed" });
    const after = await order.client.get(`${s.origin}${res.location}`);
    expect(after.text).toContain("Thank you, your order is confirmed.");
    expect(after.text).not.toContain("Confirm my order");
    expect(after.text).toContain("You confirmed the order");
    expect((await order.client.get(`${s.origin}${order.path}`)).text).toContain("You confirmed this order.");

    const again = await order.client.post(`${s.origin}${order.path}/confirm`, {}, { csrf: false });
    expect(again.location).toBe(`${order.path}?confirm=again`);
    expect((await order.client.get(`${s.origin}${again.location}`)).text).toContain("You have already confirmed this order.");
    expect(await confirmEvents(s.seller.shopId, order.id)).toHaveLength(1);

    const admin = await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/orders/${order.id}`);
    expect(admin.text).toContain("Confirmed by the customer");
  });

  it("after the seller cancelled, or confirmed it herself: nothing changes, and the page says why", async () => {
    const s = await shopWithCatalogue();
    const status = (id: number, from: string, to: string) => s.seller.client.post(`${ROOT}/admin/${s.seller.slug}/orders/${id}/status`, { from, to });

    const cancelled = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const page = await cancelled.client.get(`${s.origin}${cancelled.path}`);
    expect(page.text).toContain("Confirm my order");
    expect((await status(cancelled.id, "new", "cancelled")).status).toBe(303);
    const late = await cancelled.client.post(`${s.origin}${cancelled.path}/confirm`, {}, { csrf: false });
    expect(late.location).toBe(`${cancelled.path}?confirm=cancelled`);
    expect(await stateOf(s.seller.shopId, cancelled.id)).toEqual({ status: "cancelled", confirmation: "awaiting" });
    const told = await cancelled.client.get(`${s.origin}${late.location}`);
    expect(told.text).toContain("This order was cancelled, so it cannot be confirmed.");
    expect(told.text).not.toContain("Confirm my order");
    expect(await confirmEvents(s.seller.shopId, cancelled.id)).toEqual([]);

    // The seller's own confirm needs none of hers.
    const confirmed = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    expect((await status(confirmed.id, "new", "confirmed")).status).toBe(303);
    const moot = await confirmed.client.post(`${s.origin}${confirmed.path}/confirm`, {}, { csrf: false });
    expect(moot.location).toBe(`${confirmed.path}?confirm=shop`);
    expect(await stateOf(s.seller.shopId, confirmed.id)).toEqual({ status: "confirmed", confirmation: "awaiting" });
    expect((await confirmed.client.get(`${s.origin}${moot.location}`)).text).toContain("The shop has already confirmed this order.");
  });

  it("she may cancel instead (as before): then a confirm says it was cancelled", async () => {
    const s = await shopWithCatalogue();
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const cancel = await order.client.post(`${s.origin}${order.path}/cancel`, {}, { csrf: false });
    expect(cancel.location).toBe(`${order.path}?cancel=done`);
    const late = await order.client.post(`${s.origin}${order.path}/confirm`, {}, { csrf: false });
    expect(late.location).toBe(`${order.path}?confirm=cancelled`);
    expect(await stateOf(s.seller.shopId, order.id)).toEqual({ status: "cancelled", confirmation: "awaiting" });
  });

  it("another shop's host does not know the token: 404, nothing confirmed", async () => {
    const s = await shopWithCatalogue();
    const other = await shopWithCatalogue();
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const foreign = await new Client().post(`${shopOrigin(other.seller.slug)}/orders/${order.token}/confirm`, {}, { csrf: false });
    expect(foreign.status).toBe(404);
    expect((await stateOf(s.seller.shopId, order.id)).confirmation).toBe("awaiting");
    const unknown = await new Client().post(`${s.origin}/orders/${"x".repeat(24)}/confirm`, {}, { csrf: false });
    expect(unknown.status).toBe(404);
  });
});

describe("the seller's orders", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("marks an order awaiting, flags it once it waited the shop's hours (never cancels it), and filters those", async () => {
    const s = await shopWithCatalogue();
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const wallet = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { payment: "jazzcash", reference: "TX99" });
    const base = `${ROOT}/admin/${s.seller.slug}/orders`;
    const placedAt = (await (await shopDb(s.seller.shopId)).select({ at: orders.createdAt }).from(orders).where(and(eq(orders.shopId, s.seller.shopId), eq(orders.id, order.id))).get())!.at;

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(placedAt + 24 * HOUR - 1);
    let list = await s.seller.client.get(base);
    expect(list.text).toContain("Awaiting customer confirmation");
    expect(list.text).not.toContain("Not confirmed after 24 hours");
    expect((await s.seller.client.get(`${base}?late=1`)).text).toContain("No orders match.");

    vi.setSystemTime(placedAt + 24 * HOUR);
    list = await s.seller.client.get(base);
    expect(list.text).toContain("Not confirmed after 24 hours");
    expect(list.text).not.toContain("Awaiting customer confirmation");
    const late = await s.seller.client.get(`${base}?late=1`);
    expect(late.text).toContain(`href="/admin/${s.seller.slug}/orders/${order.id}"`);
    expect(late.text).not.toContain(`href="/admin/${s.seller.slug}/orders/${wallet.id}"`);
    expect(late.text).toMatch(/href="[^"]*late=1" aria-current="page"/);
    const page = await s.seller.client.get(`${base}/${order.id}`);
    expect(page.text).toContain("Not confirmed after 24 hours");
    expect(page.text).toContain("Call her before you pack it");
    expect((await stateOf(s.seller.shopId, order.id)).status).toBe("new");

    // Still hers to confirm late; then it is no longer flagged.
    const confirm = await order.client.post(`${s.origin}${order.path}/confirm`, {}, { csrf: false });
    expect(confirm.location).toBe(`${order.path}?confirm=done`);
    list = await s.seller.client.get(base);
    expect(list.text).toContain("Confirmed by the customer");
    expect(list.text).not.toContain("Not confirmed after");
  });

  it("by the shop's own hours; the seller's confirm takes it off the list", async () => {
    const s = await shopWithCatalogue();
    await (await shopDb(s.seller.shopId)).update(shops).set({ codConfirmHours: 2 }).where(eq(shops.id, s.seller.shopId));
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const base = `${ROOT}/admin/${s.seller.slug}/orders`;
    const placedAt = (await (await shopDb(s.seller.shopId)).select({ at: orders.createdAt }).from(orders).where(and(eq(orders.shopId, s.seller.shopId), eq(orders.id, order.id))).get())!.at;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(placedAt + 2 * HOUR);
    expect((await s.seller.client.get(`${base}?late=1`)).text).toContain("Not confirmed after 2 hours");
    expect((await s.seller.client.post(`${base}/${order.id}/status`, { from: "new", to: "confirmed" })).status).toBe(303);
    const after = await s.seller.client.get(`${base}?late=1`);
    expect(after.text).toContain("No orders match.");
    expect((await s.seller.client.get(`${base}/${order.id}`)).text).not.toContain("Not confirmed after");
  });

  it("in Urdu: the marks and the filter", async () => {
    const s = await shopWithCatalogue();
    await s.seller.client.post(`${ROOT}/admin/account/language`, { locale: "ur", next: `/admin/${s.seller.slug}/orders` });
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const base = `${ROOT}/admin/${s.seller.slug}/orders`;
    expect((await s.seller.client.get(base)).text).toContain("گاہک کی تصدیق کا انتظار");
    const placedAt = (await (await shopDb(s.seller.shopId)).select({ at: orders.createdAt }).from(orders).where(and(eq(orders.shopId, s.seller.shopId), eq(orders.id, order.id))).get())!.at;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(placedAt + 25 * HOUR);
    const list = await s.seller.client.get(`${base}?late=1`);
    expect(list.text).toContain("تصدیق نہیں ہوئی");
    expect(list.text).toContain("24 گھنٹے بعد بھی تصدیق نہیں ہوئی");
  });
});

describe("the setting", () => {
  it("on by default, in Payment methods; turned off and its hours changed (Urdu digits welcome); a clear message beside the hours, input kept", async () => {
    const s = await shopWithCatalogue();
    const url = `${ROOT}/admin/${s.seller.slug}/settings/payments`;
    const page = await s.seller.client.get(url);
    expect(page.text).toMatch(/name="codConfirm" value="on" checked/);
    expect(page.text).toMatch(/name="codConfirmHours"[^>]*value="24"/);
    expect(page.text).toMatch(/name="codConfirmHours"[^>]*inputmode="numeric"|inputmode="numeric"[^>]*name="codConfirmHours"/);

    const form = { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "Ayesha Bibi", jazzcashNumber: "0301 7654321" };
    expect((await s.seller.client.post(url, { ...form, codConfirmHours: "۴۸" })).status).toBe(303);
    const row = async () => (await (await shopDb(s.seller.shopId)).select({ on: shops.codConfirm, hours: shops.codConfirmHours }).from(shops).where(eq(shops.id, s.seller.shopId)).get())!;
    expect(await row()).toEqual({ on: false, hours: 48 });

    for (const typed of ["0", "169", "day", "-1", ""]) {
      const bad = await s.seller.client.post(url, { ...form, codConfirm: "on", jazzcashTitle: "Kept title", codConfirmHours: typed });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain("Enter a whole number of hours from 1 to 168.");
      expect(bad.text).toMatch(new RegExp(`name="codConfirmHours"[^>]*value${typed ? `="${typed}"` : "[ />]"}`));
      expect(bad.text).toContain('value="Kept title"');
    }
    expect(await row()).toEqual({ on: false, hours: 48 });
    expect((await s.seller.client.post(url, { ...form, codConfirm: "on", codConfirmHours: "168" })).status).toBe(303);
    expect(await row()).toEqual({ on: true, hours: 168 });
  });
});
