import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { db, ROOT } from "../../test/helpers";
import { BURST_ORDERS, BURST_WINDOW_MS, busiestWindow, riskQueries, riskSignals, shortSignals, type RiskFacts } from "./risk";

const H = 3600_000;
const facts = (over: Partial<RiskFacts>): RiskFacts => ({ customerId: 1, others: 0, delivered: 0, cancelled: 0, returned: 0, otherCities: [], burst: 1, ...over });

describe("risk signals, as words", () => {
  it.each([
    ["a first order", facts({}), ["customers.risk.first"]],
    ["a returning customer", facts({ others: 4, delivered: 3 }), ["customers.risk.others"]],
    ["cancelled and returned before", facts({ others: 3, cancelled: 1, returned: 2 }), ["customers.risk.others", "customers.risk.cancelled", "customers.risk.returned"]],
    ["a different city", facts({ others: 1, otherCities: ["Lahore"] }), ["customers.risk.others", "customers.risk.city"]],
    [`${BURST_ORDERS - 1} orders in a day: not yet many`, facts({ others: 1, burst: BURST_ORDERS - 1 }), ["customers.risk.others"]],
    [`${BURST_ORDERS} orders in a day`, facts({ others: 2, burst: BURST_ORDERS }), ["customers.risk.others", "customers.risk.burst"]],
  ])("%s", (_, f, keys) => {
    const said = riskSignals(f);
    expect(said.map((s) => s.key)).toEqual(keys);
    expect(said.filter((s) => s.warn).map((s) => s.key)).toEqual(keys.filter((k) => !/first|others/.test(k)));
  });

  it.each([
    ["alone", [0], 0, 1],
    ["three within the window, this one last", [-23 * H, -1 * H, 0], 0, 3],
    ["three within the window, this one first", [0, 5 * H, 23 * H], 0, 3],
    ["spread over two days: never three in one window", [-20 * H, 0, 20 * H], 0, 2],
    ["at the window's very edge", [-BURST_WINDOW_MS, 0], 0, 2],
    ["just past it", [-BURST_WINDOW_MS - 1, 0], 0, 1],
  ])("busiestWindow: %s", (_, times, at, n) => {
    expect(busiestWindow(times, at)).toBe(n);
  });

  it("the orders list's short form leaves this order's own status out", () => {
    expect(shortSignals({ status: "new", customerOrders: 1, customerCancelled: 0, customerReturned: 0 }).map((s) => s.key)).toEqual(["customers.short.first"]);
    expect(shortSignals({ status: "cancelled", customerOrders: 1, customerCancelled: 1, customerReturned: 0 }).map((s) => s.key)).toEqual(["customers.short.first"]);
    expect(shortSignals({ status: "new", customerOrders: 4, customerCancelled: 1, customerReturned: 2 }).map((s) => [s.key, s.params.count])).toEqual([
      ["customers.short.others", 3],
      ["customers.short.cancelled", 1],
      ["customers.short.returned", 2],
    ]);
    expect(shortSignals({ status: "new", customerOrders: null, customerCancelled: null, customerReturned: null }).map((s) => s.key)).toEqual(["customers.short.first"]);
  });
});

const trips = (h: Headers) => Number(/d1q;dur=(\d+)/.exec(h.get("server-timing") ?? "")![1]);
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#39;/g, "'").replace(/\s+/g, " ");

describe("beside an order", () => {
  it("says her history, a different city and many orders in a day, in the order page's own round trip; the list says it short", async () => {
    const s = await shopWithCatalogue();
    const phone = { phone: "0345 1239876" };
    const old = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { ...phone, name: "Rabia", city: "Lahore" });
    await env.DB.prepare("UPDATE orders SET created_at = created_at - 10 * 86400000 WHERE id = ?").bind(old.id).run();
    for (const [from, to] of [["new", "confirmed"], ["confirmed", "packed"], ["packed", "shipped"], ["shipped", "delivered"]] as const) {
      const body: Record<string, string> = { from, to, ...(to === "shipped" ? { courier: "TCS", tracking: "TCS-1" } : {}) };
      expect((await s.seller.client.post(`${ROOT}/admin/${s.seller.slug}/orders/${old.id}/status`, body)).status).toBe(303);
    }
    const admin = (id: number) => s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/orders/${id}`);

    const firstPage = text((await admin(old.id)).text);
    expect(firstPage).toContain("First order from this number.");

    // The same number at another shop changes nothing here.
    const other = await shopWithCatalogue();
    await placeOrderAt(other.origin, other.zone.id, [[other.dupatta.id, 1]], { ...phone, city: "Quetta" });

    const second = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { ...phone, name: "Rabia", city: "Karachi" });
    const page = await admin(second.id);
    expect(page.status).toBe(200);
    const said = text(page.text);
    expect(said).toContain("1 other order from this number, 1 of them delivered.");
    expect(said).toContain("A different city from earlier orders from this number (Lahore).");
    expect(said).not.toContain("Quetta");
    expect(said).not.toMatch(/within 24 hours/);
    const customerId = (await env.DB.prepare("SELECT id FROM customers WHERE shop_id = ? AND phone = '+923451239876'").bind(s.seller.shopId).first<{ id: number }>())!.id;
    expect(page.text).toContain(`href="/admin/${s.seller.slug}/customers/${customerId}"`);
    // The order page's round trips: ONE batch (the session, the membership, the order with its risk look-ups: src/admin/page.ts).
    expect(trips(page.headers)).toBe(1);

    const third = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { ...phone, city: "Karachi" });
    expect((await third.client.post(`${s.origin}${third.path}/cancel`, {}, { csrf: false })).status).toBe(303);
    const fourth = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]], { ...phone, city: "karachi " });
    const busy = text((await admin(fourth.id)).text);
    expect(busy).toContain("3 other orders from this number, 1 of them delivered.");
    expect(busy).toContain("Cancelled 1 order before.");
    expect(busy).toContain(`${BURST_ORDERS} orders from this number within 24 hours.`);
    expect(busy).not.toContain("A different city"); // Karachi before, whatever its case and spaces
    // The cancelled order itself: its own cancel is not "before".
    const own = text((await admin(third.id)).text);
    expect(own).not.toContain("Cancelled 1 order before.");

    const list = text((await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/orders`)).text);
    expect(list).toContain("3 other orders · cancelled 1 before");

    // In Urdu, the same facts in Urdu words.
    await s.seller.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    const ur = text((await admin(fourth.id)).text);
    expect(ur).toContain("اس نمبر سے 3 اور آرڈرز، ان میں سے 1 پہنچ گئے۔");
    expect(ur).toContain("پہلے 1 آرڈر منسوخ کیا۔");
    expect(ur).toContain("24 گھنٹوں میں اس نمبر سے 3 آرڈرز۔");
  });

  it("reads the phone's orders from orders_shop_phone_idx alone, and her row by its unique index", async () => {
    const s = await shopWithCatalogue();
    const o = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const [customer, nearby, earlier] = riskQueries(db(), s.seller.shopId, o.id).map((q) => q.toSQL());
    const plan = async (q: { sql: string; params: unknown[] }) =>
      (await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).bind(...q.params).all<{ detail: string }>()).results.map((r) => r.detail).join(" | ");
    expect(await plan(customer!)).toContain("SEARCH customers USING INDEX customers_shop_phone_uq (shop_id=? AND phone=?)");
    for (const q of [nearby!, earlier!]) {
      const p = await plan(q);
      expect(p).toMatch(/^SEARCH orders USING COVERING INDEX orders_shop_phone_idx \(shop_id=\? AND customer_phone=\?/);
      expect(p).not.toContain("TEMP B-TREE");
    }
  });
});
