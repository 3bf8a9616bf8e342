/**
 * Test files start from an image of the migrated schema (test/schema-image.ts, made from
 * migrations/ at every run), not from the migrations themselves. Here the database a file
 * starts with is compared with one the migrations have just been applied to: every object
 * SQLite keeps (tables, indexes, virtual tables and the FTS5 shadow tables they made, triggers)
 * with its SQL, and every row of every table, shadow tables and SQLite's own included. Any
 * drift between the two fails here, and the comparison is shown to notice a drift.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { imageOf } from "./schema-image";

type Row = Record<string, unknown>;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Everything a database holds, in a stable order. */
async function contents(db: D1Database) {
  const { results: objects } = await db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE '_cf_%' ORDER BY type, name").all<Row>();
  const rows: Record<string, string[]> = {};
  for (const o of objects) {
    if (o.type !== "table" || /^CREATE VIRTUAL TABLE/i.test(String(o.sql))) continue;
    const { results } = await db.prepare(`SELECT * FROM ${quote(String(o.name))}`).all<Row>();
    // When each migration was applied is the one thing that differs between two runs.
    rows[String(o.name)] = results.map((r) => JSON.stringify(o.name === "d1_migrations" ? { ...r, applied_at: "-" } : r, (_, v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v))).sort();
  }
  return { objects, rows };
}

describe("the database each test file starts with", () => {
  it("is exactly what the migrations make: every object, its SQL and every row, shadow tables included", async () => {
    await imageOf(env.MIGRATIONS_DB); // the migrations, applied again to an emptied database
    const loaded = await contents(env.DB);
    const migrated = await contents(env.MIGRATIONS_DB);
    expect(loaded.objects).toEqual(migrated.objects);
    expect(loaded.rows).toEqual(migrated.rows);
    // What the comparison covers: the catalogue's tables, the search index and its shadow
    // tables, the triggers, and the record of the migrations applied.
    const names = migrated.objects.map((o) => `${o.type} ${o.name}`);
    expect(names).toEqual(expect.arrayContaining(["table products", "table products_fts", "table products_fts_data", "table products_fts_config", "trigger products_fts_ai", "index products_shop_slug_uq"]));
    expect(migrated.rows.d1_migrations).toHaveLength(env.TEST_MIGRATIONS.length);
    expect(migrated.rows.products_fts_config!.length).toBeGreaterThan(0);
  });

  it("would differ from the migrated one by a single index, trigger or row", async () => {
    await imageOf(env.MIGRATIONS_DB);
    const before = await contents(env.MIGRATIONS_DB);
    for (const change of [
      "CREATE INDEX drift_idx ON products (title)",
      "CREATE TRIGGER drift_t AFTER DELETE ON products BEGIN SELECT 1; END",
      "INSERT INTO rate_limits (key, window_start, count) VALUES ('drift', 0, 1)",
    ]) {
      await imageOf(env.MIGRATIONS_DB);
      await env.MIGRATIONS_DB.prepare(change).run();
      expect(await contents(env.MIGRATIONS_DB), change).not.toEqual(before);
    }
    await imageOf(env.MIGRATIONS_DB);
    expect(await contents(env.MIGRATIONS_DB)).toEqual(before);
  });
});
