/**
 * A table rebuild of `products` as drizzle-kit generates it (test/fixtures/migrations/
 * products-rebuild.sql, raw), rewritten by the very function `npm run db:generate` applies
 * (processMigration, scripts/lib/migration-triggers.mjs), applied as D1 applies a migration (one
 * batch) to a seeded database: two shops with products, variants, photos, collections (one of
 * 20 products), orders with items. Afterwards every trigger is there, what they keep (cards,
 * collection sort keys, the search index, order counts) is what it was and still follows
 * changes, and no child row is lost. The raw drizzle-kit output, applied the same way, fails on
 * the triggers; with the triggers out of its way it deletes every variant, photo and membership
 * through ON DELETE cascade, PRAGMA foreign_keys=OFF or defer_foreign_keys notwithstanding.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { collections } from "./schema";
import { processMigration, statementsOf, triggersOf } from "../../scripts/lib/migration-triggers.mjs";
import { placeOrderAt, seedProduct, zonesOf } from "../../test/checkout-fixtures";
import { db, inShardOf, shardOfShop, uniq } from "../../test/helpers";
import { seedShop } from "../../test/storefront-fixtures";
import { applyMigration, databaseTriggers, source, sourceTriggers } from "../../test/trigger-fixtures";
import { ftsQuery } from "../storefront/search";

const all = async <T = Record<string, unknown>>(sql: string, ...binds: unknown[]) => (await env.DB.prepare(sql).bind(...binds).all<T>()).results;
const one = async <T = Record<string, unknown>>(sql: string, ...binds: unknown[]) => (await env.DB.prepare(sql).bind(...binds).first<T>())!;

const CHILD_TABLES = ["products", "variants", "product_images", "collection_products", "collections", "orders", "order_items", "order_events"];

async function counts() {
  const out: Record<string, number> = {};
  for (const t of CHILD_TABLES) out[t] = (await one<{ n: number }>(`SELECT count(*) AS n FROM ${t}`)).n;
  return out;
}

/** Everything the triggers keep, as rows. */
async function derived() {
  return {
    cards: await all("SELECT id, card_image, in_stock, max_price FROM products ORDER BY id"),
    keys: await all("SELECT collection_id, product_id, position, product_status, product_created_at, product_price FROM collection_products ORDER BY 1, 2"),
    counts: await all("SELECT shop_id, status, n FROM order_counts ORDER BY 1, 2"),
    seq: await all("SELECT id, order_seq FROM shops ORDER BY id"),
    // The whole search index, term by term: each product's words under its own shop.
    index: await all("SELECT term, doc, col, \"offset\" FROM products_fts_check ORDER BY term, doc, col, \"offset\""),
  };
}

const search = async (shopId: number, q: string) =>
  (await all<{ id: number }>("SELECT rowid AS id FROM products_fts WHERE products_fts MATCH ?1 ORDER BY rowid", ftsQuery(shopId, q))).map((r) => r.id);

const LONG_EN = "Handmade embroidered chiffon kurta with dupatta for weddings";
const LONG_UR = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

async function seeded() {
  // A window on the search index (a test-only table: fts5vocab reads products_fts as it is).
  await env.DB.prepare("CREATE VIRTUAL TABLE IF NOT EXISTS products_fts_check USING fts5vocab(products_fts, 'instance')").run();
  // The migration is applied to one database, the directory's (shard 0): both shops live there.
  let a = await seedShop();
  while ((await shardOfShop(a.shopId)) !== 0) a = await seedShop();
  const b = await inShardOf(a.shopId, () => seedShop({ locale: "ur" }));
  const [kurta] = await seedProduct(a.shopId, {
    title: LONG_EN,
    variants: ["S", "M", "L"].map((size, i) => ({ title: size, price: 450_000 + i * 10_000, stock: 4, sku: uniq("KRT-") })),
  });
  const [urdu] = await seedProduct(b.shopId, { title: LONG_UR, variants: [{ title: "Default", price: 380_000, stock: 2 }] });
  // A 20-product collection of shop a (one statement: drizzle binds every default, past D1's 100).
  const [wedding] = await db().insert(collections).values({ shopId: a.shopId, slug: "wedding", title: "Wedding edit" }).returning({ id: collections.id });
  await env.DB.prepare(
    "INSERT INTO collection_products (shop_id, collection_id, product_id, position) SELECT shop_id, ?2, id, row_number() OVER (ORDER BY id) FROM products WHERE shop_id = ?1 ORDER BY id LIMIT 20",
  )
    .bind(a.shopId, wedding!.id)
    .run();
  // Orders with items through the real checkout.
  const [zone] = await zonesOf(a.shopId);
  const lines = (await all<{ id: number }>("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.shop_id = ? AND v.stock > 2 AND p.status = 'active' ORDER BY v.id LIMIT 3", a.shopId)).map((r) => r.id);
  await placeOrderAt(a.origin, zone!.id, [[kurta!.id, 1], [lines[0]!, 2]]);
  await placeOrderAt(a.origin, zone!.id, [[lines[1]!, 1], [lines[2]!, 1]]);
  // The newest product goes: AUTOINCREMENT must not hand its id out again after the rebuild.
  const [gone] = await seedProduct(b.shopId, { title: "Sample, withdrawn" });
  await env.DB.prepare("DELETE FROM products WHERE id = ?").bind(gone!.productId).run();
  return { a, b, kurta: kurta!, urdu: urdu!, wedding: wedding!.id, deletedId: gone!.productId };
}

const dropTriggers = () => triggersOf(source()).map((t) => `DROP TRIGGER IF EXISTS \`${t.name}\``);

describe("a drizzle-kit rebuild of products, rewritten by db:generate", () => {
  it("keeps every trigger, what they keep and every child row, on a seeded database", async () => {
    const s = await seeded();
    const before = { counts: await counts(), derived: await derived() };
    expect(before.counts.order_items).toBe(4);
    expect(before.derived.keys.filter((k) => k.collection_id === s.wedding)).toHaveLength(20);
    expect(await search(s.a.shopId, "chiffon kurta dupatta weddings")).toEqual([s.kurta.productId]);
    expect(await search(s.b.shopId, "شیفون")).toContain(s.urdu.productId);

    const processed = processMigration(env.TEST_REBUILD_FIXTURE, { source: source(), foreignKeys: env.TEST_FOREIGN_KEYS });
    expect(processed.rebuilt).toEqual([{ table: "products", kept: ["collection_products", "product_images", "variants"] }]);
    await applyMigration(statementsOf(processed.sql));

    // It was rebuilt (the new CHECK is there), and nothing was lost or changed.
    expect((await one<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'products'")).sql).toContain("products_position_nonneg");
    expect(await databaseTriggers()).toEqual(sourceTriggers());
    expect(await counts()).toEqual(before.counts);
    expect(await derived()).toEqual(before.derived);
    expect(await all("PRAGMA foreign_key_check")).toEqual([]);
    expect(await search(s.a.shopId, "chiffon kurta dupatta weddings")).toEqual([s.kurta.productId]);
    expect(await search(s.b.shopId, "شیفون")).toContain(s.urdu.productId);
    expect(await search(s.b.shopId, "chiffon")).toEqual([]);

    // The triggers work on the rebuilt table.
    const p = s.kurta.productId;
    await env.DB.prepare("INSERT INTO product_images (shop_id, product_id, key, widths, width, height, alt, position) VALUES (?, ?, ?, '320,640', 640, 800, 'front', -1)")
      .bind(s.a.shopId, p, `shops/${s.a.shopId}/${"b".repeat(64)}`)
      .run();
    expect((await one<{ card_image: string }>("SELECT card_image FROM products WHERE id = ?", p)).card_image).toBe(`shops/${s.a.shopId}/${"b".repeat(64)}|320,640|640|800|webp|front`);
    await env.DB.prepare("UPDATE variants SET stock = 0 WHERE product_id = ?").bind(p).run();
    expect((await one<{ in_stock: number }>("SELECT in_stock FROM products WHERE id = ?", p)).in_stock).toBe(0);
    const member = await one<{ id: number }>("SELECT product_id AS id FROM collection_products WHERE collection_id = ? ORDER BY position LIMIT 1", s.wedding);
    await env.DB.prepare("UPDATE products SET price = 123400, status = 'archived' WHERE id = ?").bind(member.id).run();
    expect(await one("SELECT product_status, product_price FROM collection_products WHERE collection_id = ? AND product_id = ?", s.wedding, member.id)).toEqual({
      product_status: "archived",
      product_price: 123400,
    });
    await env.DB.prepare("UPDATE products SET title = 'Ajrak shawl from Sindh' WHERE id = ?").bind(p).run();
    expect(await search(s.a.shopId, "ajrak sindh")).toEqual([p]);
    expect(await search(s.a.shopId, "weddings")).toEqual([]);
    const [fresh] = await seedProduct(s.a.shopId, { title: "Block print chadar" });
    expect(fresh!.productId).toBeGreaterThan(s.deletedId); // the sequence went on where it was
    expect(await search(s.a.shopId, "chadar")).toEqual([fresh!.productId]);
    const [zone] = await zonesOf(s.a.shopId);
    const variant = await one<{ id: number }>("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.shop_id = ? AND v.stock > 0 AND p.status = 'active' ORDER BY v.id LIMIT 1", s.a.shopId);
    const order = await placeOrderAt(s.a.origin, zone!.id, [[variant.id, 1]]);
    expect((await one<{ n: number }>("SELECT n FROM order_counts WHERE shop_id = ? AND status = 'new'", s.a.shopId)).n).toBe(3);
    expect((await one<{ order_seq: number }>("SELECT order_seq FROM shops WHERE id = ?", s.a.shopId)).order_seq).toBe(order.number);
  });
});

describe("migration 0008, which only re-creates the triggers from the source", () => {
  it("leaves everything they keep as it was, on a database with orders in several states", async () => {
    const s = await seeded();
    // A status emptied: its counter row stays at 0, as the triggers leave it.
    const order = await one<{ id: number }>("SELECT id FROM orders WHERE shop_id = ? ORDER BY id LIMIT 1", s.a.shopId);
    await env.DB.prepare("UPDATE orders SET status = 'confirmed' WHERE id = ?").bind(order.id).run();
    await env.DB.prepare("UPDATE orders SET status = 'packed' WHERE id = ?").bind(order.id).run();
    const before = { counts: await counts(), derived: await derived() };
    expect(before.derived.counts).toContainEqual({ shop_id: s.a.shopId, status: "confirmed", n: 0 });

    const migration = env.TEST_MIGRATIONS.find((m) => m.name === "0008_triggers_source.sql")!;
    await applyMigration(migration.queries);
    expect(await databaseTriggers()).toEqual(sourceTriggers());
    expect(await counts()).toEqual(before.counts);
    expect(await derived()).toEqual(before.derived);
  });
});

// The same fixture without the rewrite: what the test above would meet without db:generate.
// Last in this file: the second case destroys the catalogue.
describe("the raw drizzle-kit rebuild (what db:generate prevents)", () => {
  it("fails on the triggers, changing nothing", async () => {
    await seedShop();
    const before = await counts();
    await expect(applyMigration(statementsOf(env.TEST_REBUILD_FIXTURE))).rejects.toThrow(/no such table: main\.products/);
    expect(await counts()).toEqual(before);
  });

  it("with the triggers out of its way, deletes every variant, photo and membership (foreign_keys=OFF and defer_foreign_keys do nothing for it)", async () => {
    const before = await counts();
    expect(before.variants).toBeGreaterThan(0);
    await applyMigration(["PRAGMA defer_foreign_keys = on", ...dropTriggers(), ...statementsOf(env.TEST_REBUILD_FIXTURE)]);
    const after = await counts();
    expect(after.products).toBe(before.products);
    expect([after.variants, after.product_images, after.collection_products]).toEqual([0, 0, 0]);
  });
});
