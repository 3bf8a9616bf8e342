/**
 * order_counts, the per-status counters behind the admin's counts and badge, always agree with
 * the orders: after orders, status changes, a stale double submit and a refused transition.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../test/helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";

async function counts(shopId: number) {
  const kept = await env.DB.prepare("SELECT status, n FROM order_counts WHERE shop_id = ? AND n > 0 ORDER BY status").bind(shopId).all();
  const real = await env.DB.prepare("SELECT status, count(*) AS n FROM orders WHERE shop_id = ? GROUP BY status ORDER BY status").bind(shopId).all();
  return { kept: kept.results, real: real.results };
}

describe("order counts", () => {
  it("follow every order and status change, and drive the badge", async () => {
    const s = await shopWithCatalogue();
    const a = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const b = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 2]]);
    await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 1]]);
    let c = await counts(s.seller.shopId);
    expect(c.kept).toEqual([{ status: "new", n: 3 }]);

    const status = (id: number, from: string, to: string) => s.seller.client.post(`${ROOT}/admin/${s.seller.slug}/orders/${id}/status`, { from, to });
    await status(a.id, "new", "confirmed");
    await status(b.id, "new", "cancelled");
    // The same cancel again (a double tap) and a transition that is not allowed change nothing.
    expect((await status(b.id, "new", "cancelled")).status).toBe(409);
    await status(a.id, "confirmed", "delivered");
    c = await counts(s.seller.shopId);
    expect(c.kept).toEqual(c.real);
    expect(c.kept).toEqual([
      { status: "cancelled", n: 1 },
      { status: "confirmed", n: 1 },
      { status: "new", n: 1 },
    ]);

    const list = await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/orders`);
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/class="badge">1</);
  });
});
