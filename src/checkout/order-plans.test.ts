/**
 * The checkout's statements read by index whatever the shop's size: the quote's read (the cart
 * and checkout pages) and every statement of the order's batch look each row up by its key,
 * never by walking one of the shop's lists. An empty test shop hides a walk (it costs nothing
 * there); the bench's shop of 10,000 products paid for one on every order (a product's
 * collections read from an index of all the shop's memberships). Checked with SQLite's
 * EXPLAIN QUERY PLAN on the statements the app runs, bound to a real cart with a discount.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { collectionProducts, collections } from "../db/schema";
import type { Bound } from "../db/template";
import { quoteCart, quoteStatement } from "../pricing/facts";
import { priceQuote } from "../pricing/price";
import { db } from "../../test/helpers";
import { customerForm, shopWithCatalogue } from "../../test/checkout-fixtures";
import { seedDiscount } from "../../test/discount-fixtures";
import { orderWrites } from "./order-writes";
import { checkoutSchema } from "./schemas";

/**
 * A shop's lists a statement may read whole: each is short by construction (a shop's members
 * and their phones, its delivery zones, at most AUTOMATIC_MAX automatic discounts).
 */
const SHORT_LISTS = ["memberships", "push_subscriptions", "delivery_zones", "discounts"];

async function planOf(stmt: Pick<Bound<unknown>, "sql" | "params">): Promise<string[]> {
  const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${stmt.sql}`).bind(...stmt.params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail);
}

/** Plan lines that walk a table or a shop-wide list rather than look rows up by their key. */
async function walks(plan: string[]): Promise<string[]> {
  const indexes = await env.DB.prepare("SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = 'index'").all<{ name: string; tbl: string }>();
  const tableOf = new Map(indexes.results.map((r) => [r.name, r.tbl]));
  return plan.filter((line) => {
    // A walk of a table (a CTE, a subquery's rows or a json_each list is the statement's own).
    if (/^SCAN \w+$/.test(line) && !/^SCAN (j|cp|d|o|r|t|cart|checked|taken|held|zone)$/.test(line)) return true;
    const search = /^SEARCH \w+ USING (?:COVERING )?INDEX (\w+) \((\w+)=\?\)$/.exec(line);
    return !!search && search[2] === "shop_id" && !SHORT_LISTS.includes(tableOf.get(search[1]!) ?? "");
  });
}

describe("the checkout's statements look rows up by key", () => {
  it("the quote's read and every statement of the order's batch: no table walked, no shop-wide list read whole", async () => {
    const s = await shopWithCatalogue();
    const [coll] = await db().insert(collections).values({ shopId: s.seller.shopId, slug: "eid", title: "Eid" }).returning({ id: collections.id });
    await db().insert(collectionProducts).values({ shopId: s.seller.shopId, collectionId: coll!.id, productId: s.kurta[0]!.productId });
    await seedDiscount(s.seller.shopId, { code: "EID10" });
    await seedDiscount(s.seller.shopId, { code: null, title: "Free delivery over Rs 5,000", kind: "free_delivery", value: 0, minSubtotal: 500_000 });
    const cart = [
      { variantId: s.kurta[0]!.id, quantity: 2 },
      { variantId: s.dupatta.id, quantity: 1 },
    ];
    const who = { code: "EID10", phone: "+923215551234" };
    const read = quoteStatement(s.seller.shopId, cart, who);
    const quote = await quoteCart(db(), s.seller.shopId, cart, who);
    const zone = quote.zones.find((z) => z.id === s.zone.id)!;
    const priced = priceQuote(quote, zone, Date.now());
    expect(priced.applied.length, "the order takes a discount: its statement is planned too").toBeGreaterThan(0);
    const form = checkoutSchema.parse({ ...customerForm(), key: "plan-test-key-0123456789", zone: String(zone.id) });
    const { statements } = orderWrites({ shopId: s.seller.shopId, currency: "PKR", locale: "en", token: "plan-test-token", form, quote, zone, priced, rate: { key: "checkout:ip:plan", limit: 30 } });

    for (const [i, stmt] of [read, ...statements].entries()) {
      const plan = await planOf(stmt);
      expect(await walks(plan), `statement ${i}:\n${plan.join("\n")}`).toEqual([]);
    }
    // The line's collections, in order, from the index alone.
    expect((await planOf(read)).join("\n")).toContain("SEARCH collection_products USING COVERING INDEX collection_products_shop_product_idx (shop_id=? AND product_id=?)");
  });
});
