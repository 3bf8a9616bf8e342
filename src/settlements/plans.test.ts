/**
 * The settlements' statements at 100,000 orders: what each courier owes, the last imports, a
 * file's match and its apply each read by index (a shop's owed orders from the partial index
 * orders_shop_owed_idx, a row's shipment by shop, courier and tracking number): no table walked.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Bound } from "../db/template";
import { sellerWithShop } from "../../test/helpers";
import { planned } from "./settle";
import { seedDelivered } from "./test-fixtures";

async function planOf(stmt: Pick<Bound<unknown>, "sql" | "params">): Promise<string[]> {
  const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${stmt.sql}`).bind(...stmt.params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail);
}

describe("the settlements' statements at 100,000 orders", () => {
  it("walk no table: every row is looked up by an index that starts with shop_id", async () => {
    const s = await sellerWithShop();
    // 100,000 orders: most delivered and paid long ago, a few hundred still owed.
    await seedDelivered(s.shopId, { n: 100_000, from: 1, courier: "postex", prefix: "PX" });
    await env.DB.prepare("UPDATE orders SET payment_state = 'paid', payment_status = 'paid' WHERE shop_id = ? AND number > 300").bind(s.shopId).run();
    const all = planned(s.shopId);
    const plans: Record<string, string[]> = {};
    for (const [name, stmt] of Object.entries(all)) plans[name] = await planOf(stmt);
    for (const [name, plan] of Object.entries(plans)) {
      const walks = plan.filter((l) => /^SCAN (orders|shipments|settlements|order_events)\b/.test(l));
      expect(walks, `${name}:\n${plan.join("\n")}`).toEqual([]);
    }
    // What is owed walks only the owed orders (the partial index), never every delivered order.
    expect(plans.owed!.join("\n")).toContain("SEARCH o USING INDEX orders_shop_owed_idx (shop_id=?)");
    // The file's rows are the outer loop, each looking its shipment up: never each shipment walking
    // the rows (2,000 x 2,000 json_extract calls: the apply of a 2,000-row file took 20 s so).
    for (const name of ["matches", "record", "events", "mark"]) {
      const plan = plans[name]!;
      expect(plan.join("\n"), name).not.toContain("shipments_shop_order_idx");
      plan.forEach((line, i) => {
        if (/^SEARCH s USING INDEX shipments_shop_tracking_idx/.test(line)) expect(plan[i - 1], `${name}:\n${plan.join("\n")}`).toMatch(/^SCAN j VIRTUAL TABLE/);
      });
    }
    expect(plans.matches!.join("\n")).toMatch(/SEARCH s USING (COVERING )?INDEX shipments_shop_tracking_idx \(shop_id=\? AND courier=\? AND tracking_number=\?\)/);
  });
});
