// Shop backups: every row of one shop (and the accounts of its members) as JSON, with its
// photos from R2. Shard-aware (src/db/shards.ts, docs/shards.md): the directory (DB) names the
// shop's shard; the shop's full row and its tenant rows are read from that shard's database, its
// members' accounts, memberships, invitations and custom domains from the directory. A restore
// writes the directory's rows into the directory and the rest into a target shard, with the same
// ids (R2 keys, shops/{shopId}/..., stay valid). Sessions, rate-limit counters and one-time
// codes are not backed up.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";
import { databaseIds } from "./databases.mjs";
import { DIRECTORY_TABLES, FILLED_BY_TRIGGERS, RECOMPUTED, WRITTEN_AFTER } from "../../src/db/tables.mjs";

/** 2: the shard the shop came from is recorded, and the tables are the database's own (below). 1 (one database) still imports. */
export const BACKUP_VERSION = 2;

/** The directory's own tables, what the triggers fill and recompute: src/db/tables.mjs (the Worker reads the same). */
export { DIRECTORY_TABLES };
const DIRECTORY_BACKED_UP = ["memberships", "invitations", "shop_domains"];
/** The directory's rows a shard keeps a copy of for its shops (src/db/members.ts syncMembers, syncDomains). */
const COPIED_TO_SHARD = ["memberships", "shop_domains"];

/**
 * What the triggers keep (migrations/triggers/*.sql, each file reviewed for the restore: the test
 * fails when one is added and this list is not updated):
 * - order-counts: order_counts is filled entirely by the orders' triggers: not backed up.
 * - customers: a customer's counts, name and city are derived from her orders. Her row is
 *   restored before the orders (for its id, the seller's note and tags) with them zeroed
 *   (RECOMPUTED), and the orders' inserts count them again.
 * - discount-uses: discounts.uses counts its order_discounts rows: zeroed, counted again.
 * - checkout-intents: an order's insert marks its phone's unordered intent as ordered: the
 *   intents are restored after the orders (WRITTEN_AFTER), with their own ordered_at.
 * - order-seq, product-cards, collection-keys, search: recompute from the state they see
 *   (a maximum, the first photo, the product's keys, the index), so the restore ends where the
 *   source was; the search index (products_fts) is rebuilt by the products' inserts.
 */
export const TRIGGERS_REVIEWED = ["checkout-intents", "collection-keys", "customers", "discount-uses", "order-counts", "order-seq", "product-cards", "search", "shop-moves"];
/** A move's own row (src/shards/move.ts: a freeze) is never backed up: a restored shop is not being moved. */
const NOT_A_SHOPS_DATA = ["shop_moves"];

/** The columns of a table that name a user (a foreign key to users, or an actor's id): remapped when a member's account already exists under another id. */
const USER_COLUMN = /(^|_)user_id$|^invited_by$/;

export function openLocal(persistTo) {
  return new Miniflare({
    modules: true,
    script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
    defaultPersistRoot: path.join(persistTo, "v3"),
    d1Databases: databaseIds(),
    r2Buckets: { MEDIA: "hatti-media" },
  });
}

/** Shard k's binding as src/db/shards.ts reads it: SHARD_k; shard 0 is SHARD_0 or else the directory (DB). */
function shardBinding(k) {
  const bound = Object.keys(databaseIds());
  if (k === 0) return bound.includes("SHARD_0") ? "SHARD_0" : "DB";
  if (!Number.isSafeInteger(k) || k < 0 || !bound.includes(`SHARD_${k}`)) throw new Error(`there is no shard ${k} here (bound: ${bound.join(", ")})`);
  return `SHARD_${k}`;
}

/** How many shards: SHARD_0 (or the directory) and each consecutive SHARD_k (src/db/shards.ts shardCount). */
function shardCount() {
  const bound = Object.keys(databaseIds());
  let n = 1;
  while (bound.includes(`SHARD_${n}`)) n += 1;
  return n;
}

/**
 * The shop's tables of this database, read from its schema so the list cannot go out of date:
 * every table with a shop_id column but the directory's and those the triggers fill, parents
 * first by their foreign keys (and WRITTEN_AFTER), and for each its columns that name a user.
 */
export async function shopTables(d1) {
  // Not D1's own tables (_cf_..., d1_migrations: not readable or not the shop's) nor SQLite's.
  const cols = (
    await d1
      .prepare(
        `SELECT m.name AS tbl, p.name AS col FROM sqlite_master m JOIN pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL%' AND unicode(m.name) <> 95 AND m.name NOT LIKE 'sqlite%' AND m.name NOT LIKE 'd1%'`,
      )
      .all()
  ).results;
  const withShop = new Set(cols.filter((c) => c.col === "shop_id").map((c) => c.tbl));
  const skip = new Set(["shops", ...DIRECTORY_TABLES, ...FILLED_BY_TRIGGERS, ...NOT_A_SHOPS_DATA]);
  const tables = [...withShop].filter((t) => !skip.has(t)).sort();
  const fks = (
    await d1
      .prepare(`SELECT m.name AS tbl, f."table" AS parent FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.name IN (SELECT value FROM json_each(?1))`)
      .bind(JSON.stringify(tables))
      .all()
  ).results;
  const before = new Map(tables.map((t) => [t, new Set(WRITTEN_AFTER[t] ?? [])]));
  for (const { tbl, parent } of fks) if (before.has(tbl) && before.has(parent) && parent !== tbl) before.get(tbl).add(parent);
  const ordered = [];
  const done = new Set();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !done.has(t) && [...before.get(t)].every((p) => done.has(p)));
    if (!next) throw new Error(`the shop's tables have a cycle of foreign keys: ${tables.filter((t) => !done.has(t)).join(", ")}`);
    ordered.push(next);
    done.add(next);
  }
  const userColumns = {};
  for (const { tbl, col } of cols) if (USER_COLUMN.test(col)) (userColumns[tbl] ??= []).push(col);
  return { tables: ordered, userColumns };
}

const rowsOf = async (d1, table, shopId) => (await d1.prepare(`SELECT * FROM ${table} WHERE shop_id = ? ORDER BY rowid`).bind(shopId).all()).results;

/** Writes `dir/shop.json` and `dir/media/<R2 key>`; returns a summary. */
export async function exportShop(mf, slug, dir) {
  const directory = await mf.getD1Database("DB");
  const r2 = await mf.getR2Bucket("MEDIA");
  const entry = await directory.prepare("SELECT id, shard FROM shops WHERE slug = ?").bind(slug).first();
  if (!entry) throw new Error(`no shop with slug "${slug}"`);
  const db = await mf.getD1Database(shardBinding(entry.shard));
  const shop = await db.prepare("SELECT * FROM shops WHERE id = ?").bind(entry.id).first();
  if (!shop) throw new Error(`shop "${slug}" (id ${entry.id}) is not in shard ${entry.shard}, which the directory names`);
  const tables = { shops: [shop] };
  for (const t of DIRECTORY_BACKED_UP) tables[t] = await rowsOf(directory, t, shop.id);
  for (const t of (await shopTables(db)).tables) tables[t] = await rowsOf(db, t, shop.id);
  // Her members' full accounts, and whoever sent an invitation still open (its foreign key).
  tables.users = (
    await directory
      .prepare(
        `SELECT u.* FROM users u WHERE u.id IN (SELECT user_id FROM memberships WHERE shop_id = ?1 UNION SELECT invited_by FROM invitations WHERE shop_id = ?1) ORDER BY u.id`,
      )
      .bind(shop.id)
      .all()
  ).results;

  mkdirSync(path.join(dir, "media"), { recursive: true });
  let objects = 0;
  let cursor;
  do {
    const page = await r2.list({ prefix: `shops/${shop.id}/`, cursor });
    for (const o of page.objects) {
      const obj = await r2.get(o.key);
      const file = path.join(dir, "media", o.key);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, Buffer.from(await obj.arrayBuffer()));
      objects++;
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);

  const backup = { version: BACKUP_VERSION, exportedAt: new Date().toISOString(), slug, shard: entry.shard, tables };
  writeFileSync(path.join(dir, "shop.json"), JSON.stringify(backup));
  return { rows: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])), objects, shard: entry.shard };
}

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

const TYPES = { webp: "image/webp", jpg: "image/jpeg", png: "image/png" };

/** The shard a restore goes to by default: the fewest directory rows, the lowest index on a tie (src/db/shards.ts emptiestShard). */
async function emptiestShard(directory, n) {
  if (n <= 1) return 0;
  const held = new Map((await directory.prepare("SELECT shard, count(*) AS n FROM shops WHERE shard < ?1 GROUP BY shard").bind(n).all()).results.map((r) => [r.shard, r.n]));
  let best = 0;
  for (let k = 1; k < n; k += 1) if ((held.get(k) ?? 0) < (held.get(best) ?? 0)) best = k;
  return best;
}

const insertSql = (table, row, tail = "") => {
  const cols = Object.keys(row);
  return [`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})${tail}`, cols.map((c) => row[c])];
};

/**
 * Each of the backup's members' accounts as the directory will hold it: an account with the same
 * phone or email is hers already (kept, and her id used); else her id if it is free, else a new
 * one. Answers the ids' map and the rows to insert.
 */
async function placeUsers(directory, users) {
  const map = new Map();
  const inserts = [];
  let next = ((await directory.prepare("SELECT coalesce(max(id), 0) AS m FROM users").first()).m ?? 0) + 1;
  for (const u of users) {
    const same = (await directory.prepare("SELECT id FROM users WHERE phone = ?1 OR email = ?2").bind(u.phone ?? null, u.email ?? null).all()).results;
    if (same.length > 1) throw new Error(`member ${u.id}: her phone and email belong to two different accounts here; resolve that first`);
    if (same.length === 1) {
      map.set(u.id, same[0].id);
      continue;
    }
    const taken = await directory.prepare("SELECT 1 FROM users WHERE id = ?").bind(u.id).first();
    const id = taken ? next++ : u.id;
    next = Math.max(next, id + 1);
    map.set(u.id, id);
    inserts.push({ ...u, id });
  }
  return { map, inserts };
}

/** Row ids of the backup already held by `d1` (a restore keeps its ids: they must be free). */
async function takenIds(d1, tables, names) {
  const checks = names.filter((t) => tables[t]?.length && "id" in tables[t][0]);
  if (!checks.length) return [];
  const res = await d1.batch(
    checks.map((t) => d1.prepare(`SELECT count(*) AS n FROM ${t} WHERE id IN (SELECT value FROM json_each(?1))`).bind(JSON.stringify(tables[t].map((r) => r.id)))),
  );
  return checks.filter((_, i) => res[i].results[0].n > 0);
}

/** D1 batches are atomic; a large shop is written in chunks so each stays within a request's limits. */
async function runChunked(d1, statements) {
  for (let i = 0; i < statements.length; i += 500) await d1.batch(statements.slice(i, i + 500).map(([sql, params]) => d1.prepare(sql).bind(...params)));
}

/**
 * Restores a backup (version 1 or 2) into the directory (DB) and shard `shard` (default: the
 * emptiest), which do not hold this shop: refused when its id or slug is in either, or any of its
 * rows' ids in the shard. Members' accounts that already exist (same phone or email) are kept
 * and reused. A failure part way deletes what this restore wrote, so nothing is left half-restored.
 */
export async function importShop(mf, dir, { shard } = {}) {
  const backup = JSON.parse(readFileSync(path.join(dir, "shop.json"), "utf8"));
  if (backup.version !== 1 && backup.version !== 2) throw new Error(`unknown backup version ${backup.version}`);
  const directory = await mf.getD1Database("DB");
  const r2 = await mf.getR2Bucket("MEDIA");
  const { tables } = backup;
  const source = tables.shops[0];
  const k = shard ?? (await emptiestShard(directory, shardCount()));
  const binding = shardBinding(k);
  const shared = binding === "DB";
  const db = await mf.getD1Database(binding);
  const { tables: tenant, userColumns } = await shopTables(db);

  for (const [where, d1] of shared ? [["the directory", directory]] : [["the directory", directory], [`shard ${k}`, db]]) {
    if (await d1.prepare("SELECT 1 FROM shops WHERE slug = ? OR id = ?").bind(source.slug, source.id).first()) {
      throw new Error(`${where} already has shop "${source.slug}" (or id ${source.id}): import into databases without it`);
    }
  }
  const taken = [...(await takenIds(db, tables, tenant)), ...(await takenIds(directory, tables, DIRECTORY_BACKED_UP))];
  if (taken.length) throw new Error(`shard ${k} (or the directory) already holds rows with this backup's ids in ${taken.join(", ")}: a restore keeps its ids; choose another shard (--shard) or empty databases`);

  const { map, inserts } = await placeUsers(directory, tables.users ?? []);
  const remap = (table, row) => {
    const out = { ...row, ...RECOMPUTED[table] };
    for (const c of userColumns[table] ?? []) if (out[c] != null && map.has(out[c])) out[c] = map.get(out[c]);
    return out;
  };
  const shop = { ...source, shard: k };
  const dirRow = shared ? shop : { id: shop.id, slug: shop.slug, name: shop.name, status: shop.status, shard: k };
  const dirStatements = [
    ...inserts.map((u) => insertSql("users", u)),
    insertSql("shops", dirRow),
    ...DIRECTORY_BACKED_UP.flatMap((t) => (tables[t] ?? []).map((r) => insertSql(t, remap(t, r)))),
  ];
  const shardStatements = [
    ...(shared ? [] : [insertSql("shops", shop)]),
    // The shard's copy of the members (src/db/members.ts syncMembers): id, name and language only.
    ...(shared
      ? []
      : (tables.memberships ?? []).map((m) => {
          const u = (tables.users ?? []).find((x) => x.id === m.user_id) ?? { name: "", locale: "en" };
          const id = map.get(m.user_id) ?? m.user_id;
          return insertSql("users", { id, name: u.name, email: `member-${id}@shard.invalid`, password_hash: "", locale: u.locale }, " ON CONFLICT (id) DO UPDATE SET name = excluded.name, locale = excluded.locale");
        })),
    ...(shared ? [] : COPIED_TO_SHARD.flatMap((t) => (tables[t] ?? []).map((r) => insertSql(t, remap(t, r))))),
    ...tenant.flatMap((t) => (tables[t] ?? []).map((r) => insertSql(t, remap(t, r)))),
  ];

  // The photos first (idempotent puts of content-addressed keys), then the rows.
  const mediaDir = path.join(dir, "media");
  let objects = 0;
  try {
    for (const file of filesUnder(mediaDir)) {
      const key = path.relative(mediaDir, file).split(path.sep).join("/");
      const ext = key.split(".").pop();
      await r2.put(key, new Uint8Array(readFileSync(file)).buffer, { httpMetadata: { contentType: TYPES[ext] ?? "application/octet-stream" } });
      objects++;
    }
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
  }

  await directory.batch(dirStatements.map(([sql, params]) => directory.prepare(sql).bind(...params)));
  try {
    await runChunked(db, shardStatements);
  } catch (err) {
    // Undo: the shop's rows go with its row (every shop_id is ON DELETE CASCADE), then the
    // accounts this restore made, and in the shard the member copies no shop there uses.
    const made = JSON.stringify(inserts.map((u) => u.id));
    const members = JSON.stringify([...map.values()]);
    if (!shared) {
      await db.batch([
        db.prepare("DELETE FROM shops WHERE id = ?").bind(shop.id),
        db.prepare("DELETE FROM users WHERE id IN (SELECT value FROM json_each(?1)) AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)").bind(members),
      ]);
    }
    await directory.batch([directory.prepare("DELETE FROM shops WHERE id = ?").bind(shop.id), directory.prepare("DELETE FROM users WHERE id IN (SELECT value FROM json_each(?1))").bind(made)]);
    throw err;
  }
  return { rows: dirStatements.length + shardStatements.length, objects, slug: shop.slug, shard: k };
}
