/**
 * The search index is partitioned by shop (migrations/0005_search_per_shop.sql): every term
 * carries its shop, made by FTS5's own tokenizer through a one-document scratch index, and
 * triggers keep it in step with products whatever wrote them. Checked against the real local
 * D1, then through the storefront's search page.
 */
import { exports } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ftsQuery } from "./search";
import { products } from "../db/schema";
import { clearPageCache } from "./page-cache";
import { shopD1, shopDb } from "../../test/helpers";
import { shardOf } from "../../test/admin-helpers";
import { seedShop } from "../../test/storefront-fixtures";

/** The ids of this shop's products whose index terms match what a customer typed. */
async function matches(shopId: number, q: string): Promise<number[]> {
  const { results } = await (await shopD1(shopId)).prepare("SELECT rowid AS id FROM products_fts WHERE products_fts MATCH ?1 ORDER BY rowid")
    .bind(ftsQuery(shopId, q))
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

async function idOf(shopId: number, slug: string): Promise<number> {
  const row = await (await shopDb(shopId)).select({ id: products.id }).from(products).where(and(eq(products.shopId, shopId), eq(products.slug, slug))).get();
  return row!.id;
}

/** The scratch rows left in the shop's shard (none once a statement is done). */
const scratchLeft = async (shopId: number) => (await (await shopD1(shopId)).prepare("SELECT count(*) AS n FROM search_scratch_terms").first<{ n: number }>())!.n;

/** A seeded shop in the same shard as `shopId`'s: ids are per database, so only there is a foreign id another shop's row. */
async function seedShopBeside(shopId: number) {
  let other = await seedShop();
  while ((await shardOf(other.shopId)) !== (await shardOf(shopId))) other = await seedShop();
  return other;
}

describe("the per-shop search index", () => {
  it("indexes a new product's title, description and tags under its own shop only", async () => {
    const a = await seedShop();
    const b = await seedShopBeside(a.shopId);
    const [p] = await (await shopDb(a.shopId))
      .insert(products)
      .values({ shopId: a.shopId, slug: "phulkari", title: "Phulkari Dupatta—hand/made", description: "Café-style, کڑھائی والا", tags: "gift✨wedding", options: "[]", price: 100 })
      .returning({ id: products.id });
    for (const q of ["phulkari", "PHUL", "hand", "made", "cafe", "café", "style", "کڑھائی", "wedding", "gift"]) expect(await matches(a.shopId, q), q).toContain(p!.id);
    expect(await matches(a.shopId, "phulkari dupatta wedding")).toEqual([p!.id]);
    expect(await matches(b.shopId, "phulkari")).toEqual([]);
    // The same word in both shops: each shop's terms list only its own products.
    const mine = await matches(a.shopId, "dupatta");
    const theirs = await matches(b.shopId, "dupatta");
    expect(mine.length).toBe(theirs.length + 1);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
    expect(await scratchLeft(a.shopId)).toBe(0);
  });

  it("follows edits and deletes, and leaves other columns' updates alone", async () => {
    const s = await seedShop();
    const id = await idOf(s.shopId, s.productSlugs[4]!);
    const d = await shopDb(s.shopId);
    await d.update(products).set({ title: "Ajrak shawl", description: "Block printed in Sindh.", tags: "indigo" }).where(eq(products.id, id));
    for (const q of ["ajrak", "sindh", "indigo"]) expect(await matches(s.shopId, q), q).toEqual([id]);
    expect(await matches(s.shopId, "made with care")).not.toContain(id); // the old description is gone

    await d.update(products).set({ price: 4200, status: "draft" }).where(eq(products.id, id));
    expect(await matches(s.shopId, "ajrak")).toEqual([id]);

    await d.delete(products).where(eq(products.id, id));
    expect(await matches(s.shopId, "ajrak")).toEqual([]);
    expect(await scratchLeft(s.shopId)).toBe(0);
  });

  it("indexes every row of a many-row insert (CSV import, seeds) on its own", async () => {
    const s = await seedShop();
    await (await shopD1(s.shopId)).prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
       INSERT INTO products (shop_id, slug, title, description, options, price)
       SELECT ?1, 'bulk-' || i, 'Bulk ' || iif(i % 2, 'khaddar', 'linen') || ' ' || i, 'Lot ' || i, '[]', 100 FROM n`,
    )
      .bind(s.shopId)
      .run();
    expect(await matches(s.shopId, "khaddar")).toHaveLength(20);
    expect(await matches(s.shopId, "bulk")).toHaveLength(40);
    expect(await matches(s.shopId, "lot 17")).toHaveLength(1);
    expect(await scratchLeft(s.shopId)).toBe(0);
  });

  it("is what the storefront's search reads", async () => {
    const s = await seedShop();
    const other = await seedShopBeside(s.shopId);
    await (await shopDb(other.shopId)).insert(products).values({ shopId: other.shopId, slug: "only-there", title: "Gharara only there", options: "[]", price: 100 });
    const id = await idOf(s.shopId, s.productSlugs[7]!);
    await (await shopDb(s.shopId)).update(products).set({ title: "Gharara set" }).where(eq(products.id, id));
    clearPageCache();
    const r = await exports.default.fetch(`${s.origin}/search?q=ghar`);
    const html = await r.text();
    expect(html).toContain(`/products/${s.productSlugs[7]}`);
    expect(html).not.toContain("only-there");
  });
});
