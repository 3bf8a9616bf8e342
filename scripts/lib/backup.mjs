// Shop backups: every row of one shop (and the accounts of its members) as JSON, with its
// photos from R2. Restored into an empty database with the same ids, so R2 keys
// (shops/{shopId}/...) stay valid. Sessions and rate-limit counters are not backed up.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";

export const DATABASE_ID = "00000000-0000-0000-0000-000000000000";
export const BACKUP_VERSION = 1;

/** Tenant tables in foreign-key order (parents first); each has a shop_id column. */
export const TENANT_TABLES = [
  "memberships",
  "invitations",
  "collections",
  "products",
  "variants",
  "product_images",
  "collection_products",
  "pages",
  "delivery_zones",
  "customers",
  "orders",
  "order_items",
  "order_events",
];
// order_counts is not backed up: triggers on orders rebuild it as the orders are restored.
// customers is, for the seller's notes and tags: restored before the orders with what the
// triggers derive zeroed (DERIVED), then the orders' triggers count them again.

/** Columns of a backed-up table that triggers on its parents recompute on restore, with their starting value. */
const DERIVED = {
  customers: { name: "", city: "", orders: 0, delivered: 0, cancelled: 0, returned: 0, spent: 0, last_order_at: 0 },
};

export function openLocal(persistTo) {
  return new Miniflare({
    modules: true,
    script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
    defaultPersistRoot: path.join(persistTo, "v3"),
    d1Databases: { DB: DATABASE_ID },
    r2Buckets: { MEDIA: "hatti-media" },
  });
}

/** Writes `dir/shop.json` and `dir/media/<R2 key>`; returns a summary. */
export async function exportShop(mf, slug, dir) {
  const db = await mf.getD1Database("DB");
  const r2 = await mf.getR2Bucket("MEDIA");
  const shop = await db.prepare("SELECT * FROM shops WHERE slug = ?").bind(slug).first();
  if (!shop) throw new Error(`no shop with slug "${slug}"`);
  const tables = { shops: [shop] };
  for (const t of TENANT_TABLES) {
    tables[t] = (await db.prepare(`SELECT * FROM ${t} WHERE shop_id = ? ORDER BY rowid`).bind(shop.id).all()).results;
  }
  tables.users = (
    await db.prepare("SELECT u.* FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.shop_id = ? ORDER BY u.id").bind(shop.id).all()
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

  const backup = { version: BACKUP_VERSION, exportedAt: new Date().toISOString(), slug, tables };
  writeFileSync(path.join(dir, "shop.json"), JSON.stringify(backup));
  return { rows: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])), objects };
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

/**
 * Restores a backup into a database that does not hold this shop (normally an empty one, with
 * migrations applied). Users that already exist (same phone or email) are kept and reused.
 */
export async function importShop(mf, dir) {
  const backup = JSON.parse(readFileSync(path.join(dir, "shop.json"), "utf8"));
  if (backup.version !== BACKUP_VERSION) throw new Error(`unknown backup version ${backup.version}`);
  const db = await mf.getD1Database("DB");
  const r2 = await mf.getR2Bucket("MEDIA");
  const { tables } = backup;
  const shop = tables.shops[0];
  if (await db.prepare("SELECT 1 FROM shops WHERE slug = ? OR id = ?").bind(shop.slug, shop.id).first()) {
    throw new Error(`the database already has shop "${shop.slug}" (or id ${shop.id}): import into an empty database`);
  }
  const insert = (table, row) => {
    const cols = Object.keys(row);
    return db.prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).bind(...cols.map((c) => row[c]));
  };
  const statements = [];
  for (const u of tables.users) {
    const cols = Object.keys(u);
    statements.push(
      db
        .prepare(`INSERT INTO users (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")}) ON CONFLICT DO NOTHING`)
        .bind(...cols.map((c) => u[c])),
    );
  }
  statements.push(insert("shops", shop));
  for (const t of TENANT_TABLES) for (const row of tables[t] ?? []) statements.push(insert(t, { ...row, ...DERIVED[t] }));
  // D1 batches are atomic; restore in chunks so a large shop stays within request limits.
  for (let i = 0; i < statements.length; i += 500) await db.batch(statements.slice(i, i + 500));

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
  return { rows: statements.length, objects, slug: shop.slug };
}
