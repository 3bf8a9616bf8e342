/**
 * Every test file starts from a database as the migrations leave it, without applying them per
 * file. Once per workerd process, the migrations (env.TEST_MIGRATIONS, read from migrations/ by
 * vitest.config.ts at every run, never committed) are applied to a scratch database
 * (MIGRATIONS_DB) and what they made is read back as an image: every table, index, view,
 * virtual table and trigger as its CREATE statement, plus the rows the migrations leave
 * (d1_migrations). Each file then empties DB and loads the image in one batch (test/setup.ts).
 *
 * FTS5 shadow tables are not in the image: CREATE VIRTUAL TABLE makes them. That the loaded
 * schema is exactly the migrated one, shadow tables and their rows included, is checked by
 * test/db-schema.test.ts.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Suffixes of the tables an FTS5 virtual table makes for itself. */
const FTS5_SHADOWS = ["_data", "_idx", "_content", "_docsize", "_config"];
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The objects of a database that are its own, in creation order (SQLite's and D1's left out). */
export async function objectsOf(db: D1Database): Promise<MasterRow[]> {
  const { results } = await db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY rowid")
    .all<MasterRow>();
  return results;
}

/** Names of the FTS5 shadow tables among `objects` (made by their virtual table, not by us). */
export function shadowTables(objects: MasterRow[]): Set<string> {
  const fts5 = objects.filter((o) => o.type === "table" && /^CREATE VIRTUAL TABLE .* USING fts5\s*\(/is.test(o.sql ?? ""));
  return new Set(fts5.flatMap((v) => FTS5_SHADOWS.map((s) => `${v.name}${s}`)));
}

/**
 * Drops everything a database holds: triggers and views first, then each table after every
 * table whose foreign keys point at it (a DROP TABLE deletes its rows first, and SQLite
 * resolves the foreign keys of that delete, so a table's children must already be gone).
 */
export async function emptyDatabase(db: D1Database): Promise<void> {
  const objects = await objectsOf(db);
  if (!objects.length) return;
  const shadows = shadowTables(objects);
  const tables = objects.filter((o) => o.type === "table" && o.sql !== null && !shadows.has(o.name));
  // Foreign keys read from each table's CREATE statement (D1 does not allow pragma functions here).
  const edges = tables.flatMap((t) => [...t.sql!.matchAll(/\bREFERENCES\s+[`"[]?([^`"\]\s(]+)/gi)].map((m) => ({ child: t.name, parent: m[1]! })));
  const ordered: string[] = [];
  const left = new Set(tables.map((t) => t.name));
  while (left.size) {
    // A table none of the remaining tables refers to; with a cycle, any (D1 defers the check).
    const next = [...left].find((t) => !edges.some((e) => e.parent === t && e.child !== t && left.has(e.child))) ?? left.values().next().value!;
    ordered.push(next);
    left.delete(next);
  }
  const drops = [
    ...objects.filter((o) => o.type === "trigger" || o.type === "view").map((o) => `DROP ${o.type.toUpperCase()} IF EXISTS ${quote(o.name)}`),
    ...ordered.map((t) => `DROP TABLE IF EXISTS ${quote(t)}`),
  ];
  await db.batch(["PRAGMA defer_foreign_keys = ON", ...drops].map((s) => db.prepare(s)));
}

export interface SchemaImage {
  /** CREATE statements in creation order, triggers last. */
  statements: string[];
  /** Rows the migrations left, as INSERTs with their values bound. */
  rows: { sql: string; values: unknown[] }[];
  /**
   * SQLite's AUTOINCREMENT counters as the migrations left them: an INSERT into such a table
   * (a backfill, even of no rows) writes its counter, which loading the rows alone would not.
   */
  sequences: { name: string; seq: number }[];
}

/** Applies every migration to an empty `db` and reads what they made. */
export async function imageOf(db: D1Database): Promise<SchemaImage> {
  await emptyDatabase(db);
  await applyD1Migrations(db, env.TEST_MIGRATIONS);
  const objects = await objectsOf(db);
  const shadows = shadowTables(objects);
  const own = objects.filter((o) => o.sql !== null && !shadows.has(o.name));
  const statements = [...own.filter((o) => o.type !== "trigger"), ...own.filter((o) => o.type === "trigger")].map((o) => o.sql!);
  const rows: SchemaImage["rows"] = [];
  for (const t of own.filter((o) => o.type === "table" && !/^CREATE VIRTUAL TABLE/i.test(o.sql!))) {
    const { results } = await db.prepare(`SELECT * FROM ${quote(t.name)}`).all<Record<string, unknown>>();
    for (const r of results) {
      const cols = Object.keys(r);
      rows.push({ sql: `INSERT INTO ${quote(t.name)} (${cols.map(quote).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`, values: Object.values(r) });
    }
  }
  const hasSequences = objects.length > 0 && (await db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first()) !== null;
  const sequences = hasSequences ? (await db.prepare("SELECT name, seq FROM sqlite_sequence ORDER BY name").all<{ name: string; seq: number }>()).results : [];
  return { statements, rows, sequences };
}

let image: Promise<SchemaImage> | undefined;

/** The image, made once per workerd process (test files share it when isolation is off). */
export function schemaImage(): Promise<SchemaImage> {
  image ??= imageOf(env.MIGRATIONS_DB);
  return image;
}

/** Empties `db` and loads the migrated schema into it: one batch, one transaction. */
export async function loadSchema(db: D1Database): Promise<void> {
  const { statements, rows, sequences } = await schemaImage();
  await emptyDatabase(db);
  const counters = sequences.length
    ? ["DELETE FROM sqlite_sequence", ...sequences.map((q) => db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)").bind(q.name, q.seq))]
    : [];
  await db.batch([
    ...statements.map((s) => db.prepare(s)),
    ...rows.map((r) => db.prepare(r.sql).bind(...r.values)),
    ...counters.map((q) => (typeof q === "string" ? db.prepare(q) : q)),
  ]);
}

/** Deletes every object of a bucket. */
export async function emptyBucket(bucket: R2Bucket): Promise<void> {
  for (;;) {
    const { objects } = await bucket.list({ limit: 1000 });
    if (!objects.length) return;
    await bucket.delete(objects.map((o) => o.key));
  }
}
