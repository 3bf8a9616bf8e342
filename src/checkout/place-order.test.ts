import { describe, expect, it } from "vitest";
import { formatMoney } from "../i18n";
import { placeOrder } from "./place-order";
import { quoteCart } from "../pricing/facts";
import { priceQuote } from "../pricing/price";
import { checkoutSchema } from "./schemas";
import { clearOfWindowEdge, Client, shopD1, shopDb, uniq, type Res } from "../../test/helpers";
import { RULES } from "../auth/rate-limit";
import { customerAtCheckout, customerForm, seedProduct, shopWithCatalogue, stockOf } from "../../test/checkout-fixtures";

const money = (minor: number) => formatMoney(minor, "PKR", "en");
/** A number read in the shop's shard (src/db/shards.ts): its rows, its full record, the rate limits its checkout counts. */
const count = async (shopId: number, sql: string, ...args: unknown[]) =>
  (await (await shopD1(shopId)).prepare(sql).bind(...args).first<{ n: number }>())!.n;
/** D1 round trips of a response, from its Server-Timing header. */
const roundTrips = (res: Res) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")![1]);
const ipHits = (shopId: number, ip: string) => count(shopId, "SELECT count AS n FROM rate_limits WHERE key = ?", `checkout:ip:${ip}`);

describe("checkout", () => {
  it("places an order: snapshots, stock taken, number from the shop's counter, status page", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const { client, headers, page, key, basis } = await customerAtCheckout(origin, [[kurta[1]!.id, 2], [dupatta.id, 1]]);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.text).toContain('name="robots" content="noindex"');
    // One D1 round trip of one statement renders the checkout (the shop record is cached in the isolate).
    expect(page.headers.get("server-timing")).toContain("d1q;dur=1,d1s;dur=1,");
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const subtotal = 2 * 260_000 + 90_000;
    expect(page.text).toContain(money(subtotal + zone.fee));
    expect(page.text).toContain("0301 7654321"); // the JazzCash account is shown

    const res = await client.post(`${origin}/checkout`, { ...customerForm(), key, basis, zone: String(zone.id) }, { csrf: false, headers });
    expect(res.status).toBe(303);
    // ONE D1 round trip (placeFast): the rate-limit hit and the order's writes, which verify in
    // SQL the facts the page was priced with. It was two round trips for this cart.
    expect(res.headers.get("server-timing")).toContain("d1q;dur=1,");
    const token = /^\/orders\/([A-Za-z0-9_-]{24})\?placed=1$/.exec(res.location ?? "")![1]!;
    expect(client.cookies(new URL(origin).host).get("hatti_cart")).toBeUndefined();

    const order = (await (await shopD1(seller.shopId)).prepare("SELECT * FROM orders WHERE shop_id = ? AND token = ?").bind(seller.shopId, token).first<Record<string, unknown>>())!;
    expect(order).toMatchObject({ shop_id: seller.shopId, number: 1001, status: "new", customer_phone: "+923215551234", subtotal, delivery_fee: zone.fee, total: subtotal + zone.fee, payment_method: "cod", zone_name: zone.name });
    const items = await (await shopD1(seller.shopId)).prepare("SELECT title, variant_title, price, quantity FROM order_items WHERE shop_id = ? AND order_id = ? ORDER BY id").bind(seller.shopId, order.id).all();
    expect(items.results).toEqual([
      { title: "Lawn Kurta", variant_title: "M", price: 260_000, quantity: 2 },
      { title: "Chiffon Dupatta", variant_title: "", price: 90_000, quantity: 1 },
    ]);
    expect(await stockOf(kurta[1]!)).toBe(3);
    expect(await stockOf(dupatta)).toBe(19);
    expect(await count(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(1001);
    expect(await count(seller.shopId, "SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'created'", order.id)).toBe(1);

    const status = await client.get(`${origin}${res.location}`);
    expect(status.status).toBe(200);
    expect(status.headers.get("cache-control")).toBe("private, no-store");
    expect(status.headers.get("server-timing")).toContain("d1q;dur=1,");
    expect(status.text).toContain('name="robots" content="noindex"');
    expect(status.text).toContain("Thank you, your order is placed!");
    expect(status.text).toContain("Order #1001");
    expect(status.text).toContain(money(subtotal + zone.fee));
    const wa = /href="(https:\/\/wa\.me\/[^"]+)"/.exec(status.text)![1]!.replace(/&amp;/g, "&");
    const url = new URL(wa);
    expect(url.pathname).toBe("/923001112233");
    expect(url.searchParams.get("text")).toContain("#1001");
    expect(url.searchParams.get("text")).toContain("2 × Lawn Kurta (M)");

    // A second order takes the next number.
    const again = await customerAtCheckout(origin, [[dupatta.id, 1]]);
    const res2 = await again.client.post(`${origin}/checkout`, { ...customerForm(), key: again.key, zone: String(zone.id) }, { csrf: false, headers: again.headers });
    expect(res2.status).toBe(303);
    expect(await count(seller.shopId, "SELECT max(number) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(1002);
  });

  it("keeps what the customer typed and says what is wrong", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const other = await shopWithCatalogue();
    const { client, headers, key, basis } = await customerAtCheckout(origin, [[kurta[0]!.id, 1]]);
    const post = (over: Record<string, string>) => client.post(`${origin}/checkout`, { ...customerForm(), key, basis, zone: String(zone.id), ...over }, { csrf: false, headers });

    const badPhone = await post({ phone: "12345", address: "House <b>9</b>" });
    expect(badPhone.status).toBe(400);
    expect(badPhone.text).toContain("Enter a Pakistani mobile number, like 0300 1234567.");
    expect(badPhone.text).toContain('value="12345"');
    expect(badPhone.text).toContain('data-refusal="invalid"');
    expect(badPhone.text).toContain("House &lt;b>9&lt;/b>");
    expect(badPhone.text).toContain('value="Sana Khan"');
    expect(badPhone.headers.get("cache-control")).toBe("private, no-store");

    const unknownZone = await post({ zone: String(other.zone.id) });
    expect(unknownZone.status).toBe(400);
    expect(unknownZone.text).toContain("Choose where to deliver.");

    const disabled = await post({ payment: "bank" });
    expect(disabled.status).toBe(400);
    expect(disabled.text).toContain("Choose one of the payment methods shown.");
    const bogus = await post({ payment: "bitcoin", name: "" });
    expect(bogus.text).toContain("Choose one of the payment methods shown.");
    expect(bogus.text).toContain("Please enter your name.");

    // A page that showed another price (a forged basis, or a price changed since): refused, and she sees the total.
    const shown = JSON.parse(basis);
    shown.l[0][0][2] = 1;
    const changed = await post({ basis: JSON.stringify(shown) });
    expect(changed.status).toBe(409);
    expect(changed.text).toContain("Prices changed since you opened this page.");
    expect(changed.text).toContain('data-refusal="price-changed"');

    expect(await count(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(await stockOf(kurta[0]!)).toBe(5);
  });

  it("refuses an empty cart and a line with too few left", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const empty = await new Client().post(`${origin}/checkout`, { ...customerForm(), key: "k".repeat(22), zone: String(zone.id) }, { csrf: false });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Your cart is empty.");
    expect(empty.text).toContain('data-refusal="empty"');

    const { client, headers, key } = await customerAtCheckout(origin, [[kurta[0]!.id, 3]]);
    await (await shopD1(seller.shopId)).prepare("UPDATE variants SET stock = 2 WHERE id = ?").bind(kurta[0]!.id).run();
    const res = await client.post(`${origin}/checkout`, { ...customerForm(), key, zone: String(zone.id) }, { csrf: false, headers });
    expect(res.status).toBe(409);
    expect(res.text).toContain("Not enough stock for: Lawn Kurta (S).");
    expect(res.text).toContain('data-refusal="short"');
    expect(res.text).toContain(">House 12, Street 4, Model Town</textarea>"); // kept
    expect(await count(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
  });

  it("makes one order from the same checkout posted twice and 10 times at once", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const { client, headers, key, basis } = await customerAtCheckout(origin, [[dupatta.id, 2]]);
    const cookie = client.cookies(new URL(origin).host).get("hatti_cart")!;
    const form = { ...customerForm(), key, basis, zone: String(zone.id) };
    // Each post carries the cart, as a double tap on a flaky network would.
    const post = () => {
      const c = new Client();
      c.cookies(new URL(origin).host).set("hatti_cart", cookie);
      return c.post(`${origin}/checkout`, form, { csrf: false, headers });
    };
    const first = await post();
    const hits = await ipHits(seller.shopId, headers["cf-connecting-ip"]);
    const second = await post();
    expect(second.status).toBe(303);
    expect(second.location).toBe(first.location);
    // A retry is one round trip (the order batch finds the key and writes nothing), is not
    // counted against the IP, and is answered even when the IP is over its limit.
    expect(second.headers.get("server-timing")).toContain("d1q;dur=1,");
    expect(await ipHits(seller.shopId, headers["cf-connecting-ip"])).toBe(hits);
    await (await shopD1(seller.shopId)).prepare("UPDATE rate_limits SET count = 1000 WHERE key = ?").bind(`checkout:ip:${headers["cf-connecting-ip"]}`).run();
    const limited = await post();
    expect(limited.status).toBe(303);
    expect(limited.location).toBe(first.location);
    const many = await Promise.all(Array.from({ length: 10 }, post));
    for (const r of many) {
      expect(r.status).toBe(303);
      expect(r.location).toBe(first.location);
    }
    // Fresh key, 10 at once: still one order.
    const next = await customerAtCheckout(origin, [[dupatta.id, 1]]);
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => next.client.post(`${origin}/checkout`, { ...customerForm(), key: next.key, zone: String(zone.id) }, { csrf: false, headers: next.headers })),
    );
    expect(new Set(burst.map((r) => `${r.status} ${r.location}`)).size).toBe(1);
    expect(await count(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(2);
    expect(await stockOf(dupatta)).toBe(20 - 2 - 1);
    expect(await count(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(1002);
  });

  it("50 customers racing for 5 units: exactly 5 orders, stock 0, 45 clear refusals", async () => {
    const { seller, zone, origin } = await shopWithCatalogue();
    const [last] = await seedProduct(seller.shopId, { title: "Last Shawl", variants: [{ title: "Default", price: 300_000, stock: 5 }] });
    const customers = await Promise.all(Array.from({ length: 50 }, () => customerAtCheckout(origin, [[last!.id, 1]], uniq("ip"))));
    const results = await Promise.all(
      customers.map((c) => c.client.post(`${origin}/checkout`, { ...customerForm({ name: uniq("Buyer ") }), key: c.key, basis: c.basis, zone: String(zone.id) }, { csrf: false, headers: c.headers })),
    );
    const placed = results.filter((r) => r.status === 303);
    const refused = results.filter((r) => r.status !== 303);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const r of placed) expect(roundTrips(r)).toBe(1);
    for (const r of refused) {
      // The one-round-trip order was refused by its stock guard, then the reads saw the stock gone
      // (it only goes down here, so the long way never reaches its own write batch).
      // (Seen once at 3 in a CI run on a machine loaded 7x over: the message says which refusal.)
      expect(roundTrips(r), `${r.status} ${r.headers.get("server-timing")} ${/data-refusal="[^"]*"/.exec(r.text)?.[0]}`).toBe(2);
      expect([400, 409]).toContain(r.status);
      expect(r.text).toContain("Last Shawl");
      expect(r.text).toMatch(/Sorry, not enough left of: Last Shawl|Not enough stock for: Last Shawl/);
      // The reason, as a marker that is not translated (the soak counts refusals by it).
      expect(r.text).toMatch(/data-refusal="(sold-out|short)"/);
    }
    expect(await stockOf(last!)).toBe(0);
    expect(await count(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(5);
    expect(await count(seller.shopId, "SELECT count(*) AS n FROM order_items WHERE shop_id = ?", seller.shopId)).toBe(5);
    // Order numbers have no gaps: failed batches never took a number.
    expect(await count(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(1005);
  });

  it("rate-limits checkout posts per IP", async () => {
    const { dupatta, zone, origin } = await shopWithCatalogue();
    await clearOfWindowEdge(RULES.checkoutIp);
    const ip = uniq("ip");
    const { client, headers } = await customerAtCheckout(origin, [[dupatta.id, 1]], ip);
    let last: Res | undefined;
    for (let i = 0; i < 31; i++) last = await client.post(`${origin}/checkout`, { ...customerForm({ phone: "bad" }), key: "k".repeat(22), zone: String(zone.id) }, { csrf: false, headers });
    expect(last!.status).toBe(429);
    expect(last!.text).toContain("Too many attempts");
    expect(last!.text).toContain('data-refusal="rate-limit"');
    expect(roundTrips(last!)).toBe(1);
  });

  it("shows an order only on its own shop, by its exact token", async () => {
    const a = await shopWithCatalogue();
    const b = await shopWithCatalogue();
    const { client, headers, key } = await customerAtCheckout(a.origin, [[a.dupatta.id, 1]]);
    const res = await client.post(`${a.origin}/checkout`, { ...customerForm(), key, zone: String(a.zone.id) }, { csrf: false, headers });
    const path = res.location!.replace("?placed=1", "");
    expect((await new Client().get(`${a.origin}${path}`)).status).toBe(200);
    const onB = await new Client().get(`${b.origin}${path}`);
    expect(onB.status).toBe(404);
    expect(onB.headers.get("cache-control")).toBe("private, no-store");
    expect(onB.text).toContain("We could not find that page"); // in shop B's own theme, no hint the order exists
    expect((await new Client().get(`${a.origin}${path.slice(0, -1)}x`)).status).toBe(404);
    expect((await new Client().get(`${a.origin}/orders/short`)).status).toBe(404);
  });

  it("writes nothing when the stock guard fails: no order, no number, no stock change", async () => {
    const { seller, kurta, dupatta, zone } = await shopWithCatalogue();
    const shard = await shopDb(seller.shopId);
    const quote = await quoteCart(shard, seller.shopId, [{ variantId: dupatta.id, quantity: 2 }, { variantId: kurta[0]!.id, quantity: 5 }], { code: null });
    expect(quote.lines.every((l) => l.state === "ok")).toBe(true);
    // Someone else buys one S kurta after this quote was made.
    await (await shopD1(seller.shopId)).prepare("UPDATE variants SET stock = 4 WHERE id = ?").bind(kurta[0]!.id).run();
    const form = checkoutSchema.parse({ ...customerForm(), key: "z".repeat(22), zone: String(zone.id) });
    const zone0 = quote.zones[0]!;
    const result = await placeOrder(shard, { shopId: seller.shopId, currency: "PKR", locale: "en", quote, zone: zone0, priced: priceQuote(quote, zone0, Date.now()), form });
    expect(result).toBeNull();
    expect(await stockOf(dupatta)).toBe(20);
    expect(await stockOf(kurta[0]!)).toBe(4);
    expect(await count(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(await count(seller.shopId, "SELECT count(*) AS n FROM order_items WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(await count(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(1000);
  });

  it("says so when the shop has no delivery zone or no way to pay", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    await (await shopD1(seller.shopId)).prepare("DELETE FROM delivery_zones WHERE shop_id = ?").bind(seller.shopId).run();
    const { client, headers, page, key } = await customerAtCheckout(origin, [[dupatta.id, 1]]);
    expect(page.text).toContain("This shop has not set up delivery yet.");
    expect(page.text).toMatch(/<button class="co-btn block" type="submit" disabled/);
    const res = await client.post(`${origin}/checkout`, { ...customerForm(), key, zone: String(zone.id) }, { csrf: false, headers });
    expect(res.status).toBe(400);
    expect(await count(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
  });
});
