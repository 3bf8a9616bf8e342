/**
 * The seller's other alerts, on the same channel and number as her new-order message
 * (sellerAlertRecipients): low stock, written in the order's own batch for each tracked variant
 * the order took to her level (never for one already there), and an order the customer cancelled
 * herself, written in the cancel's own batch.
 */
import { env } from "cloudflare:workers";
import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MAX_LINES } from "../checkout/cart";
import { outbox, pushSubscriptions, shops, users, variants } from "../db/schema";
import { STOCK_MAX } from "../products/form";
import { Client, db, ROOT, shopD1, shopDb } from "../../test/helpers";
import { syncMembers } from "../db/members";
import { shopSourceOf } from "../db/shards";
import { customerAtCheckout, customerForm, placeOrderAt, seedProduct, shopWithCatalogue, stockOf } from "../../test/checkout-fixtures";
import { messageOf, platformOrigin } from "./outbox";

/** The seller's messages of a shop (not the customer's COD confirmation request: src/orders/confirmation.test.ts). */
const rowsOf = async (shopId: number, template?: string) =>
  (await shopDb(shopId))
    .select()
    .from(outbox)
    .where(and(eq(outbox.shopId, shopId), template ? eq(outbox.template, template) : ne(outbox.template, "cod_confirm_request")))
    .orderBy(outbox.id)
    .all();

/** The template parameters a row is sent with (read from the shop's rows when it is sent). */
async function paramsOf(shopId: number, id: number): Promise<Record<string, string>> {
  const d = await shopDb(shopId);
  const row = (await d.select().from(outbox).where(eq(outbox.id, id)).get())!;
  return (await messageOf(d, row, platformOrigin(env as never)))!.params;
}

/** A shop with a catalogue whose WhatsApp number is stored as the settings form stores it (E.164). */
async function shopWithNumber() {
  const s = await shopWithCatalogue();
  await (await shopDb(s.seller.shopId)).update(shops).set({ whatsapp: "+923001112233" }).where(eq(shops.id, s.seller.shopId));
  return s;
}

const settingsForm = { name: "Ayesha's Kitchen", description: "", whatsapp: "0300 1112233", phone: "", email: "", city: "Lahore", currency: "PKR", locale: "en", alertChannel: "whatsapp" };

describe("low stock", () => {
  it("tells her once, when an order takes a tracked variant to her level (2 by default), not while it stays there", async () => {
    const s = await shopWithNumber(); // kurta S and M: 5 each
    const [s5] = s.kurta;
    await placeOrderAt(s.origin, s.zone.id, [[s5!.id, 2]]); // 5 -> 3: above 2
    expect(await rowsOf(s.seller.shopId, "low_stock")).toEqual([]);
    const order = await placeOrderAt(s.origin, s.zone.id, [[s5!.id, 1]]); // 3 -> 2: crossed
    const [low, ...more] = await rowsOf(s.seller.shopId, "low_stock");
    expect(more).toEqual([]);
    expect(low).toMatchObject({ channel: "whatsapp", recipient: "+923001112233", locale: "en", params: JSON.stringify({ variantId: s5!.id }) });
    // Written by the order's batch beside its new-order message, both for the queue.
    expect((await rowsOf(s.seller.shopId)).map((r) => r.template)).toEqual(["new_order", "new_order", "low_stock"]);
    await placeOrderAt(s.origin, s.zone.id, [[s5!.id, 1]]); // 2 -> 1: already low
    expect(await rowsOf(s.seller.shopId, "low_stock")).toHaveLength(1);

    const params = await paramsOf(s.seller.shopId, low!.id);
    expect(params.product).toBe("Lawn Kurta - S");
    expect(params.stock).toBe(String(await stockOf(s5!)));
    expect(params.link).toBe(`http://hatti.test/admin/${s.seller.slug}/products/${s5!.productId}`);
    expect(order.number).toBeGreaterThan(0);
  });

  it("a sell-out of several lines at once: one message per variant, a full cart of every line crossing included", async () => {
    const s = await shopWithCatalogue();
    const many = await seedProduct(s.seller.shopId, {
      title: "Hand-embroidered chiffon kurta with dupatta for weddings",
      variants: Array.from({ length: MAX_LINES }, (_, i) => ({ title: `Size ${i + 1}`, price: 100_000, stock: 3 })),
    });
    await placeOrderAt(s.origin, s.zone.id, many.map((v) => [v.id, 1] as [number, number]));
    const low = await rowsOf(s.seller.shopId, "low_stock");
    expect(low.map((r) => JSON.parse(r.params).variantId).sort((a, b) => a - b)).toEqual(many.map((v) => v.id).sort((a, b) => a - b));
    expect(await rowsOf(s.seller.shopId, "new_order")).toHaveLength(1);
  });

  it("never for a product that does not track stock, for a refused order, or when she turned it off", async () => {
    const s = await shopWithCatalogue();
    const [loose] = await seedProduct(s.seller.shopId, { trackStock: false, variants: [{ title: "Default", price: 50_000, stock: 3 }] });
    await placeOrderAt(s.origin, s.zone.id, [[loose!.id, 2]]);
    expect(await rowsOf(s.seller.shopId, "low_stock")).toEqual([]);

    // Refused: more than there is. Nothing written, low stock included.
    const { client, headers, key } = await customerAtCheckout(s.origin, [[s.kurta[1]!.id, 4]]);
    await (await shopDb(s.seller.shopId)).update(variants).set({ stock: 3 }).where(eq(variants.id, s.kurta[1]!.id));
    const refused = await client.post(`${s.origin}/checkout`, { ...customerForm(), key, zone: String(s.zone.id) }, { csrf: false, headers });
    expect(refused.status).not.toBe(303);
    expect(await rowsOf(s.seller.shopId, "low_stock")).toEqual([]);

    const url = `${ROOT}/admin/${s.seller.slug}/settings`;
    expect((await s.seller.client.post(url, { ...settingsForm, lowStockAt: "" })).status).toBe(303);
    expect((await (await shopDb(s.seller.shopId)).select({ l: shops.lowStockAt }).from(shops).where(eq(shops.id, s.seller.shopId)).get())!.l).toBeNull();
    await placeOrderAt(s.origin, s.zone.id, [[s.kurta[1]!.id, 3]]); // 3 -> 0
    expect(await rowsOf(s.seller.shopId, "low_stock")).toEqual([]);
  });

  it("her level in settings: Urdu digits welcome, a clear message beside the field for anything else, her input kept", async () => {
    const s = await shopWithCatalogue();
    const url = `${ROOT}/admin/${s.seller.slug}/settings`;
    const page = await s.seller.client.get(url);
    expect(page.text).toMatch(/name="lowStockAt"[^>]*value="2"/);
    expect(page.text).toMatch(/name="lowStockAt"[^>]*inputmode="numeric"|inputmode="numeric"[^>]*name="lowStockAt"/);

    expect((await s.seller.client.post(url, { ...settingsForm, lowStockAt: "۵" })).status).toBe(303);
    expect((await (await shopDb(s.seller.shopId)).select({ l: shops.lowStockAt }).from(shops).where(eq(shops.id, s.seller.shopId)).get())!.l).toBe(5);

    for (const [typed, message] of [
      ["a few", "Enter stock as a whole number"],
      ["-1", "Stock cannot be below 0"],
      ["1".repeat(STOCK_MAX + 1), "too long"],
    ] as const) {
      const bad = await s.seller.client.post(url, { ...settingsForm, name: "Kept name", lowStockAt: typed });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain(message);
      expect(bad.text).toContain(`value="${typed}"`);
      expect(bad.text).toContain('value="Kept name"');
    }
    expect((await (await shopDb(s.seller.shopId)).select({ l: shops.lowStockAt, n: shops.name }).from(shops).where(eq(shops.id, s.seller.shopId)).get())).toEqual({ l: 5, n: "Ayesha's Kitchen" });
    // At the cap: twelve characters of a valid number.
    expect((await s.seller.client.post(url, { ...settingsForm, lowStockAt: " 1,000,000  " })).status).toBe(303);
  });

  it("in her language: an Urdu owner gets the low-stock message in Urdu", async () => {
    const s = await shopWithCatalogue();
    await db().update(users).set({ locale: "ur" }).where(eq(users.phone, `+92${s.seller.login.slice(1)}`));
    // As her language's form does: the shard's copy of its members follows (src/db/members.ts).
    await syncMembers(shopSourceOf(env), s.seller.shopId);
    await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 3]]);
    const [low] = await rowsOf(s.seller.shopId, "low_stock");
    expect(low!.locale).toBe("ur");
  });
});

describe("an order the customer cancels herself", () => {
  it("before the seller confirmed it: cancelled, stock back, the seller told in the same batch, shown 'by the customer'", async () => {
    const s = await shopWithNumber();
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 2]]);
    expect(await stockOf(s.kurta[0]!)).toBe(3);
    const page = await order.client.get(`${s.origin}${order.path}`);
    expect(page.text).toContain(`action="/orders/${order.token}/cancel"`);
    expect(page.text).toContain("Cancel this order");

    const res = await order.client.post(`${s.origin}${order.path}/cancel`, {}, { csrf: false });
    expect([res.status, res.location]).toEqual([303, `${order.path}?cancel=done`]);
    expect((await order.client.get(`${s.origin}${order.path}?cancel=done`)).text).toContain("You cancelled this order");
    expect(await (await shopD1(s.seller.shopId)).prepare("SELECT status FROM orders WHERE id = ?").bind(order.id).first("status")).toBe("cancelled");
    expect(await stockOf(s.kurta[0]!)).toBe(5);
    const [told, ...more] = await rowsOf(s.seller.shopId, "order_cancelled_by_customer");
    expect(more).toEqual([]);
    expect(told).toMatchObject({ channel: "whatsapp", recipient: "+923001112233", params: JSON.stringify({ orderId: order.id }) });
    const params = await paramsOf(s.seller.shopId, told!.id);
    expect(params).toMatchObject({ orderNumber: `#${order.number}`, link: `http://hatti.test/admin/${s.seller.slug}/orders/${order.id}` });

    const admin = await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/orders/${order.id}`);
    expect(admin.text).toContain("by the customer");

    // A double tap: nothing more happens, nobody is told twice.
    const again = await order.client.post(`${s.origin}${order.path}/cancel`, {}, { csrf: false });
    expect(again.location).toBe(`${order.path}?cancel=late`);
    expect(await stockOf(s.kurta[0]!)).toBe(5);
    expect(await rowsOf(s.seller.shopId, "order_cancelled_by_customer")).toHaveLength(1);
  });

  it("not once the seller confirmed it: the page offers no cancel, a late post changes nothing and says to ask on WhatsApp", async () => {
    const s = await shopWithCatalogue();
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const page = await order.client.get(`${s.origin}${order.path}`);
    const confirm = await s.seller.client.post(`${ROOT}/admin/${s.seller.slug}/orders/${order.id}/status`, { from: "new", to: "confirmed" });
    expect(confirm.status).toBe(303);
    expect(page.text).toContain("/cancel");
    const late = await order.client.post(`${s.origin}${order.path}/cancel`, {}, { csrf: false });
    expect(late.location).toBe(`${order.path}?cancel=late`);
    expect(await (await shopD1(s.seller.shopId)).prepare("SELECT status FROM orders WHERE id = ?").bind(order.id).first("status")).toBe("confirmed");
    expect(await rowsOf(s.seller.shopId, "order_cancelled_by_customer")).toEqual([]);
    const after = await order.client.get(`${s.origin}${order.path}?cancel=late`);
    expect(after.text).toContain("Message the seller on WhatsApp");
    expect(after.text).not.toContain(`/orders/${order.token}/cancel`);
  });

  it("reaches every phone with alerts on too (the same rule as a new order): a push beside her WhatsApp message", async () => {
    const s = await shopWithNumber();
    const owner = (await db().select({ id: users.id }).from(users).where(eq(users.phone, `+92${s.seller.login.slice(1)}`)).get())!;
    const endpoint = "https://fcm.googleapis.com/fcm/send/phone-of-ayesha";
    await (await shopDb(s.seller.shopId)).insert(pushSubscriptions).values({ shopId: s.seller.shopId, userId: owner.id, endpoint, p256dh: "BNc", auth: "au" });
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 3]]); // 5 -> 2: low too
    await order.client.post(`${s.origin}${order.path}/cancel`, {}, { csrf: false });
    const rows = await rowsOf(s.seller.shopId);
    expect(rows.map((r) => [r.template, r.channel])).toEqual([
      ["new_order", "whatsapp"],
      ["new_order", "push"],
      ["low_stock", "whatsapp"],
      ["low_stock", "push"],
      ["order_cancelled_by_customer", "whatsapp"],
      ["order_cancelled_by_customer", "push"],
    ]);
    for (const r of rows.filter((r) => r.channel === "push")) expect(JSON.parse(r.recipient)).toEqual({ endpoint, keys: { p256dh: "BNc", auth: "au" } });
  });

  it("another shop's order is not found, and a shop with alerts off still lets her cancel (telling nobody)", async () => {
    const s = await shopWithCatalogue();
    const other = await shopWithCatalogue();
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const foreign = await new Client().post(`${other.origin}/orders/${order.token}/cancel`, {}, { csrf: false });
    expect(foreign.status).toBe(404);
    expect(await (await shopD1(s.seller.shopId)).prepare("SELECT status FROM orders WHERE id = ?").bind(order.id).first("status")).toBe("new");

    await (await shopDb(s.seller.shopId)).update(shops).set({ alertChannel: "off" }).where(eq(shops.id, s.seller.shopId));
    const quiet = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const res = await quiet.client.post(`${s.origin}${quiet.path}/cancel`, {}, { csrf: false });
    expect(res.location).toBe(`${quiet.path}?cancel=done`);
    expect(await rowsOf(s.seller.shopId, "order_cancelled_by_customer")).toEqual([]);
  });
});
