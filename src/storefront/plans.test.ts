/**
 * Keyset pagination really seeks: the listing queries of page N start from the cursor in an
 * index that already holds the sort order (no OFFSET, no temporary sort), so page 50 costs
 * what page 1 costs. Checked with SQLite's EXPLAIN QUERY PLAN on the statements the app runs.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { cardsPage, collectionPage, type Filter, type Sort } from "./listing";
import { byNewest } from "./search";
import { collectionProducts, collections, products } from "../db/schema";
import { db } from "../../test/helpers";
import { seedShop } from "../../test/storefront-fixtures";

/** The plan of the statement a listing page really runs (page 2 onwards: with a cursor). */
async function plan(sort: Sort, filter: Filter | "collection" = "none"): Promise<string> {
  const cursor = { value: 123, id: 45 };
  const q = filter === "collection" ? collectionPage(1, "lawn", sort, cursor) : cardsPage(1, sort, cursor, filter, { match: '"kurta"*' });
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

  it.each([
    ["newest", "collection_products_new_idx", "(product_created_at,product_id)<(?,?)"],
    ["price-asc", "collection_products_price_idx", "(product_price,product_id)>(?,?)"],
    ["price-desc", "collection_products_price_idx", "(product_price,product_id)<(?,?)"],
  ] as const)("a collection page (%s) seeks in the collection's own %s and joins each product by id", async (sort, index, seek) => {
    const p = await plan(sort, "collection");
    expect(p).toContain(`SEARCH collection_products USING COVERING INDEX ${index} (shop_id=? AND collection_id=? AND product_status=? AND ${seek})`);
    expect(p).toMatch(/SEARCH products USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    // The one sort is of the page's own 25 rows, as they are folded into JSON in order.
    expect(p.replace("USE TEMP B-TREE FOR json_group_array(ORDER BY)", "")).not.toContain("TEMP B-TREE");
  });

  it("a collection's copies of the sort keys follow its products (triggers)", async () => {
    const s = await seedShop();
    const d = db();
    const [coll] = await d.select({ id: collections.id }).from(collections).where(and(eq(collections.shopId, s.shopId), eq(collections.slug, "empty")));
    const [prod] = await d.select({ id: products.id, createdAt: products.createdAt }).from(products).where(and(eq(products.shopId, s.shopId), eq(products.slug, s.productSlugs[0]!)));
    await d.insert(collectionProducts).values({ shopId: s.shopId, collectionId: coll!.id, productId: prod!.id });
    const keys = () =>
      d
        .select({ status: collectionProducts.productStatus, createdAt: collectionProducts.productCreatedAt, price: collectionProducts.productPrice })
        .from(collectionProducts)
        .where(and(eq(collectionProducts.collectionId, coll!.id), eq(collectionProducts.productId, prod!.id)))
        .get();
    expect(await keys()).toMatchObject({ status: "active", createdAt: prod!.createdAt });
    await d.update(products).set({ price: 123_400, status: "draft", createdAt: 42 }).where(eq(products.id, prod!.id));
    expect(await keys()).toEqual({ status: "draft", createdAt: 42, price: 123_400 });
  });

  it("search by price keeps the same ordered seek and looks words up in the FTS index", async () => {
    const p = await plan("price-asc", "search");
    expect(p).toContain("USING INDEX products_shop_status_price_idx");
    expect(p).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
    expect(p).not.toContain("TEMP B-TREE");
  });

  it("search by newest reads the FTS index in its own descending order, one product look-up a match, no sort", async () => {
    const q = byNewest("after").bind({ shopId: 1, match: '"s1xkurta"*', afterId: 45 });
    const p = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).bind(...q.params).all<{ detail: string }>()).results.map((r) => r.detail);
    expect(p[0]).toMatch(/^SCAN products_fts VIRTUAL TABLE INDEX \d+:M/);
    expect(p[1]).toMatch(/^SEARCH products USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(p.join("\n")).not.toContain("TEMP B-TREE");
  });
});
