/**
 * The discount on every view of an order the seller and her rider see: the order page and its
 * totals, the packing slip (hers and the public copy) and its image, the WhatsApp texts, the CSV
 * export and the dashboard. The orders are placed through the storefront and then made to look
 * as an order that took discounts will (test/discount-fixtures.ts).
 */
import { describe, expect, it } from "vitest";
import { decode } from "../../test/admin-helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { seedDiscount, takeDiscounts } from "../../test/discount-fixtures";
import { ROOT, shopD1, shopDb } from "../../test/helpers";
import { formatMoney, messages } from "../i18n";
import { karachiDate } from "./dates";
import { orderByToken } from "./read";
import { dashboardStats, discountedSince } from "./stats";

const rs = (n: number) => formatMoney(n, "PKR", "en");

/** A shop with an order that took EID10 (Rs 250 off its lines) and an automatic free delivery. */
async function discountedOrder() {
  const shop = await shopWithCatalogue();
  const { seller, kurta, zone, origin } = shop;
  const order = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 2]]);
  // The discounts, and what the order took from them, written as checkout writes them (src/checkout/discounts.test.ts places such orders).
  const eid = await seedDiscount(seller.shopId, { code: "EID10", kind: "amount", value: 25_000 });
  const ship = await seedDiscount(seller.shopId, { code: null, title: "Free delivery week", kind: "free_delivery", value: 0 });
  const before = (await (await shopD1(seller.shopId)).prepare("SELECT subtotal, delivery_fee FROM orders WHERE shop_id = ? AND id = ?").bind(seller.shopId, order.id).first<{ subtotal: number; delivery_fee: number }>())!;
  expect(before.delivery_fee).toBeGreaterThan(0);
  await takeDiscounts(seller.shopId, order.id, [
    { discountId: eid, code: "EID10", title: "", kind: "amount", amount: 25_000 },
    { discountId: ship, code: null, title: "Free delivery week", kind: "free_delivery" },
  ]);
  return { ...shop, order, subtotal: before.subtotal, fee: before.delivery_fee, total: before.subtotal - 25_000 };
}

describe("an order that took discounts", () => {
  it("shows a line per discount on the order page, the packing slip (hers and the rider's) and the slip's image", async () => {
    const { seller, order, subtotal, total, origin, zone } = await discountedOrder();
    const detail = (await orderByToken(await shopDb(seller.shopId), seller.shopId, order.token))!;
    expect(detail.discounts).toEqual([
      { discountId: expect.any(Number), code: "EID10", title: "", kind: "amount", amount: 25_000 },
      { discountId: expect.any(Number), code: null, title: "Free delivery week", kind: "free_delivery", amount: expect.any(Number) },
    ]);

    const page = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/${order.id}`);
    expect(page.status).toBe(200);
    const totals = /<table class="sum">([\s\S]*?)<\/table>/.exec(page.text)![1]!;
    const cells = [...totals.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<\/?bdi>/g, ""));
    expect(cells).toEqual(["Subtotal", rs(subtotal), "EID10", `-${rs(25_000)}`, "Free delivery week", "Free delivery", `Delivery: ${zone.name}`, "Free", "Total", rs(total)]);

    for (const url of [`${ROOT}/admin/${seller.slug}/orders/${order.id}/slip`, `${origin}/orders/${order.token}/slip`]) {
      const slip = await seller.client.get(url);
      expect(slip.status, url).toBe(200);
      const foot = decode(/<tfoot>([\s\S]*?)<\/tfoot>/.exec(slip.text)![1]!);
      expect(foot).toContain(`<bdi>EID10</bdi></th><td class="n">-${rs(25_000)}</td>`);
      expect(foot).toContain('<bdi>Free delivery week</bdi></th><td class="n">Free delivery</td>');
      const rows = JSON.parse(decode(/data-slip-image="([^"]+)"/.exec(slip.text)![1]!)) as { t?: string; e?: string }[];
      expect(rows).toEqual(expect.arrayContaining([{ t: "EID10", e: `-${rs(25_000)}` }, { t: "Free delivery week", e: "Free delivery" }]));
      expect(foot).toContain(`<b>${rs(total)}</b>`);
    }
  });

  it("says them in the WhatsApp texts, in the shop's language", async () => {
    const { seller, order, total } = await discountedOrder();
    const page = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/${order.id}`);
    const text = new URL(decode(/href="(https:\/\/wa\.me\/92[^"]+)"/.exec(page.text)![1]!)).searchParams.get("text")!;
    expect(text).toContain(`Total ${rs(total)} (discount: EID10: -${rs(25_000)}, Free delivery week: Free delivery)`);
    await (await shopD1(seller.shopId)).prepare("UPDATE shops SET locale = 'ur' WHERE id = ?").bind(seller.shopId).run();
    const ur = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/${order.id}`);
    const urText = new URL(decode(/href="(https:\/\/wa\.me\/92[^"]+)"/.exec(ur.text)![1]!)).searchParams.get("text")!;
    const money = (n: number) => formatMoney(n, "PKR", "ur");
    expect(urText).toContain(`(رعایت: EID10: -${money(25_000)}, Free delivery week: ${messages("ur").t("discounts.offer.freeDelivery")})`);
  });

  it("exports a discount column and the codes, formulas in a code or title neutralised", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    // Off, so that the orders placed below do not take it themselves: takeDiscounts writes what they took.
    const evil = await seedDiscount(seller.shopId, { code: null, title: '=HYPERLINK("http://x","y")', kind: "amount", value: 10_000, active: false });
    const dash = await seedDiscount(seller.shopId, { code: "-EID10", kind: "percent", value: 10 });
    const a = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    const b = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    const plain = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]], { name: "No Discount" });
    await takeDiscounts(seller.shopId, a.id, [{ discountId: evil, code: null, title: '=HYPERLINK("http://x","y")', kind: "amount", amount: 10_000 }]);
    await takeDiscounts(seller.shopId, b.id, [
      { discountId: dash, code: "-EID10", title: "", kind: "percent", amount: 25_000 },
      { discountId: evil, code: null, title: "Eid; sale", kind: "amount", amount: 10_000 },
    ]);
    const today = karachiDate(Date.now());
    const res = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/export?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const lines = res.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Order,Date,Status,Customer,Phone,City,Address,Delivery zone,Items,Subtotal,Discount,Discount codes,Delivery,Total,Currency,Payment,Payment status,Transaction ID,Courier,Tracking,Customer note");
    const byNumber = (n: number) => lines.find((l) => l.startsWith(`${n},`))!;
    expect(byNumber(a.number)).toContain(`,2500.00,100.00,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(byNumber(b.number)).toContain(",2500.00,350.00,'-EID10; Eid; sale,");
    expect(byNumber(plain.number)).toContain(",2500.00,0.00,,");
  });
});

describe("the dashboard", () => {
  it("says how many orders of the last 30 days took a discount and what they saved, with a link to the discounts", async () => {
    const { seller, kurta, zone, origin } = await shopWithCatalogue();
    const eid = await seedDiscount(seller.shopId, { code: "EID10", kind: "amount", value: 25_000 });
    const ship = await seedDiscount(seller.shopId, { code: "SHIPFREE", kind: "free_delivery", value: 0 });
    const orders = [];
    for (let i = 0; i < 4; i++) orders.push(await placeOrderAt(origin, zone.id, [[kurta[1]!.id, 1]]));
    const [kept, both, cancelled, old] = orders as [(typeof orders)[0], (typeof orders)[0], (typeof orders)[0], (typeof orders)[0]];
    await takeDiscounts(seller.shopId, kept.id, [{ discountId: eid, code: "EID10", title: "", kind: "amount", amount: 25_000 }]);
    await takeDiscounts(seller.shopId, both.id, [
      { discountId: eid, code: "EID10", title: "", kind: "amount", amount: 25_000 },
      { discountId: ship, code: "SHIPFREE", title: "", kind: "free_delivery" },
    ]);
    await takeDiscounts(seller.shopId, cancelled.id, [{ discountId: eid, code: "EID10", title: "", kind: "amount", amount: 25_000 }]);
    await takeDiscounts(seller.shopId, old.id, [{ discountId: eid, code: "EID10", title: "", kind: "amount", amount: 25_000 }]);
    expect((await seller.client.post(`${ROOT}/admin/${seller.slug}/orders/${cancelled.id}/status`, { from: "new", to: "cancelled" })).status).toBe(303);
    await (await shopD1(seller.shopId)).prepare("UPDATE orders SET created_at = created_at - 31 * 86400000 WHERE shop_id = ? AND id = ?").bind(seller.shopId, old.id).run();

    const stats = await dashboardStats(await shopDb(seller.shopId), seller.shopId);
    expect(stats.discounts).toEqual({ orders: 2, saved: 25_000 + 25_000 + zone.fee });
    const page = await seller.client.get(`${ROOT}/admin/${seller.slug}`);
    expect(page.text).toContain(`href="/admin/${seller.slug}/discounts">Discounts, last 30 days: 2 orders saved ${rs(50_000 + zone.fee)}</a>`);

    // The orders' date range is read first, then each order's discounts, by their indexes.
    const { sql, params } = discountedSince.bind({ shopId: seller.shopId, from: Date.now() - 30 * 86_400_000 });
    const plan = (await (await shopD1(seller.shopId)).prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>()).results.map((r) => r.detail);
    expect(plan.join(" | ")).toMatch(/SEARCH orders USING INDEX orders_shop_created_idx.* \| SEARCH order_discounts USING INDEX order_discounts_shop_order_idx/);

    // A shop whose orders took none says so, and links to the discounts all the same.
    const other = await shopWithCatalogue();
    expect((await other.seller.client.get(`${ROOT}/admin/${other.seller.slug}`)).text).toContain(`href="/admin/${other.seller.slug}/discounts">No discounts used in the last 30 days.</a>`);
  });
});
