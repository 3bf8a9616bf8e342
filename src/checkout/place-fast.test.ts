/**
 * POST /checkout's one-round-trip order (placeFast): what it writes, that it writes it only
 * when every check inside its SQL holds, and that anything else falls back to the long way
 * (checkoutReads, review, placeOrder) without counting the rate limit twice or using a number.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { writeFailure } from "./order-writes";
import { placeFast } from "./place-fast";
import { placeOrder } from "./place-order";
import { basisOf, quoteCart } from "../pricing/facts";
import { priceQuote } from "../pricing/price";
import { checkoutSchema } from "./schemas";
import { Client, shopD1, shopDb, uniq, type Res } from "../../test/helpers";
import { checkoutHidden, customerForm, seedProduct, shopWithCatalogue, shopWithCatalogueBeside, stockOf } from "../../test/checkout-fixtures";

/** A value read in the shop's shard (src/db/shards.ts): its rows, its full record, the rate limits its checkout counts. */
const one = async <T = number>(shopId: number, sql: string, ...args: unknown[]) => (await (await shopD1(shopId)).prepare(sql).bind(...args).first<{ n: T }>())!.n;
/** D1 round trips of a response (the budget: statements a batch are not counted, round trips are). */
const timing = (res: Res) => /d1q;dur=\d+/.exec(res.headers.get("server-timing") ?? "")![0];
const ipHits = (shopId: number, ip: string) => one(shopId, "SELECT coalesce(max(count), 0) AS n FROM rate_limits WHERE key = ?", `checkout:ip:${ip}`);
const newKey = () => uniq("key").padEnd(24, "x");

/**
 * A customer whose cart cookie holds exactly these lines (even ones /cart/add would refuse), who
 * opened the checkout page (its facts, `basis`, go back with the form, as a browser posts them)
 * and then posts; `before` runs between the two (a seller's edit meanwhile).
 */
async function checkout(origin: string, lines: [number, number][], form: Record<string, string>, before?: () => Promise<unknown>) {
  const client = new Client();
  await client.get(`${origin}/cart`); // the shop record is cached after its first request
  client.cookies(new URL(origin).host).set("hatti_cart", lines.map(([v, q]) => `${v}x${q}`).join("."));
  const ip = uniq("ip");
  const page = await client.get(`${origin}/checkout`, { "cf-connecting-ip": ip });
  const basis = page.status === 200 ? checkoutHidden(page).basis : "";
  await before?.();
  const res = await client.post(`${origin}/checkout`, { ...customerForm(), key: newKey(), basis, ...form }, { csrf: false, headers: { "cf-connecting-ip": ip } });
  return { res, ip, token: /^\/orders\/([^?]+)/.exec(res.location ?? "")?.[1] };
}

/** An order's rows, without what differs between two orders (ids, token, key, number, times). */
async function written(shopId: number, token: string) {
  const d1 = await shopD1(shopId);
  const order = (await d1.prepare("SELECT * FROM orders WHERE shop_id = ? AND token = ?").bind(shopId, token).first<Record<string, unknown>>())!;
  const items = (await d1.prepare("SELECT * FROM order_items WHERE shop_id = ? AND order_id = ? ORDER BY id").bind(shopId, order.id).all<Record<string, unknown>>()).results;
  const events = (await d1.prepare("SELECT * FROM order_events WHERE shop_id = ? AND order_id = ? ORDER BY id").bind(shopId, order.id).all<Record<string, unknown>>()).results;
  const drop = (r: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));
  return {
    order: drop(order, "id", "token", "idempotency_key", "number", "created_at", "updated_at"),
    items: items.map((r) => drop(r, "id", "order_id")),
    events: events.map((r) => drop(r, "id", "order_id", "created_at")),
  };
}

describe("one-round-trip checkout", () => {
  it("json_each and ->> work in the local D1", async () => {
    const r = await env.DB.prepare("SELECT j.key AS pos, j.value ->> 0 AS id, j.value ->> 1 AS qty FROM json_each(?) j").bind("[[12,2],[40,1]]").all();
    expect(r.results).toEqual([{ pos: 0, id: 12, qty: 2 }, { pos: 1, id: 40, qty: 1 }]);
  });

  it("places a mixed cart in one round trip, priced from D1; the long way writes the same rows", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const [loose] = await seedProduct(seller.shopId, { title: "Loose Thread", trackStock: false, variants: [{ title: "Default", price: 5_000, stock: 0 }] });
    const [gone] = await seedProduct(seller.shopId, { title: "Gone Shawl", variants: [{ title: "Default", price: 1_000, stock: 0 }] });
    const lines: [number, number][] = [[kurta[1]!.id, 2], [dupatta.id, 1], [loose!.id, 3]];
    const subtotal = 2 * 260_000 + 90_000 + 3 * 5_000;
    const form = { payment: "jazzcash", reference: "TX42", note: "Ring twice", zone: String(zone.id) };

    const fast = await checkout(origin, lines, form);
    expect(fast.res.status).toBe(303);
    expect(timing(fast.res)).toBe("d1q;dur=1");
    const rows = await written(seller.shopId, fast.token!);
    expect(rows.order).toMatchObject({ shop_id: seller.shopId, status: "new", payment_method: "jazzcash", payment_reference: "TX42", note: "Ring twice", customer_phone: "+923215551234", zone_id: zone.id, zone_name: zone.name, subtotal, delivery_fee: zone.fee, total: subtotal + zone.fee, currency: "PKR", locale: "en" });
    expect(rows.items.map((i) => [i.title, i.variant_title, i.price, i.quantity, i.stock_tracked])).toEqual([
      ["Lawn Kurta", "M", 260_000, 2, 1],
      ["Chiffon Dupatta", "", 90_000, 1, 1],
      ["Loose Thread", "", 5_000, 3, 0],
    ]);
    expect(rows.events).toEqual([expect.objectContaining({ shop_id: seller.shopId, kind: "created", from_status: null, to_status: "new" })]);
    expect([await stockOf(kurta[1]!), await stockOf(dupatta), await stockOf(loose!)]).toEqual([3, 19, 0]);

    // The same cart plus a sold-out line: the page priced it as sold out, so the one round trip
    // is not tried; the long way orders the lines that can be bought (2 round trips) and writes the same rows.
    const slow = await checkout(origin, [...lines, [gone!.id, 1]], form);
    expect(slow.res.status).toBe(303);
    expect(timing(slow.res)).toBe("d1q;dur=2");
    expect(await written(seller.shopId, slow.token!)).toEqual(rows);
    expect(await one(seller.shopId, "SELECT group_concat(number) AS n FROM (SELECT number FROM orders WHERE shop_id = ? ORDER BY number)", seller.shopId)).toBe("1001,1002");
    expect(await one(seller.shopId, "SELECT n FROM order_counts WHERE shop_id = ? AND status = 'new'", seller.shopId)).toBe(2);
  });

  it("delivers free at the zone's threshold, as the checkout page showed", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    await (await shopD1(seller.shopId)).prepare("UPDATE delivery_zones SET free_above = 180000 WHERE id = ?").bind(zone.id).run();
    const { res, token } = await checkout(origin, [[dupatta.id, 2]], { zone: String(zone.id) });
    expect(timing(res)).toBe("d1q;dur=1");
    expect((await written(seller.shopId, token!)).order).toMatchObject({ subtotal: 180_000, delivery_fee: 0, total: 180_000 });
    const below = await checkout(origin, [[dupatta.id, 1]], { zone: String(zone.id) });
    expect((await written(seller.shopId, below.token!)).order).toMatchObject({ subtotal: 90_000, delivery_fee: zone.fee, total: 90_000 + zone.fee });
    expect(await one(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(1002);
  });

  it("numbers orders from the shop's sequence, which follows orders however they were inserted", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    // An order restored from a backup (or imported) with a number of its own.
    const shard = await shopD1(seller.shopId);
    const restore = (number: number) =>
      shard.prepare(
        `INSERT INTO orders (shop_id, number, token, idempotency_key, payment_method, customer_name, customer_phone, city, address, subtotal, total, currency)
         VALUES (?1, ?2, ?3, ?3, 'cod', 'Restored', '+923001234567', 'Lahore', 'House 1', 100, 100, 'PKR')`,
      )
        .bind(seller.shopId, number, uniq("restored"))
        .run();
    await restore(5000);
    expect(await one(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(5000);
    const { token } = await checkout(origin, [[dupatta.id, 1]], { zone: String(zone.id) });
    expect(await one(seller.shopId, "SELECT number AS n FROM orders WHERE token = ?", token!)).toBe(5001);
    expect(await one(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(5001);
    // A lower number (an old order restored) leaves the sequence where it is.
    await restore(1001);
    expect(await one(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(5001);
  });

  it("never orders another shop's variant, a draft product or a deleted variant", async () => {
    const a = await shopWithCatalogue();
    // Another shop IN THE SAME SHARD: only there could a's batch ever see b's rows (ids are per database).
    const b = await shopWithCatalogueBeside(a.seller.shopId);
    const [draft] = await seedProduct(a.seller.shopId, { status: "draft" });
    const [deleted] = await seedProduct(a.seller.shopId);
    await (await shopD1(a.seller.shopId)).prepare("DELETE FROM variants WHERE id = ?").bind(deleted!.id).run();
    for (const stranger of [b.kurta[0]!.id, draft!.id, deleted!.id]) {
      // Alone in the cart: nothing to order (no checkout page, so no basis: the reads found nothing).
      const alone = await checkout(a.origin, [[stranger, 1]], { zone: String(a.zone.id) });
      expect(alone.res.status).toBe(400);
      expect(timing(alone.res)).toBe("d1q;dur=1");
      expect(await ipHits(a.seller.shopId, alone.ip)).toBe(1); // counted once, by the long way
      // With a line of the shop's own: the checkout page dropped the stranger from the cart, so
      // only that line is ordered, in one round trip.
      const mixed = await checkout(a.origin, [[stranger, 1], [a.dupatta.id, 1]], { zone: String(a.zone.id) });
      expect(mixed.res.status).toBe(303);
      expect(timing(mixed.res)).toBe("d1q;dur=1");
      expect((await written(a.seller.shopId, mixed.token!)).items.map((i) => i.variant_id)).toEqual([a.dupatta.id]);
    }
    expect(await stockOf(b.kurta[0]!)).toBe(5);
    expect(await stockOf(draft!)).toBe(10);
    expect(await one(a.seller.shopId, "SELECT count(*) AS n FROM order_items WHERE variant_id IN (?, ?, ?)", b.kurta[0]!.id, draft!.id, deleted!.id)).toBe(0);
    expect(await one(a.seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", b.seller.shopId)).toBe(0);
    expect(await one(a.seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", a.seller.shopId)).toBe(1003);

    // placeFast itself, with a basis that claims shop b's variant (its true facts, as b's own
    // page priced them) in shop a's cart: the batch finds no such line of shop a and refuses,
    // counting the hit (which it returns) and using no number.
    const cart = [{ variantId: a.dupatta.id, quantity: 1 }, { variantId: b.dupatta.id, quantity: 1 }];
    const mine = JSON.parse(basisOf(await quoteCart(await shopDb(a.seller.shopId), a.seller.shopId, cart, { code: null }), Date.now()));
    const theirs = JSON.parse(basisOf(await quoteCart(await shopDb(b.seller.shopId), b.seller.shopId, cart, { code: null }), Date.now()));
    const forged = JSON.stringify({ ...mine, l: [...mine.l, ...theirs.l] });
    const form = checkoutSchema.parse({ ...customerForm(), key: newKey(), zone: String(a.zone.id), basis: forged });
    const ip = uniq("ip");
    const shop = { id: a.seller.shopId, currency: "PKR", locale: "en" as const };
    expect(await placeFast(await shopDb(a.seller.shopId), shop, cart, form, null, ip, Date.now())).toEqual({ refused: true, limit: expect.objectContaining({ count: 1, limited: false }) });
    expect(await ipHits(a.seller.shopId, ip)).toBe(1);
    expect(await one(a.seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", a.seller.shopId)).toBe(1003);
    expect([await stockOf(a.dupatta), await stockOf(b.dupatta)]).toEqual([17, 20]);
  });

  it("falls back for a changed price and a rate limit, counting the hit once", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    // The seller raised the price after the customer saw 90,000.
    const raise = async () => (await shopD1(seller.shopId)).prepare("UPDATE variants SET price = 95000 WHERE id = ?").bind(dupatta.id).run();
    const changed = await checkout(origin, [[dupatta.id, 1]], { zone: String(zone.id) }, raise);
    expect(changed.res.status).toBe(409);
    expect(changed.res.text).toContain("Prices changed since you opened this page.");
    expect(changed.res.text).toContain('data-refusal="price-changed"');
    // The refused attempt (its hit counted), then the long way's reads without a second hit.
    expect(timing(changed.res)).toBe("d1q;dur=2");
    expect(await ipHits(seller.shopId, changed.ip)).toBe(1);

    const ip = uniq("ip");
    await (await shopD1(seller.shopId)).prepare("INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 30)").bind(`checkout:ip:${ip}`, Date.now() - (Date.now() % 600_000)).run();
    const client = new Client();
    client.cookies(new URL(origin).host).set("hatti_cart", `${dupatta.id}x1`);
    const limited = await client.post(`${origin}/checkout`, { ...customerForm(), key: newKey(), zone: String(zone.id) }, { csrf: false, headers: { "cf-connecting-ip": ip } });
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('data-refusal="rate-limit"');
    expect(timing(limited)).toBe("d1q;dur=1");
    expect(await ipHits(seller.shopId, ip)).toBe(31);
    expect(await one(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(await one(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(1000);
    expect(await stockOf(dupatta)).toBe(20);
  });

  it("placeOrder refuses to write when a price changed after its quote", async () => {
    const { seller, kurta, zone } = await shopWithCatalogue();
    const shard = await shopDb(seller.shopId);
    const quote = await quoteCart(shard, seller.shopId, [{ variantId: kurta[0]!.id, quantity: 1 }], { code: null });
    await (await shopD1(seller.shopId)).prepare("UPDATE variants SET price = 1 WHERE id = ?").bind(kurta[0]!.id).run();
    const form = checkoutSchema.parse({ ...customerForm(), key: newKey(), zone: String(zone.id) });
    const priced = priceQuote(quote, quote.zones[0]!, Date.now());
    const result = await placeOrder(shard, { shopId: seller.shopId, currency: "PKR", locale: "en", quote, zone: quote.zones[0]!, priced, form });
    expect(result).toBeNull();
    expect(await one(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(await stockOf(kurta[0]!)).toBe(5);
  });

  it("takes only the stock CHECK, by its name, for a refusal; every other error is thrown", () => {
    const d1 = (message: string) => new Error("Failed query", { cause: new Error(`D1_ERROR: ${message}: SQLITE_CONSTRAINT`) });
    expect(writeFailure(d1("CHECK constraint failed: variants_stock_nonneg"))).toBe("stock");
    expect(writeFailure(d1("NOT NULL constraint failed: orders.number"))).toBeNull();
    expect(writeFailure(d1("UNIQUE constraint failed: orders.shop_id, orders.idempotency_key"))).toBeNull();
    expect(writeFailure(d1("NOT NULL constraint failed: order_items.title"))).toBeNull();
    expect(writeFailure(d1("CHECK constraint failed: orders_total_nonneg"))).toBeNull();
    expect(writeFailure(d1("UNIQUE constraint failed: orders.token"))).toBeNull();
    expect(writeFailure(new Error("D1_ERROR: no such column: foo"))).toBeNull();
  });
});
