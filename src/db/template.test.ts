/**
 * Query templates (src/db/template.ts) against the real local D1: the SQL is built once, each
 * run binds its own values, and rows come back exactly as drizzle itself maps them (column
 * modes included), for flat selections and for joins with nested objects.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { collections, pages, products, shops, variants } from "./schema";
import { foldedSql, foldRuns, ph, runTemplates, selectParts, template, type Bound } from "./template";
import { MAX_BOUND_PARAMS } from "./batch";
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

  it("map a nested object as drizzle does: the query's own table's and inner joins' kept, a left join's without a match null", async () => {
    // (Column names must differ here too: a single statement's rows come from D1 as objects.)
    const s = await seedShop();
    const d = await shopDb(s.shopId);
    const shaped = (b: typeof d | Parameters<Parameters<typeof template>[0]>[0], shopId: number | ReturnType<typeof ph>) =>
      b
        .select({ shop: { name: shops.name, codConfirm: shops.codConfirm }, page: { slug: pages.slug }, missing: { description: collections.description }, n: sql<number>`1`.as("n") })
        .from(shops)
        .innerJoin(pages, eq(pages.shopId, shops.id))
        .leftJoin(collections, and(eq(collections.shopId, shops.id), eq(collections.slug, "no-such-collection")))
        .where(eq(shops.id, shopId))
        .orderBy(asc(pages.id));
    const t = template((b) => shaped(b, ph("shopId")));
    const [rows] = await runTemplates(d, [t.bind({ shopId: s.shopId })]);
    expect(rows).toEqual(await shaped(d, s.shopId));
    expect(rows[0]!.missing).toBeNull();
    expect(typeof rows[0]!.shop.codConfirm).toBe("boolean");
    const own = template((b) => b.select({ shop: shops, badge: sql<number>`2`.as("badge") }).from(shops).where(eq(shops.id, ph("shopId"))));
    const [[mine]] = await runTemplates(d, [own.bind({ shopId: s.shopId })]);
    expect(mine).toEqual((await d.select({ shop: shops, badge: sql<number>`2`.as("badge") }).from(shops).where(eq(shops.id, s.shopId)))[0]);
  });

  it("build the SQL once, with placeholders, and refuse a run with a value missing", async () => {
    const t = template((d) => d.select({ slug: collections.slug }).from(collections).where(eq(collections.shopId, ph("shopId"))));
    expect(t.sql).toContain("?");
    expect(t.bind({ shopId: 1 }).sql).toBe(t.bind({ shopId: 2 }).sql);
    expect(t.bind({ shopId: 7 }).params).toEqual([7]);
    expect(() => t.bind({})).toThrow(/shopId/);
  });

  describe("neighbouring reads folded into one statement", () => {
    // Every kind of value a read can give: Urdu text, a text that is JSON (kept a string), a
    // real needing 17 digits, a blob, NULL, booleans and timestamps (drizzle's modes), a nested join.
    const kinds = template((d) =>
      d
        .select({
          title: products.title,
          trackStock: products.trackStock,
          createdAt: products.createdAt,
          json: sql<string>`json_array(${products.id}, 'دوپٹہ')`,
          real: sql<number>`0.1 + 0.2 + ${products.id}`,
          blob: sql<number[]>`x'00ff7f'`,
          nothing: sql<null>`NULL`,
          urdu: sql<string>`'لان کا سوٹ — تین پیس'`,
          // Fields whose type is known though they are expressions: one column, aliased (as a
          // join names its columns apart), and an expression mapped with an integer column.
          titleAgain: sql<string>`${products.title}`.as("title_again"),
          createdAgain: sql<number>`${products.createdAt}`.as("created_again"),
          variants: sql<number>`(SELECT count(*) FROM ${variants} WHERE ${variants.productId} = ${products.id})`.mapWith(variants.stock).as("n_variants"),
        })
        .from(products)
        .where(eq(products.shopId, ph("shopId")))
        .orderBy(desc(products.id))
        .limit(ph("n")),
    );

    it("answer exactly what each read answers alone, in its own order", async () => {
      const s = await seedShop({ locale: "ur" });
      const d = await shopDb(s.shopId);
      const alone = async <R>(b: Bound<R>) => (await runTemplates(d, [b]))[0];
      const reads = [kinds.bind({ shopId: s.shopId, n: 31 }), pagesWithShop.bind({ shopId: s.shopId }), productsOf.bind({ shopId: s.shopId }), kinds.bind({ shopId: s.shopId, n: 0 })] as const;
      expect(foldRuns(reads).map((g) => g.length)).toEqual([4]);
      const batch = vi.spyOn(d.$client, "batch");
      const folded = await runTemplates(d, reads);
      expect(batch.mock.calls.map(([stmts]) => stmts.length)).toEqual([1]);
      batch.mockRestore();
      expect(folded).toEqual([await alone(reads[0]), await alone(reads[1]), await alone(reads[2]), await alone(reads[3])]);
      const [rows] = folded;
      expect(rows.length).toBeGreaterThan(10);
      const ids = rows.map((r) => Number(JSON.parse(r.json)[0]));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(rows[0]!.real).toBe(0.1 + 0.2 + Number(JSON.parse(rows[0]!.json)[0]));
      expect(typeof rows[0]!.json).toBe("string");
      expect(rows[0]!.blob).toEqual([0, 255, 127]);
      expect(rows[0]!.nothing).toBeNull();
      expect(typeof rows[0]!.trackStock).toBe("boolean");
      expect(folded[3]).toEqual([]);
      expect(rows[0]!.titleAgain).toBe(rows[0]!.title);
      expect(rows[0]!.createdAgain).toBe(rows[0]!.createdAt);
      expect(rows[0]!.variants).toBeGreaterThan(0);
      // Only the five fields of unknown type are tagged (a CASE on each value): a column, aliased
      // or not, and a mapped expression are read as they are.
      expect(foldedSql([reads[0]]).match(/CASE typeof/g)).toHaveLength(5);
      // Each read's own SQL with its columns in one json_array (not renamed by position).
      expect(foldedSql(reads)).toMatch(/^SELECT \(SELECT coalesce/);
    });

    it("split a SELECT's columns at its top level, without their aliases", () => {
      expect(selectParts(`select "a"."id", coalesce((SELECT "n" FROM "t" WHERE "x" = 'a, b'), 0) as "new_orders", json_array("id", 'دوپٹہ, '' from') as "j" from "a" where "a"."id" = ?`)).toEqual({
        columns: [`"a"."id"`, `coalesce((SELECT "n" FROM "t" WHERE "x" = 'a, b'), 0)`, `json_array("id", 'دوپٹہ, '' from')`],
        rest: ` from "a" where "a"."id" = ?`,
      });
      // An identifier with a space, a comma or "as" in it is one column, and so is a cast.
      expect(selectParts(`select "odd, as ""name""", cast("p" as integer) as "as" from "t"`)!.columns).toEqual([`"odd, as ""name"""`, `cast("p" as integer)`]);
      for (const other of [
        `select distinct "a" from "t"`,
        `select "a" from "t" union select "b" from "u"`,
        `select 1`,
        `update "t" set "a" = 1`,
        // Ordered by an alias or a place: with the columns one json_array, it would name another.
        `select "id", coalesce("sale", "price") as "price" from "products" order by "price"`,
        `select "id", "title" from "products" order by 2 desc`,
        `select "id", "title" from "products" order by "id", 2`,
        `select CAST("created_at" / 86400000 AS INTEGER) as "day", count(*) from "orders" group by day`,
      ])
        expect(selectParts(other), other).toBeNull();
      // A number in a literal, a parameter or a comparison is not a place.
      expect(selectParts(`select "id" from "t" where "n" > 2 and "s" = 'by 2' order by "id" limit ?`)).not.toBeNull();
      expect(selectParts(`select "id" as "variant_id" from "t" where "id" IN (SELECT substr(rest, 1, 2) FROM seg ORDER BY 1) order by "t"."id"`)).not.toBeNull();
    });

    it("fold a read whose columns cannot be split apart by position, as it answers alone", async () => {
      const s = await seedShop();
      const d = await shopDb(s.shopId);
      const both = template((b) => b.select({ slug: products.slug }).from(products).where(eq(products.shopId, ph("shopId"))).union(b.select({ slug: pages.slug }).from(pages).where(eq(pages.shopId, ph("shopId")))));
      const reads = [both.bind({ shopId: s.shopId }), productsOf.bind({ shopId: s.shopId })] as const;
      expect(foldRuns(reads).map((g) => g.length)).toEqual([2]);
      expect(foldedSql(reads)).toMatch(/^WITH _f0/);
      const [slugs, rows] = await runTemplates(d, reads);
      expect(slugs).toEqual((await runTemplates(d, [reads[0]]))[0]);
      expect(slugs.length).toBeGreaterThan(rows.length);
      expect(rows).toEqual((await runTemplates(d, [reads[1]]))[0]);
    });

    it("keep a write between reads in its place: the read after it sees it", async () => {
      const s = await seedShop();
      const d = await shopDb(s.shopId);
      const rename = template((b) => b.update(shops).set({ name: ph("name") as unknown as string }).where(eq(shops.id, ph("shopId"))).returning({ name: shops.name }));
      const nameOf = template((b) => b.select({ name: shops.name }).from(shops).where(eq(shops.id, ph("shopId"))));
      const stmts = [nameOf.bind({ shopId: s.shopId }), productsOf.bind({ shopId: s.shopId }), rename.bind({ shopId: s.shopId, name: "نئی دکان" }), nameOf.bind({ shopId: s.shopId }), productsOf.bind({ shopId: s.shopId })] as const;
      expect(foldRuns(stmts).map((g) => g.length)).toEqual([2, 1, 2]);
      const [[was], , , [now]] = await runTemplates(d, stmts);
      expect(was!.name).not.toBe("نئی دکان");
      expect(now!.name).toBe("نئی دکان");
    });

    it("stay under D1's cap on bound parameters: at the cap one statement, one past it two", () => {
      const many = (n: number) => template((b) => b.select({ id: products.id }).from(products).where(and(...Array.from({ length: n }, (_, i) => eq(products.id, ph(`p${i}`))))));
      const values = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, i]));
      const half = MAX_BOUND_PARAMS / 2;
      expect(foldRuns([many(half).bind(values(half)), many(half).bind(values(half))]).map((g) => g.length)).toEqual([2]);
      expect(foldRuns([many(half).bind(values(half)), many(half + 1).bind(values(half + 1))]).map((g) => g.length)).toEqual([1, 1]);
      const two = [many(half).bind(values(half)), many(half).bind(values(half))];
      expect(foldedSql(two).match(/\?/g)!.length).toBe(MAX_BOUND_PARAMS);
    });
  });
});
