/**
 * Query templates (src/db/template.ts) against the real local D1: the SQL is built once, each
 * run binds its own values, and rows come back exactly as drizzle itself maps them (column
 * modes included), for flat selections and for joins with nested objects.
 */
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { collections, pages, products, shops } from "./schema";
import { ph, runTemplates, template } from "./template";
import { shopDb } from "../../test/helpers";
import { shardOf } from "../../test/admin-helpers";
import { seedShop } from "../../test/storefront-fixtures";

const productsOf = template((d) =>
  d
    .select({ slug: products.slug, trackStock: products.trackStock, createdAt: products.createdAt, price: products.price })
    .from(products)
    .where(eq(products.shopId, ph("shopId")))
    .orderBy(asc(products.id)),
);

const pagesWithShop = template((d) =>
  d
    .select({ page: { slug: pages.slug, published: pages.published }, shop: { name: shops.name } })
    .from(pages)
    .innerJoin(shops, eq(shops.id, pages.shopId))
    .where(and(eq(pages.shopId, ph("shopId")), eq(pages.published, true)))
    .orderBy(asc(pages.id)),
);

describe("query templates", () => {
  it("bind each run's values and map rows as drizzle does", async () => {
    // Two shops in one database (one batch runs on one): the second lands in the first's shard.
    const a = await seedShop();
    let b = await seedShop();
    while ((await shardOf(b.shopId)) !== (await shardOf(a.shopId))) b = await seedShop();
    const d = await shopDb(a.shopId);
    const [rowsA, rowsB] = await runTemplates(d, [productsOf.bind({ shopId: a.shopId }), productsOf.bind({ shopId: b.shopId })]);
    const direct = await d
      .select({ slug: products.slug, trackStock: products.trackStock, createdAt: products.createdAt, price: products.price })
      .from(products)
      .where(eq(products.shopId, a.shopId))
      .orderBy(asc(products.id));
    expect(rowsA).toEqual(direct);
    expect(rowsA.length).toBeGreaterThan(10);
    expect(typeof rowsA[0]!.trackStock).toBe("boolean");
    // The same SQL, the other shop's rows: nothing leaks between bindings.
    expect(rowsB.map((r) => r.slug)).toEqual(rowsA.map((r) => r.slug));
    const idsB = await d.select({ id: products.id }).from(products).where(eq(products.shopId, b.shopId));
    expect(idsB.length).toBe(rowsB.length);
  });

  it("map joined selections into their nested objects", async () => {
    const s = await seedShop();
    const d = await shopDb(s.shopId);
    const [rows] = await runTemplates(d, [pagesWithShop.bind({ shopId: s.shopId })]);
    expect(rows.length).toBeGreaterThan(0);
    // (Column names must differ: D1 returns rows as objects, as drizzle's batch notes.)
    const [shop] = await d.select({ name: shops.name }).from(shops).where(eq(shops.id, s.shopId));
    expect(rows[0]).toEqual({ page: { slug: "about", published: true }, shop: { name: shop!.name } });
  });

  it("build the SQL once, with placeholders, and refuse a run with a value missing", async () => {
    const t = template((d) => d.select({ slug: collections.slug }).from(collections).where(eq(collections.shopId, ph("shopId"))));
    expect(t.sql).toContain("?");
    expect(t.bind({ shopId: 1 }).sql).toBe(t.bind({ shopId: 2 }).sql);
    expect(t.bind({ shopId: 7 }).params).toEqual([7]);
    expect(() => t.bind({})).toThrow(/shopId/);
  });
});
