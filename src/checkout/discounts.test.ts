/**
 * Discounts through the storefront, end to end over HTTP in workerd with the real local D1: a
 * code link, the cart and checkout showing what it takes, the order written with it in one round
 * trip and its use counted in the same batch; the race for a code's last uses; a code that ran
 * out or was used by this phone meanwhile shows the new total before anything is placed.
 */
import { describe, expect, it } from "vitest";
import { formatMoney } from "../i18n";
import { Client, shopD1, shopDb, uniq, type Res } from "../../test/helpers";
import { quoteCart, quoteFromBasis } from "../pricing/facts";
import { reviewCheckout } from "../pricing/review";
import { placeFast } from "./place-fast";
import { checkoutSchema } from "./schemas";
import { checkoutHidden, customerForm, seedProduct, shopWithCatalogue } from "../../test/checkout-fixtures";
import { seedDiscount } from "../../test/discount-fixtures";

const money = (minor: number) => formatMoney(minor, "PKR", "en");
// A shop's rows live in its shard (src/db/shards.ts): each read names the shop.
const one = async <T = number>(shopId: number, sql: string, ...args: unknown[]) => (await (await shopD1(shopId)).prepare(sql).bind(...args).first<{ n: T }>())!.n;
const roundTrips = (res: Res) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")![1]);
const tokenOf = (res: Res) => /^\/orders\/([^?]+)/.exec(res.location ?? "")?.[1];
const orderOf = async (shopId: number, token: string) => (await shopD1(shopId)).prepare("SELECT * FROM orders WHERE shop_id = ? AND token = ?").bind(shopId, token).first<Record<string, number | string>>();

/** A customer with these lines in her cart who followed a code link, on the checkout page. */
async function customer(origin: string, lines: [number, number][], code: string | null, phone = "0321-5551234") {
  const client = new Client();
  const headers = { "cf-connecting-ip": uniq("ip") };
  for (const [variant, quantity] of lines) await client.post(`${origin}/cart/add`, { variant: String(variant), quantity: String(quantity) }, { csrf: false, headers });
  if (code) {
    const link = await client.get(`${origin}/?code=${code}`, headers);
    expect(link.status).toBe(303);
  }
  const page = await client.get(`${origin}/checkout`, headers);
  expect(page.status).toBe(200);
  const post = (zone: number, hidden = checkoutHidden(page)) =>
    client.post(`${origin}/checkout`, { ...customerForm({ phone }), ...hidden, zone: String(zone) }, { csrf: false, headers });
  return { client, headers, page, post };
}

describe("discount codes at checkout", () => {
  it("a code link applies the code to the cart and says so; the order takes it in one round trip and counts its use", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const eid = await seedDiscount(seller.shopId, { code: "EID10", kind: "percent", value: 15, maxUses: 100 });
    const client = new Client();
    const link = await client.get(`${origin}/products/anything?code=eid10&utm_source=whatsapp`);
    expect(link.status).toBe(303);
    expect(link.location).toBe("/products/anything?utm_source=whatsapp");
    expect(link.headers.get("cache-control")).toBe("private, no-store");
    const jar = client.cookies(new URL(origin).host);
    expect(jar.get("hatti_code")).toBe("EID10");
    // An empty cart: the code is kept and said applied (what it takes shows once there are items).
    expect(decodeURIComponent(jar.get("hatti_note")!)).toBe("Code EID10 applied: your discount shows in your cart and at checkout.");

    const c = await customer(origin, [[kurta[1]!.id, 2], [dupatta.id, 1]], "EID10");
    const subtotal = 2 * 260_000 + 90_000;
    const off = Math.floor((subtotal * 15) / 100);
    expect(c.page.text).toContain("Discount (EID10)");
    expect(c.page.text).toContain(`−${money(off)}`);
    expect(c.page.text).toContain(money(subtotal - off + zone.fee));
    const cart = await c.client.get(`${origin}/cart`, c.headers);
    expect(cart.text).toContain("Code EID10 applied.");
    expect(cart.text).toContain(money(subtotal - off));

    const res = await c.post(zone.id);
    expect(res.status).toBe(303);
    expect(roundTrips(res)).toBe(1);
    const order = (await orderOf(seller.shopId, tokenOf(res)!))!;
    expect(order).toMatchObject({ subtotal, discount: off, delivery_fee: zone.fee, total: subtotal - off + zone.fee });
    const took = await (await shopD1(seller.shopId)).prepare("SELECT discount_id, code, title, kind, amount, phone FROM order_discounts WHERE order_id = ?").bind(order.id).all();
    expect(took.results).toEqual([{ discount_id: eid, code: "EID10", title: "Eid sale", kind: "percent", amount: off, phone: "+923215551234" }]);
    expect(await one(seller.shopId, "SELECT uses AS n FROM discounts WHERE id = ?", eid)).toBe(1);
  });

  it("20 customers racing for a code with 5 uses: exactly 5 discounted orders; the rest see the full price and confirm it", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const code = await seedDiscount(seller.shopId, { code: "FIRST5", kind: "amount", value: 20_000, maxUses: 5 });
    const customers = await Promise.all(Array.from({ length: 20 }, (_, i) => customer(origin, [[dupatta.id, 1]], "FIRST5", `0300${String(1_000_000 + i)}`)));
    for (const c of customers) expect(c.page.text).toContain(money(90_000 - 20_000 + zone.fee));
    const first = await Promise.all(customers.map((c) => c.post(zone.id)));
    const placed = first.filter((r) => r.status === 303);
    const refused = first.filter((r) => r.status !== 303);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      // Nothing placed at a price she did not see: the page says why and shows the full total.
      expect(r.status).toBe(409);
      expect(r.text).toContain('data-refusal="price-changed"');
      expect(r.text).toContain("FIRST5 has been used as many times as the shop allows.");
      expect(r.text).toContain(`<td id="co-total">${money(90_000 + zone.fee)}</td>`);
    }
    expect(await one(seller.shopId, "SELECT uses AS n FROM discounts WHERE id = ?", code)).toBe(5);
    expect(await one(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ? AND discount = 20000", seller.shopId)).toBe(5);
    expect(await one(seller.shopId, "SELECT count(*) AS n FROM order_discounts WHERE shop_id = ?", seller.shopId)).toBe(5);

    // Each confirms the new total from the page she was shown (its new basis): full price.
    const again = await Promise.all(refused.map((r, i) => customers[first.indexOf(r)]!.post(zone.id, checkoutHidden(r)).then((res) => [i, res] as const)));
    for (const [, res] of again) expect(res.status).toBe(303);
    expect(await one(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ? AND discount = 0 AND total = ?", seller.shopId, 90_000 + zone.fee)).toBe(15);
    expect(await one(seller.shopId, "SELECT uses AS n FROM discounts WHERE id = ?", code)).toBe(5);
    expect(await one(seller.shopId, "SELECT order_seq AS n FROM shops WHERE id = ?", seller.shopId)).toBe(1020);
  });

  it("once per phone: the second order from that number is shown the full price first", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    await seedDiscount(seller.shopId, { code: "WELCOME", kind: "percent", value: 10, oncePerPhone: true });
    const a = await customer(origin, [[dupatta.id, 1]], "WELCOME");
    expect((await a.post(zone.id)).status).toBe(303);
    const b = await customer(origin, [[dupatta.id, 1]], "WELCOME");
    const refused = await b.post(zone.id);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("WELCOME can be used once for each mobile number, and this number has used it.");
    const confirmed = await b.post(zone.id, checkoutHidden(refused));
    expect(confirmed.status).toBe(303);
    expect((await orderOf(seller.shopId, tokenOf(confirmed)!))).toMatchObject({ discount: 0, total: 90_000 + zone.fee });
    // Another number still gets it.
    const other = await customer(origin, [[dupatta.id, 1]], "WELCOME", "0333 7654321");
    expect((await orderOf(seller.shopId, tokenOf(await other.post(zone.id))!))).toMatchObject({ discount: 9_000 });
  });

  it("free delivery waives the fee; an automatic discount on chosen products that combines stacks with the code", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const [lawn] = await seedProduct(seller.shopId, { title: "Printed Lawn Suit 3 Piece", variants: [{ title: "Default", price: 450_000, stock: 10 }] });
    await seedDiscount(seller.shopId, { code: "SHIPFREE", title: "", kind: "free_delivery", value: 0, combines: true });
    await seedDiscount(seller.shopId, { code: null, title: "Lawn week: 20% off suits", kind: "percent", value: 20, scope: "products", targets: JSON.stringify([lawn!.productId]), combines: true });
    const c = await customer(origin, [[lawn!.id, 1], [dupatta.id, 1], [kurta[0]!.id, 1]], "SHIPFREE");
    expect(c.page.text).toContain("Lawn week: 20% off suits");
    const res = await c.post(zone.id);
    expect(res.status).toBe(303);
    expect(roundTrips(res)).toBe(1);
    const order = (await orderOf(seller.shopId, tokenOf(res)!))!;
    const subtotal = 450_000 + 90_000 + 250_000;
    expect(order).toMatchObject({ subtotal, discount: 90_000, delivery_fee: 0, total: subtotal - 90_000 });
    const took = await (await shopD1(seller.shopId)).prepare("SELECT code, kind, amount FROM order_discounts WHERE order_id = ? ORDER BY id").bind(order.id).all();
    expect(took.results).toEqual(expect.arrayContaining([{ code: null, kind: "percent", amount: 90_000 }, { code: "SHIPFREE", kind: "free_delivery", amount: zone.fee }]));
  });

  it("a discount on a collection takes off its products' lines only, and only while the product is in it", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const coll = await (await shopD1(seller.shopId)).prepare("INSERT INTO collections (shop_id, slug, title) VALUES (?, ?, 'Dupattas') RETURNING id").bind(seller.shopId, uniq("c")).first<{ id: number }>();
    await (await shopD1(seller.shopId)).prepare("INSERT INTO collection_products (shop_id, collection_id, product_id) VALUES (?, ?, ?)").bind(seller.shopId, coll!.id, dupatta.productId).run();
    await seedDiscount(seller.shopId, { code: "DUPATTA", kind: "amount", value: 30_000, scope: "collections", targets: JSON.stringify([coll!.id]) });
    const c = await customer(origin, [[dupatta.id, 2], [kurta[0]!.id, 1]], "DUPATTA");
    const res = await c.post(zone.id);
    expect(roundTrips(res)).toBe(1);
    expect(await orderOf(seller.shopId, tokenOf(res)!)).toMatchObject({ subtotal: 180_000 + 250_000, discount: 30_000 });
    // The seller takes the dupatta out of the collection after the page was drawn: the batch
    // sees the product's collections changed, and the customer sees the total without it.
    const d = await customer(origin, [[dupatta.id, 1]], "DUPATTA");
    await (await shopD1(seller.shopId)).prepare("DELETE FROM collection_products WHERE collection_id = ?").bind(coll!.id).run();
    const refused = await d.post(zone.id);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("DUPATTA is not for the items in your cart.");
  });

  it("a code the seller ended, or changed, between the page and the post: nothing placed, the new total shown", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const d = await seedDiscount(seller.shopId, { code: "FLASH", kind: "amount", value: 10_000 });
    const c = await customer(origin, [[dupatta.id, 1]], "FLASH");
    await (await shopD1(seller.shopId)).prepare("UPDATE discounts SET value = 50000 WHERE id = ?").bind(d).run();
    const changed = await c.post(zone.id);
    expect(changed.status).toBe(409);
    expect(await one(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
    expect(changed.text).toContain(`<td id="co-total">${money(90_000 - 50_000 + zone.fee)}</td>`);
    await (await shopD1(seller.shopId)).prepare("UPDATE discounts SET ends_at = ? WHERE id = ?").bind(Date.now() - 1, d).run();
    const ended = await c.post(zone.id, checkoutHidden(changed));
    expect(ended.status).toBe(409);
    expect(ended.text).toContain("FLASH has ended.");
    expect(ended.text).toContain(`<td id="co-total">${money(90_000 + zone.fee)}</td>`);
    expect((await c.post(zone.id, checkoutHidden(ended))).status).toBe(303);
  });

  it("a code whose window closed after her page was priced is never dropped silently: the one round trip is not taken and she sees the new total", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const hourFromNow = Date.now() + 3_600_000;
    await seedDiscount(seller.shopId, { code: "LASTHOUR", kind: "amount", value: 10_000, endsAt: hourFromNow });
    const c = await customer(origin, [[dupatta.id, 1]], "LASTHOUR");
    const hidden = checkoutHidden(c.page);
    const form = checkoutSchema.parse({ ...customerForm(), ...hidden, zone: String(zone.id) });
    const shop = { id: seller.shopId, currency: "PKR", locale: "en" as const };
    const cart = [{ variantId: dupatta.id, quantity: 1 }];
    // Posted two hours later (a controlled clock): the page's total had the discount, now's has not.
    expect(await placeFast(await shopDb(seller.shopId), shop, cart, form, "LASTHOUR", uniq("ip"), hourFromNow + 3_600_000)).toBeNull();
    const shown = quoteFromBasis(hidden.basis, cart, { code: "LASTHOUR" })!;
    const fresh = await quoteCart(await shopDb(seller.shopId), seller.shopId, cart, { code: "LASTHOUR" });
    const review = reviewCheckout(fresh, { ...customerForm(), ...hidden, zone: String(zone.id) }, [{ method: "cod", account: null }], shown, hourFromNow + 3_600_000);
    expect(review).toMatchObject({ kind: "priceChanged", priced: { total: 90_000 + zone.fee, code: { status: "ended" } } });
    expect(await one(seller.shopId, "SELECT count(*) AS n FROM orders WHERE shop_id = ?", seller.shopId)).toBe(0);
  });

  it("the code form: applies, refuses what cannot be a code beside the field with the input kept, removes", async () => {
    const { seller, dupatta, origin } = await shopWithCatalogue();
    await seedDiscount(seller.shopId, { code: "EID10", minSubtotal: 100_000 });
    const client = new Client();
    const headers = { "cf-connecting-ip": uniq("ip") };
    await client.post(`${origin}/cart/add`, { variant: String(dupatta.id), quantity: "1" }, { csrf: false, headers });
    const bad = await client.post(`${origin}/cart/code`, { code: "EID 10!" }, { csrf: false, headers });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Codes are 3 to 24 letters or numbers, like EID10.");
    expect(bad.text).toContain('value="EID 10!"');
    const tooLong = await client.post(`${origin}/cart/code`, { code: "A".repeat(25) }, { csrf: false, headers });
    expect(tooLong.status).toBe(400);
    expect((await client.post(`${origin}/cart/code`, { code: "A".repeat(24) }, { csrf: false, headers })).status).toBe(303);
    expect((await client.get(`${origin}/cart`, headers)).text).toContain(`${"A".repeat(24)} is not a code of this shop.`);
    expect((await client.post(`${origin}/cart/code`, { code: "eid10" }, { csrf: false, headers })).status).toBe(303);
    expect((await client.get(`${origin}/cart`, headers)).text).toContain(`EID10 needs items worth ${money(100_000)} or more.`);
    expect((await client.post(`${origin}/cart/code`, { code: "" }, { csrf: false, headers })).status).toBe(303);
    expect(client.cookies(new URL(origin).host).get("hatti_code")).toBeUndefined();
  });
});
