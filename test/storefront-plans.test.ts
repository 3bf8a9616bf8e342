/**
 * Keyset pagination really seeks: the listing queries of page N start from the cursor in an
 * index that already holds the sort order (no OFFSET, no temporary sort), so page 50 costs
 * what page 1 costs. Checked with SQLite's EXPLAIN QUERY PLAN on the real statements.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { cardsPage, type Filter, type Sort } from "../src/catalog/storefront-listing";

/** The plan of the statement a listing page really runs (page 2 onwards: with a cursor). */
async function plan(sort: Sort, filter: Filter = "none"): Promise<string> {
  const q = cardsPage(1, sort, { value: 123, id: 45 }, filter, { slug: "lawn", match: '"kurta"*' });
  expect(q.sql).not.toMatch(/offset/i);
  const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).bind(...q.params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail).join("\n");
}

describe("listing query plans", () => {
  it.each([
    ["newest", "products_shop_status_new_idx", "created_at<?"],
    ["price-asc", "products_shop_status_price_idx", "price>?"],
    ["price-desc", "products_shop_status_price_idx", "price<?"],
  ] as const)("%s seeks from the cursor in %s", async (sort, index, seek) => {
    const p = await plan(sort);
    expect(p).toContain(`SEARCH products USING INDEX ${index} (shop_id=? AND status=? AND ${seek})`);
    expect(p).not.toContain("TEMP B-TREE");
  });

  it("a collection page checks membership by primary key while seeking in sort order", async () => {
    const p = await plan("newest", "collection");
    expect(p).toContain("SEARCH products USING INDEX products_shop_status_new_idx (shop_id=? AND status=? AND created_at<?)");
    expect(p).toMatch(/SEARCH cp (EXISTS )?USING (PRIMARY KEY|INDEX sqlite_autoindex_collection_products_1) \(collection_id=\? AND product_id=\?\)/);
    expect(p).not.toContain("TEMP B-TREE");
  });

  it("search keeps the same ordered seek and looks words up in the FTS index", async () => {
    const p = await plan("newest", "search");
    expect(p).toContain("USING INDEX products_shop_status_new_idx");
    expect(p).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    expect(p).not.toContain("TEMP B-TREE");
  });
});
