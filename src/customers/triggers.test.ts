/**
 * The customers table is kept by triggers on orders (migrations/triggers/customers.sql): every
 * order write keeps her row right with no statement of its own. Each step below goes through
 * the real path (checkout, the customer's cancel, the seller's status changes), and the
 * migration's backfill is shown to rebuild the very rows the triggers made, keeping the
 * seller's note and tags.
 */
import { describe, expect, it } from "vitest";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { ROOT, shopD1 } from "../../test/helpers";
import { source } from "../../test/trigger-fixtures";

type Row = Record<string, unknown>;

// A shop's rows live in its shard (src/db/shards.ts), and ids are per database: each read names the shop.
const customerOf = async (shopId: number, phone: string) =>
  (await shopD1(shopId)).prepare(
    "SELECT phone, name, city, orders, delivered, cancelled, returned, spent, last_order_at, note, tags FROM customers WHERE shop_id = ? AND phone = ?",
  )
    .bind(shopId, phone)
    .first<Row>();

const totalOf = async (shopId: number, id: number) => (await (await shopD1(shopId)).prepare("SELECT total FROM orders WHERE shop_id = ? AND id = ?").bind(shopId, id).first<{ total: number }>())!.total;
const createdOf = async (shopId: number, id: number) => (await (await shopD1(shopId)).prepare("SELECT created_at FROM orders WHERE shop_id = ? AND id = ?").bind(shopId, id).first<{ created_at: number }>())!.created_at;

type Shop = Awaited<ReturnType<typeof shopWithCatalogue>>;
async function move(s: Shop, id: number, steps: [string, string][]) {
  for (const [from, to] of steps) {
    const body: Record<string, string> = { from, to };
    if (to === "shipped") Object.assign(body, { courier: "TCS", tracking: "TCS-778899" });
    const res = await s.seller.client.post(`${ROOT}/admin/${s.seller.slug}/orders/${id}/status`, body);
    expect(res.status, `${from} -> ${to}`).toBe(303);
  }
}
const SHIP: [string, string][] = [["new", "confirmed"], ["confirmed", "packed"], ["packed", "shipped"]];

const PHONE = "+923215551234";

describe("a customer's row, kept by the triggers on orders", () => {
  it("follows her orders: placed, a new city and name, cancelled by her, returned, and another shop's are its own", async () => {
    const s = await shopWithCatalogue();
    const first = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { name: "Sana Khan", phone: "0321-5551234", city: "Lahore" });
    const t1 = await totalOf(s.seller.shopId, first.id);
    expect(await customerOf(s.seller.shopId, PHONE)).toMatchObject({
      name: "Sana Khan", city: "Lahore", orders: 1, delivered: 0, cancelled: 0, returned: 0, spent: t1, last_order_at: await createdOf(s.seller.shopId, first.id), note: "", tags: "[]",
    });

    // Her second order, typed differently, to another city under her full name: the same row.
    const second = await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 1]], { name: "ثنا خان", phone: "+92 321 5551234", city: "Karachi" });
    const t2 = await totalOf(s.seller.shopId, second.id);
    expect(await customerOf(s.seller.shopId, PHONE)).toMatchObject({ name: "ثنا خان", city: "Karachi", orders: 2, spent: t1 + t2, last_order_at: await createdOf(s.seller.shopId, second.id) });

    // She cancels the second herself: no longer spent, counted as cancelled.
    expect((await second.client.post(`${s.origin}${second.path}/cancel`, {}, { csrf: false })).status).toBe(303);
    expect(await customerOf(s.seller.shopId, PHONE)).toMatchObject({ orders: 2, cancelled: 1, returned: 0, spent: t1 });

    // The first is delivered, then comes back.
    await move(s, first.id, [...SHIP, ["shipped", "delivered"]]);
    expect(await customerOf(s.seller.shopId, PHONE)).toMatchObject({ orders: 2, delivered: 1, cancelled: 1, spent: t1 });
    await move(s, first.id, [["delivered", "returned"]]);
    expect(await customerOf(s.seller.shopId, PHONE)).toMatchObject({
      name: "ثنا خان", city: "Karachi", orders: 2, delivered: 0, cancelled: 1, returned: 1, spent: 0,
    });

    // The same number at another shop: a row of that shop, untouched by this one's.
    const other = await shopWithCatalogue();
    const third = await placeOrderAt(other.origin, other.zone.id, [[other.dupatta.id, 2]], { name: "Sana K.", phone: "03215551234", city: "Multan" });
    expect(await customerOf(other.seller.shopId, PHONE)).toMatchObject({ name: "Sana K.", city: "Multan", orders: 1, cancelled: 0, returned: 0, spent: await totalOf(other.seller.shopId, third.id) });
    expect(await customerOf(s.seller.shopId, PHONE)).toMatchObject({ orders: 2, returned: 1, cancelled: 1, spent: 0, city: "Karachi" });
    // One row each, in each shop's own shard.
    for (const shopId of [s.seller.shopId, other.seller.shopId]) {
      const rows = await (await shopD1(shopId)).prepare("SELECT count(*) AS n FROM customers WHERE shop_id = ? AND phone = ?").bind(shopId, PHONE).first<{ n: number }>();
      expect(rows!.n).toBe(1);
    }
  });

  it("an older order restored later (a backup) counts, but does not replace her latest name and city", async () => {
    const s = await shopWithCatalogue();
    const recent = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { name: "Ayesha Bibi", phone: "0333 7654321", city: "Peshawar" });
    await (await shopD1(s.seller.shopId)).prepare(
      `INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone, city, address, subtotal, total, currency, created_at, updated_at)
       VALUES (?, 999, 'old-token-' || ?, 'old-key', 'delivered', 'cod', 'Ayesha', '+923337654321', 'Mardan', 'House 1', 50000, 50000, 'PKR', ?, ?)`,
    )
      .bind(s.seller.shopId, s.seller.shopId, Date.now() - 90 * 86_400_000, Date.now() - 80 * 86_400_000)
      .run();
    expect(await customerOf(s.seller.shopId, "+923337654321")).toMatchObject({
      name: "Ayesha Bibi", city: "Peshawar", orders: 2, delivered: 1, spent: (await totalOf(s.seller.shopId, recent.id)) + 50000, last_order_at: await createdOf(s.seller.shopId, recent.id),
    });
  });

  it("the migration's backfill rebuilds exactly what the triggers keep, and keeps the seller's note and tags", async () => {
    const s = await shopWithCatalogue();
    const a = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { phone: "0300 1110001", city: "Lahore" });
    await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 2]], { phone: "0300 1110001", city: "Sialkot", name: "Sana" });
    const b = await placeOrderAt(s.origin, s.zone.id, [[s.kurta[1]!.id, 1]], { phone: "0300 1110002" });
    await move(s, a.id, [["new", "cancelled"]]);
    await move(s, b.id, [...SHIP, ["shipped", "delivered"]]);
    const d1 = await shopD1(s.seller.shopId);
    await d1.prepare("UPDATE customers SET note = 'Prefers evening delivery', tags = '[\"VIP\"]' WHERE shop_id = ? AND phone = '+923001110001'").bind(s.seller.shopId).run();
    const all = () =>
      d1.prepare("SELECT phone, name, city, orders, delivered, cancelled, returned, spent, last_order_at, created_at, note, tags FROM customers WHERE shop_id = ? ORDER BY phone")
        .bind(s.seller.shopId)
        .all<Row>();
    const kept = (await all()).results;
    expect(kept).toHaveLength(2);

    // Scrambled, then the backfill of migrations/triggers/customers.sql, as a migration runs it.
    await d1.prepare("UPDATE customers SET orders = 7, spent = 1, city = 'x', name = 'x', delivered = 9 WHERE shop_id = ?").bind(s.seller.shopId).run();
    const concern = source().find((c) => c.file === "customers.sql")!;
    await d1.batch(concern.backfill.map((q) => d1.prepare(q)));
    expect((await all()).results).toEqual(kept);
  });
});
