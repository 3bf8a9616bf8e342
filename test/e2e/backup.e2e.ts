/**
 * Backups round trip: export a seeded shop (rows + photos) from one local database and import
 * it into an empty one; every row and every photo comes back identical.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ES modules without types
import { exportShop, importShop, openLocal, TENANT_TABLES } from "../../scripts/lib/backup.mjs";

const dirs: string[] = [];
const temp = (p: string) => {
  const d = mkdtempSync(path.join(tmpdir(), p));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));


type Row = Record<string, unknown>;
async function snapshot(persistTo: string, slug: string) {
  const mf = openLocal(persistTo);
  try {
    const db = await mf.getD1Database("DB");
    const r2 = await mf.getR2Bucket("MEDIA");
    const shop = (await db.prepare("SELECT * FROM shops WHERE slug = ?").bind(slug).first()) as Row;
    const tables: Record<string, Row[]> = { shops: [shop] };
    for (const t of TENANT_TABLES as string[]) {
      tables[t] = (await db.prepare(`SELECT * FROM ${t} WHERE shop_id = ? ORDER BY rowid`).bind(shop.id).all()).results as Row[];
    }
    const listed = await r2.list({ prefix: `shops/${shop.id}/` });
    const media: Record<string, string> = {};
    for (const o of listed.objects) media[o.key] = Buffer.from(await (await r2.get(o.key))!.arrayBuffer()).toString("base64");
    const search = await db
      .prepare("SELECT count(*) AS n FROM products WHERE shop_id = ?1 AND id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?2)")
      .bind(shop.id, `s${shop.id}xlawn`) // the shop's own term (migrations/0005_search_per_shop.sql)
      .first();
    return { tables, media, search };
  } finally {
    await mf.dispose();
  }
}

describe("npm run export / npm run import", () => {
  it("restores a shop's full data and photos into an empty database", { timeout: 180_000 }, async () => {
    // Both databases are copies of what the global setup made: the target an empty database
    // wrangler migrated, as in production; the source the same with the demo shops seeded.
    const target = temp("hatti-dst-");
    cpSync(inject("migrated"), target, { recursive: true });
    const source = temp("hatti-src-");
    cpSync(inject("seeded"), source, { recursive: true });
    const out = temp("hatti-backup-");
    const mfA = openLocal(source);
    // Orders of one customer, one of them moved on (the triggers keep her row), and the seller's
    // note and tags on her: restored, her row is the same, counted again from the orders.
    const dbA = await mfA.getD1Database("DB");
    const demo = (await dbA.prepare("SELECT id FROM shops WHERE slug = 'demo'").first<{ id: number }>())!.id;
    const day = 86_400_000;
    for (const [n, city, status, ago] of [[1, "Lahore", "new", 30], [2, "Karachi", "new", 3], [3, "Karachi", "cancelled", 1]] as const)
      await dbA
        .prepare(
          `INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone, city, address, subtotal, total, currency, created_at, updated_at)
           VALUES (?1, ?2, 'backup-' || ?2, 'backup-' || ?2, ?3, 'cod', 'Sana Khan', '+923215551234', ?4, 'House 12', 250000, 275000, 'PKR', ?5, ?5)`,
        )
        .bind(demo, 5000 + n, status, city, Date.now() - ago * day)
        .run();
    await dbA.prepare("UPDATE orders SET status = 'delivered', updated_at = ?2 WHERE shop_id = ?1 AND number = 5001").bind(demo, Date.now() - 20 * day).run();
    await dbA.prepare(`UPDATE customers SET note = 'Prefers evening delivery', tags = '["VIP"]', updated_at = ?2 WHERE shop_id = ?1`).bind(demo, Date.now()).run();
    const summary = await exportShop(mfA, "demo", out);
    await mfA.dispose();
    expect(summary.rows.customers).toBe(1);
    expect(summary.rows.products).toBe(12);
    expect(summary.objects).toBeGreaterThan(0);

    const mfB = openLocal(target);
    await importShop(mfB, out);
    // A second import into the same database is refused, not duplicated.
    await expect(importShop(mfB, out)).rejects.toThrow(/already has shop/);
    await mfB.dispose();

    const before = await snapshot(source, "demo");
    const after = await snapshot(target, "demo");
    expect(after.tables).toEqual(before.tables);
    expect(after.tables.customers).toEqual([
      expect.objectContaining({ phone: "+923215551234", city: "Karachi", orders: 3, delivered: 1, cancelled: 1, spent: 550000, note: "Prefers evening delivery", tags: '["VIP"]' }),
    ]);
    expect(Object.keys(after.media).sort()).toEqual(Object.keys(before.media).sort());
    expect(after.media).toEqual(before.media);
    expect(after.search).toEqual(before.search);
    expect((before.search as { n: number }).n).toBeGreaterThan(0);
  });
});
