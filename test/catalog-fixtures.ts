/** Catalogue rows at real sizes, straight into D1 (SQLite makes the rows itself: 5,000 products take a moment). */
import { shopD1 } from "./helpers";
import { all } from "./admin-helpers";

/** `n` active products with one variant each, straight into D1; returns their ids, oldest first. */
export async function seedProducts(shopId: number, n: number, prefix = "Lawn suit"): Promise<number[]> {
  const tag = Math.random().toString(36).slice(2, 8);
  const d1 = await shopD1(shopId);
  await d1.prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?3)
     INSERT INTO products (shop_id, slug, title, status, price, position) SELECT ?1, ?2 || '-' || n, ?4 || ' ' || n, 'active', 150000, -n FROM seq`,
  )
    .bind(shopId, `seeded-${tag}`, n, prefix)
    .run();
  await d1.prepare(
    `INSERT INTO variants (shop_id, product_id, title, price, stock) SELECT shop_id, id, 'Default', 150000, 5 FROM products WHERE shop_id = ? AND slug LIKE ?`,
  )
    .bind(shopId, `seeded-${tag}-%`)
    .run();
  return (await all<{ id: number }>("SELECT id FROM products WHERE shop_id = ? AND slug >= ? AND slug < ? ORDER BY id", shopId, `seeded-${tag}-`, `seeded-${tag}.`)).map((r) => r.id);
}

