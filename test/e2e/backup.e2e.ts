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
    const summary = await exportShop(mfA, "demo", out);
    await mfA.dispose();
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
    expect(Object.keys(after.media).sort()).toEqual(Object.keys(before.media).sort());
    expect(after.media).toEqual(before.media);
    expect(after.search).toEqual(before.search);
    expect((before.search as { n: number }).n).toBeGreaterThan(0);
  });
});
