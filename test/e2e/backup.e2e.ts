/**
 * Backups round trip: export a seeded shop (rows + photos) from one local database and import
 * it into an empty one; every row and every photo comes back identical. And shard-aware
 * (docs/shards.md): a shop of shard 1 exported (its directory rows from DB, the rest from
 * SHARD_1) and restored into shard 1 and into shard 0 of an empty pair, its storefront and admin
 * served from the restored databases.
 */
import { createHash, randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ES modules without types
import { DIRECTORY_TABLES as MIRRORED, exportShop, importShop, openLocal, shopTables, TRIGGERS_REVIEWED } from "../../scripts/lib/backup.mjs";
// @ts-expect-error plain ES module without types
import { paintProduct } from "../../scripts/lib/png.mjs";
import { DIRECTORY_TABLES } from "../../src/db/shards";
import { freePort, LocalRuntime } from "./server";

const dirs: string[] = [];
const temp = (p: string) => {
  const d = mkdtempSync(path.join(tmpdir(), p));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));


type Row = Record<string, unknown>;
type D1 = { prepare(sql: string): { bind(...v: unknown[]): { first<T = Row>(): Promise<T | null>; all(): Promise<{ results: Row[] }> } } };
const rows = async (d1: D1, sql: string, ...params: unknown[]) => (await d1.prepare(sql).bind(...params).all()).results;

/**
 * Everything of one shop, wherever it is: its directory row (DB) names its shard; the full row
 * and every table with a shop_id from there (as scripts/lib/backup.mjs discovers them, with the
 * trigger-kept order_counts), memberships, invitations, domains and members' accounts from the
 * directory, the shard's copies of them, its photos and its search index. `shard` is left out
 * of the full row (a restore into another shard changes it, nothing else).
 */
async function snapshot(persistTo: string, slug: string) {
  const mf = openLocal(persistTo);
  try {
    const dir = (await mf.getD1Database("DB")) as unknown as D1;
    const entry = (await dir.prepare("SELECT id, shard FROM shops WHERE slug = ?").bind(slug).first<{ id: number; shard: number }>())!;
    const db = (entry.shard === 0 ? dir : await mf.getD1Database(`SHARD_${entry.shard}`)) as unknown as D1;
    const r2 = await mf.getR2Bucket("MEDIA");
    const { shard: _, ...shop } = (await db.prepare("SELECT * FROM shops WHERE id = ?").bind(entry.id).first())!;
    const tables: Record<string, Row[]> = { shops: [shop] };
    const { tables: tenant } = (await shopTables(db)) as { tables: string[] };
    for (const t of tenant) tables[t] = await rows(db, `SELECT * FROM ${t} WHERE shop_id = ? ORDER BY rowid`, entry.id);
    tables.order_counts = await rows(db, "SELECT * FROM order_counts WHERE shop_id = ? ORDER BY status", entry.id); // rebuilt by the triggers: its rows' order is theirs
    for (const t of ["memberships", "invitations", "shop_domains"]) tables[t] = await rows(dir, `SELECT * FROM ${t} WHERE shop_id = ? ORDER BY rowid`, entry.id);
    tables.users = await rows(dir, "SELECT u.* FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.shop_id = ? ORDER BY u.id", entry.id);
    const copies =
      entry.shard === 0
        ? null
        : {
            users: await rows(db, "SELECT u.id, u.name, u.email, u.password_hash, u.locale FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.shop_id = ? ORDER BY u.id", entry.id),
            memberships: await rows(db, "SELECT * FROM memberships WHERE shop_id = ? ORDER BY user_id", entry.id),
            shop_domains: await rows(db, "SELECT * FROM shop_domains WHERE shop_id = ? ORDER BY id", entry.id),
          };
    const listed = await r2.list({ prefix: `shops/${entry.id}/` });
    const media: Record<string, string> = {};
    for (const o of listed.objects) media[o.key] = Buffer.from(await (await r2.get(o.key))!.arrayBuffer()).toString("base64");
    const search = await db
      .prepare("SELECT count(*) AS n FROM products WHERE shop_id = ?1 AND id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?2)")
      .bind(entry.id, `s${entry.id}xlawn`) // the shop's own term (migrations/0005_search_per_shop.sql)
      .first();
    return { shard: entry.shard, tables, copies, media, search };
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
    expect(summary.rows.products).toBe(20);
    expect(summary.objects).toBeGreaterThan(0);

    const mfB = openLocal(target);
    // An empty pair: the emptiest shard is 0 (the lowest index on a tie).
    expect(await importShop(mfB, out)).toMatchObject({ slug: "demo", shard: 0 });
    // A second import into the same database is refused, not duplicated.
    await expect(importShop(mfB, out)).rejects.toThrow(/already has shop/);
    await mfB.dispose();
    // The same backup as version 1 wrote it (one database: no shard, its own list of tables) still imports.
    const v1 = temp("hatti-backup-v1-");
    cpSync(out, v1, { recursive: true });
    const { shard: _, tables, ...rest } = JSON.parse(readFileSync(path.join(out, "shop.json"), "utf8"));
    const V1_TABLES = ["shops", "users", "memberships", "invitations", "collections", "products", "variants", "product_images", "collection_products", "pages", "delivery_zones", "customers", "orders", "order_items", "order_events"];
    writeFileSync(path.join(v1, "shop.json"), JSON.stringify({ ...rest, version: 1, tables: Object.fromEntries(V1_TABLES.map((t) => [t, tables[t]])) }));
    const targetV1 = temp("hatti-dst-v1-");
    cpSync(inject("migrated"), targetV1, { recursive: true });
    const mfC = openLocal(targetV1);
    await importShop(mfC, v1);
    await mfC.dispose();

    const before = await snapshot(source, "demo");
    const after = await snapshot(target, "demo");
    expect(after.tables).toEqual(before.tables);
    expect((await snapshot(targetV1, "demo")).tables).toEqual(before.tables);
    expect(after.tables.customers).toEqual([
      expect.objectContaining({ phone: "+923215551234", city: "Karachi", orders: 3, delivered: 1, cancelled: 1, spent: 550000, note: "Prefers evening delivery", tags: '["VIP"]' }),
    ]);
    expect(Object.keys(after.media).sort()).toEqual(Object.keys(before.media).sort());
    expect(after.media).toEqual(before.media);
    expect(after.search).toEqual(before.search);
    expect((before.search as { n: number }).n).toBeGreaterThan(0);
  });

  it("restores a shop of shard 1 into shard 1 and into shard 0, its storefront and admin working", { timeout: 300_000 }, async () => {
    // The scripts read the Worker's list of the directory's tables (src/db/tables.mjs); each trigger file was reviewed for the restore.
    expect(MIRRORED).toEqual([...DIRECTORY_TABLES]);
    expect(TRIGGERS_REVIEWED).toEqual(readdirSync(path.join(import.meta.dirname, "..", "..", "migrations", "triggers")).map((f) => f.replace(/\.sql$/, "")).sort());

    const source = temp("hatti-src1-");
    cpSync(inject("seeded"), source, { recursive: true });
    const mfA = openLocal(source);
    const shop = await seedShardShop(mfA);
    const out = temp("hatti-backup1-");
    const summary = await exportShop(mfA, SLUG, out);
    await mfA.dispose();
    expect(summary.shard).toBe(1);
    expect(summary.rows).toMatchObject({ products: 20, variants: 19 * 3 + 1000, customers: 4, orders: 12, memberships: 2, users: 2, shop_domains: 1 });
    expect(summary.objects).toBe(12);
    const backup = JSON.parse(readFileSync(path.join(out, "shop.json"), "utf8"));
    expect(backup).toMatchObject({ version: 2, shard: 1, slug: SLUG });
    expect(backup.tables).not.toHaveProperty("order_counts"); // the triggers fill it
    expect(backup.tables).not.toHaveProperty("sessions");

    const before = await snapshot(source, SLUG);
    // Every table of the shop holds rows here, so none can be left out of the round trip unseen.
    for (const [t, r] of Object.entries(before.tables)) expect([t, r.length]).not.toEqual([t, 0]);
    expect(Object.keys(before.tables)).toEqual(expect.arrayContaining(["checkout_intents", "discounts", "order_discounts", "outbox", "payment_attempts", "pending_uploads", "push_subscriptions", "settlements", "shipments", "shop_credentials", "shop_visits"]));
    expect(before.copies!.users).toHaveLength(2);
    expect((before.search as { n: number }).n).toBeGreaterThan(0);

    for (const shard of [1, 0]) {
      const target = temp(`hatti-dst${shard}-`);
      cpSync(inject("migrated"), target, { recursive: true });
      const mfB = openLocal(target);
      expect(await importShop(mfB, out, { shard })).toMatchObject({ slug: SLUG, shard });
      await expect(importShop(mfB, out, { shard })).rejects.toThrow(/already has shop/);
      await expect(importShop(mfB, out, { shard: 1 - shard })).rejects.toThrow(/already has shop/);
      await mfB.dispose();
      const after = await snapshot(target, SLUG);
      expect(after.shard).toBe(shard);
      expect(after.tables).toEqual(before.tables);
      expect(after.copies).toEqual(shard === 0 ? null : before.copies);
      expect(after.media).toEqual(before.media);
      expect(after.search).toEqual(before.search);
      // What the triggers derive, counted again from the orders: not doubled, not zero.
      const customer = after.tables.customers!.find((c) => c.phone === "+923215551234")!;
      expect(customer).toMatchObject({ orders: 3, delivered: 1, cancelled: 0, spent: 3 * 480_000, note: "ہمیشہ شام کو ڈیلیوری", city: "Multan" });
      expect(after.tables.discounts![0]).toMatchObject({ code: "EID10", uses: 2 });
      expect(after.tables.order_counts!.reduce((n, r) => n + (r.n as number), 0)).toBe(12);
      expect(after.tables.checkout_intents!.find((i) => i.phone === "+923215551234")).toMatchObject({ ordered_at: null });
      expect(after.tables.shops![0]).toMatchObject({ order_seq: 1012 });
      if (shard === 1) await served(target, shop.ownerId);
    }

    // Into a directory where the owner's id belongs to someone else and the staff member has an
    // account already (same email): the stranger gains nothing, the staff member's account is
    // hers, the owner gets a new id, and every column naming them follows.
    const lived = temp("hatti-lived-");
    cpSync(inject("migrated"), lived, { recursive: true });
    const mfD = openLocal(lived);
    const dirD = await mfD.getD1Database("DB");
    await dirD.prepare("INSERT INTO users (id, name, phone, email, password_hash) VALUES (?1, 'Someone else', '+923009990000', NULL, 'x'), (7, 'Bilal A.', NULL, 'bilal@example.pk', 'y')").bind(shop.ownerId).run();
    await importShop(mfD, out, { shard: 1 });
    const owner = 8;
    const s1D = await mfD.getD1Database("SHARD_1");
    expect((await rows(dirD as unknown as D1, "SELECT user_id, role FROM memberships WHERE shop_id = ? ORDER BY user_id", shop.id))).toEqual([{ user_id: 7, role: "staff" }, { user_id: owner, role: "owner" }]);
    expect(await dirD.prepare("SELECT name, phone FROM users WHERE id = ?").bind(owner).first()).toEqual({ name: "زینب فاطمہ", phone: "+923331234567" });
    expect(await dirD.prepare("SELECT password_hash FROM users WHERE id = 7").first("password_hash")).toBe("y");
    expect(await dirD.prepare("SELECT invited_by FROM invitations WHERE shop_id = ?").bind(shop.id).first("invited_by")).toBe(owner);
    expect((await rows(s1D as unknown as D1, "SELECT u.id, u.email FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.shop_id = ? ORDER BY u.id", shop.id))).toEqual([
      { id: 7, email: "member-7@shard.invalid" },
      { id: owner, email: `member-${owner}@shard.invalid` },
    ]);
    for (const [t, c] of [["push_subscriptions", "user_id"], ["order_events", "actor_user_id"], ["settlements", "actor_user_id"]]) {
      expect((await rows(s1D as unknown as D1, `SELECT DISTINCT ${c} AS u FROM ${t} WHERE shop_id = ? AND ${c} IS NOT NULL`, shop.id)).map((r) => r.u)).toEqual([owner]);
    }
    await mfD.dispose();

    // A shard that already holds rows with the backup's ids is refused, and nothing is written.
    const busy = temp("hatti-busy-");
    cpSync(inject("migrated"), busy, { recursive: true });
    const mfC = openLocal(busy);
    const s1 = await mfC.getD1Database("SHARD_1");
    await s1.prepare("INSERT INTO shops (id, slug, name, shard) VALUES (?1, 'another-shop', 'Another shop', 1)").bind(shop.id + 1).run();
    await s1.prepare("INSERT INTO pages (id, shop_id, slug, title) VALUES (?1, ?2, 'about', 'About')").bind((before.tables.pages![0] as Row).id, shop.id + 1).run();
    await expect(importShop(mfC, out, { shard: 1 })).rejects.toThrow(/already holds rows with this backup's ids in pages/);
    const dir = await mfC.getD1Database("DB");
    const left = async () => ({
      directory: await dir.prepare("SELECT (SELECT count(*) FROM shops) AS shops, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM memberships) AS memberships, (SELECT count(*) FROM invitations) AS invitations, (SELECT count(*) FROM shop_domains) AS domains").first(),
      shard: await s1.prepare("SELECT (SELECT count(*) FROM shops) AS shops, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM memberships) AS memberships, (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM variants) AS variants, (SELECT count(*) FROM orders) AS orders").first(),
    });
    const nothing = { directory: { shops: 0, users: 0, memberships: 0, invitations: 0, domains: 0 }, shard: { shops: 1, users: 0, memberships: 0, products: 0, variants: 0, orders: 1 } };
    await s1.prepare("DELETE FROM pages").run();
    // A collision found only part way (another shop's order holds one of the backup's order tokens,
    // unique across shops): the chunks written before it (the shop, its 1,057 variants) are taken back.
    await s1
      .prepare("INSERT INTO orders (id, shop_id, number, token, idempotency_key, payment_method, customer_name, customer_phone, city, address, subtotal, total, currency) VALUES (500, ?1, 1, 'shard-backup-1003', 'k', 'cod', 'A', '+923000000000', 'Multan', 'A', 1, 1, 'PKR')")
      .bind(shop.id + 1)
      .run();
    await s1.prepare("DELETE FROM customers").run(); // the order's trigger made one, under an id of the backup's
    await expect(importShop(mfC, out, { shard: 1 })).rejects.toThrow(/UNIQUE constraint failed: orders.token/);
    expect(await left()).toEqual(nothing);
    await mfC.dispose();

  });
});

const SLUG = "zainab-kurtay";
const PHOTO_WIDTHS = [320, 640, 1280];

/**
 * A shop of shard 1 as the Worker makes one (src/platform/shops.ts createShop, src/db/members.ts):
 * its directory row, memberships, invitation and custom domain in DB; in SHARD_1 its full row
 * under the same id, the members' copies, and everything else: 20 products (English and Urdu
 * titles at their real lengths, one of 3 options of 10 values), photos in R2, orders of 4
 * customers with a discount, shipments, payments, a settlement, messages, a push subscription,
 * sealed credentials, an upload in flight, visits and an abandoned checkout.
 */
async function seedShardShop(mf: ReturnType<typeof openLocal>) {
  const dir = await mf.getD1Database("DB");
  const db = await mf.getD1Database("SHARD_1");
  const r2 = await mf.getR2Bucket("MEDIA");
  const one = async (d1: typeof dir, sql: string, ...params: unknown[]) => (await d1.prepare(sql).bind(...params).first<{ id: number }>())!.id;
  const ownerId = await one(dir, "INSERT INTO users (name, phone, password_hash, locale) VALUES ('زینب فاطمہ', '+923331234567', 'pbkdf2-sha256$100000$AAAA$AAAA', 'ur') RETURNING id");
  const staffId = await one(dir, "INSERT INTO users (name, email, password_hash, locale) VALUES ('Bilal Ahmed', 'bilal@example.pk', 'pbkdf2-sha256$100000$AAAA$AAAA', 'en') RETURNING id");
  const id = await one(dir, "INSERT INTO shops (slug, name, shard) VALUES (?1, 'زینب کے کرتے', 1) RETURNING id", SLUG);
  const domain = ["zainabkurtay.pk", "cf-7f3a", "active", '[{"type":"CNAME","name":"zainabkurtay.pk","value":"shops.hatti.pk"}]'];
  // The shard's copies carry the directory's rows as they are (syncMembers, syncDomains): the same times.
  const t0 = Date.now() - 40 * 86_400_000;
  await dir.batch([
    dir.prepare("INSERT INTO memberships (shop_id, user_id, role, created_at) VALUES (?1, ?2, 'owner', ?4), (?1, ?3, 'staff', ?4)").bind(id, ownerId, staffId, t0),
    dir.prepare("INSERT INTO invitations (shop_id, contact, role, invited_by) VALUES (?1, '+923451112233', 'staff', ?2)").bind(id, ownerId),
  ]);
  const domainId = await one(dir, "INSERT INTO shop_domains (shop_id, hostname, cf_id, status, records, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id", id, ...domain, t0);
  const stmts = [
    db.prepare(
      `INSERT INTO shops (id, slug, name, theme_id, locale, whatsapp, phone, city, description, payments, shard, low_stock_at)
       VALUES (?1, ?2, 'زینب کے کرتے', 'bazaar', 'ur', '+923331234567', '+923331234567', 'Multan', 'ملتان سے ہاتھ کی کڑھائی والے کرتے', '{"cod":{"enabled":true},"bank":{"enabled":true,"title":"Zainab Fatima","number":"PK36MEZN0000000123456789","bank":"Meezan Bank"}}', 1, 3)`,
    ).bind(id, SLUG),
    db.prepare("INSERT INTO users (id, name, email, password_hash, locale) VALUES (?1, 'زینب فاطمہ', ?3, '', 'ur'), (?2, 'Bilal Ahmed', ?4, '', 'en')").bind(ownerId, staffId, `member-${ownerId}@shard.invalid`, `member-${staffId}@shard.invalid`),
    db.prepare("INSERT INTO memberships (shop_id, user_id, role, created_at) VALUES (?1, ?2, 'owner', ?4), (?1, ?3, 'staff', ?4)").bind(id, ownerId, staffId, t0),
    db.prepare("INSERT INTO shop_domains (id, shop_id, hostname, cf_id, status, records, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").bind(domainId, id, ...domain, t0),
    db.prepare("INSERT INTO delivery_zones (shop_id, name, fee, free_above, position) VALUES (?1, 'ملتان', 15000, 300000, 0), (?1, 'باقی پاکستان', 30000, 500000, 1)").bind(id),
    db.prepare("INSERT INTO pages (shop_id, slug, title, body) VALUES (?1, 'about', 'ہمارے بارے میں', 'ہم ملتان کا ایک چھوٹا خاندانی کاروبار ہیں۔')").bind(id),
    db.prepare("INSERT INTO collections (shop_id, slug, title) VALUES (?1, 'sab-kuch', 'سب کچھ')").bind(id),
    db.prepare("INSERT INTO discounts (shop_id, code, title, kind, value) VALUES (?1, 'EID10', 'عید سیل', 'percent', 10)").bind(id),
  ];
  for (let i = 1; i <= 20; i++) {
    const title = i % 2 ? `Handmade embroidered chiffon kurta with dupatta for weddings, lawn ${i}` : `ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے ${i}`;
    const options = i === 1 ? '["Size","Colour","Fabric"]' : '["Size"]';
    stmts.push(
      db
        .prepare(`INSERT INTO products (shop_id, slug, title, description, tags, options, price, position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'lawn summer', ?5, ?6, ?7, ?8, ?8)`)
        .bind(id, `kurta-${i}`, title, `${title}. Cash on delivery across Pakistan.`, options, 450_000 + i * 1000, i, t0 + i * 60_000),
    );
  }
  await db.batch(stmts);
  // Variants: the first product 3 options of 10 values (1,000), the others 3 sizes each.
  await db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
       INSERT INTO variants (shop_id, product_id, title, option1, option2, option3, sku, price, stock, position)
       SELECT ?1, p.id, 'S' || (i / 100) || ' / C' || (i / 10 % 10) || ' / F' || (i % 10), 'S' || (i / 100), 'C' || (i / 10 % 10), 'F' || (i % 10), 'K1-' || i, p.price, 5, i
       FROM n, products p WHERE p.shop_id = ?1 AND p.slug = 'kurta-1'`,
    )
    .bind(id)
    .run();
  await db
    .prepare(
      `INSERT INTO variants (shop_id, product_id, title, option1, sku, price, stock, position)
       SELECT ?1, p.id, s.v, s.v, p.slug || '-' || s.v, p.price, iif(p.slug = 'kurta-4', 0, 7), s.i
       FROM products p, (SELECT 'S' AS v, 0 AS i UNION ALL SELECT 'M', 1 UNION ALL SELECT 'L', 2) s WHERE p.shop_id = ?1 AND p.slug <> 'kurta-1'`,
    )
    .bind(id)
    .run();
  // Photos: 4 sets of 3 widths, content-addressed as the Worker keys them; each product one of them.
  const palettes = [["#fdf2e9", "#9d174d", "#f9a8d4"], ["#eef6f3", "#115e59", "#99f6e4"], ["#fff7ed", "#c2410c", "#fed7aa"], ["#f5f3ff", "#5b21b6", "#c4b5fd"]];
  const keys: string[] = [];
  for (const [bg, fg, accent] of palettes) {
    const files = PHOTO_WIDTHS.map((w) => paintProduct(w, { bg, fg, accent, motif: "arch" }) as Buffer);
    const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
    const key = `shops/${id}/${sha(["png", ...PHOTO_WIDTHS.map((w, j) => `${w}:${sha(files[j]!)}`)].join("|"))}`;
    for (const [j, w] of PHOTO_WIDTHS.entries()) await r2.put(`${key}/${w}.png`, new Uint8Array(files[j]!).buffer, { httpMetadata: { contentType: "image/png" } });
    keys.push(key);
  }
  const products = (await db.prepare("SELECT id, title FROM products WHERE shop_id = ? ORDER BY position").bind(id).all<{ id: number; title: string }>()).results;
  const collection = await one(db, "SELECT id FROM collections WHERE shop_id = ?", id);
  await db.batch(
    products.flatMap((p, i) => [
      db.prepare("INSERT INTO product_images (shop_id, product_id, key, widths, format, width, height, alt, position) VALUES (?1, ?2, ?3, '320,640,1280', 'png', 1280, 1280, ?4, 0)").bind(id, p.id, keys[i % 4], p.title),
      db.prepare("INSERT INTO collection_products (shop_id, collection_id, product_id, position) VALUES (?1, ?2, ?3, ?4)").bind(id, collection, p.id, i),
    ]),
  );
  // 12 orders of 4 customers, moved on through their statuses; two took the discount.
  const zone = await one(db, "SELECT id FROM delivery_zones WHERE shop_id = ? AND position = 0", id);
  const discount = await one(db, "SELECT id FROM discounts WHERE shop_id = ?", id);
  const phones = ["+923215551234", "+923008887766", "+923451239876", "+923334445566"];
  const statuses = ["delivered", "new", "confirmed", "delivered", "shipped", "cancelled", "returned", "new", "new", "packed", "new", "cancelled"];
  for (let n = 1; n <= 12; n++) {
    const at = t0 + n * 86_400_000;
    const orderId = await one(
      db,
      `INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone, city, address, zone_id, zone_name, subtotal, delivery_fee, discount, total, currency, locale, created_at, updated_at)
       VALUES (?1, ?2, ?8, ?8, 'new', ?3, ?4, ?5, 'Multan', 'مکان 12، گلی 4، گلگشت کالونی', ?6, 'ملتان', 480000, 0, 0, 480000, 'PKR', 'ur', ?7, ?7) RETURNING id`,
      id, 1000 + n, n % 3 ? "cod" : "bank", n % 4 === 1 ? "ثناء خان" : `Customer ${n % 4}`, phones[(n - 1) % 4], zone, at, `shard-backup-${1000 + n}`,
    );
    const batch = [
      db.prepare("INSERT INTO order_items (shop_id, order_id, product_id, variant_id, title, variant_title, sku, price, quantity) SELECT ?1, ?2, v.product_id, v.id, p.title, v.title, v.sku, v.price, 1 FROM variants v JOIN products p ON p.id = v.product_id WHERE v.shop_id = ?1 AND v.sku = 'kurta-2-M'").bind(id, orderId),
      db.prepare("INSERT INTO order_events (shop_id, order_id, kind, to_status, actor_user_id, actor_name, created_at) VALUES (?1, ?2, 'placed', 'new', NULL, '', ?3)").bind(id, orderId, at),
    ];
    if (statuses[n - 1] !== "new") {
      batch.push(db.prepare("UPDATE orders SET status = ?3, updated_at = ?4 WHERE shop_id = ?1 AND id = ?2").bind(id, orderId, statuses[n - 1], at + 3_600_000));
      batch.push(db.prepare("INSERT INTO order_events (shop_id, order_id, kind, from_status, to_status, actor_user_id, actor_name, created_at) VALUES (?1, ?2, 'status', 'new', ?3, ?4, 'زینب فاطمہ', ?5)").bind(id, orderId, statuses[n - 1], ownerId, at + 3_600_000));
    }
    if (n === 5 || n === 9) batch.push(db.prepare("INSERT INTO order_discounts (shop_id, order_id, discount_id, code, title, kind, amount, phone) VALUES (?1, ?2, ?3, 'EID10', 'عید سیل', 'percent', 48000, ?4)").bind(id, orderId, discount, phones[(n - 1) % 4]));
    if (n === 5) batch.push(db.prepare("INSERT INTO shipments (shop_id, order_id, courier, state, tracking_number, weight_grams, cod_paisa) VALUES (?1, ?2, 'leopards', 'in_transit', 'LP123456789', 500, 480000)").bind(id, orderId));
    if (n === 3) batch.push(db.prepare("INSERT INTO payment_attempts (shop_id, order_id, provider, txn_ref, amount, state) VALUES (?1, ?2, 'jazzcash', 'T' || CAST(?2 AS INTEGER) || 'ZK', 480000, 'paid')").bind(id, orderId));
    if (n === 1) batch.push(db.prepare("INSERT INTO outbox (shop_id, channel, recipient, template, params, locale, state, sent_at) VALUES (?1, 'whatsapp', ?2, 'order_placed', '{}', 'ur', 'sent', ?3)").bind(id, phones[0], at));
    await db.batch(batch);
  }
  await db.batch([
    db.prepare("UPDATE customers SET note = 'ہمیشہ شام کو ڈیلیوری', tags = '[\"VIP\"]' WHERE shop_id = ?1 AND phone = ?2").bind(id, phones[0]),
    // She came back after her last order and left a cart: not ordered (the restore must not mark it so).
    db.prepare("INSERT INTO checkout_intents (shop_id, phone, name, cart, locale, token, created_at, updated_at) VALUES (?1, ?2, 'ثناء خان', '[[\"1\",1]]', 'ur', 'intent-token-zk-1', ?3, ?3)").bind(id, phones[0], Date.now()),
    db.prepare("INSERT INTO settlements (shop_id, courier, file_hash, file_name, rows, marked, amount, actor_user_id, actor_name) VALUES (?1, 'leopards', 'f0e1d2c3', 'leopards-november.csv', 2, 2, 960000, ?2, 'زینب فاطمہ')").bind(id, ownerId),
    db.prepare("INSERT INTO push_subscriptions (shop_id, user_id, endpoint, p256dh, auth, label) VALUES (?1, ?2, 'https://push.example/zk-1', 'BPk', 'auth-zk', 'Zainab phone')").bind(id, ownerId),
    db.prepare("INSERT INTO shop_credentials (shop_id, provider, sealed, hints) VALUES (?1, 'leopards', 'v1.sealed-bytes-zk', '{\"apiKey\":\"…9f2\"}')").bind(id),
    db.prepare("INSERT INTO pending_uploads (shop_id, form, key, widths, width, height, expires_at) VALUES (?1, 'product', ?2, '320,640,1280', 1280, 1280, ?3)").bind(id, keys[0], Date.now() + 3_600_000),
    db.prepare("INSERT INTO shop_visits (shop_id, day, source, n) VALUES (?1, '2026-11-30', 'whatsapp', 37), (?1, '2026-11-30', 'direct', 12)").bind(id),
  ]);
  return { id, ownerId };
}

/** The restored shop served by `wrangler dev` over the restored databases: its storefront, and its admin for its owner. */
async function served(persistTo: string, ownerId: number) {
  const token = randomBytes(32).toString("base64url");
  const mf = openLocal(persistTo);
  const dir = await mf.getD1Database("DB");
  await dir.prepare("INSERT INTO sessions (id, user_id, expires_at) VALUES (?1, ?2, ?3)").bind(createHash("sha256").update(token).digest("hex"), ownerId, Date.now() + 3_600_000).run();
  await mf.dispose();
  const runtime = new LocalRuntime("", persistTo);
  runtime.port = await freePort();
  const get = (host: string, p: string, cookie = "") =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port: runtime.port, path: p, headers: { host: `${host}:${runtime.port}`, cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      });
      req.on("error", reject);
    });
  await runtime.start();
  try {
    const home = await get(`${SLUG}.localhost`, "/");
    expect(home.status).toBe(200);
    expect(home.body).toContain("ہاتھ سے کڑھائی والا شیفون کا کرتا");
    const product = await get(`${SLUG}.localhost`, "/products/kurta-1");
    expect(product.status).toBe(200);
    expect(product.body).toContain("Handmade embroidered chiffon kurta");
    const search = await get(`${SLUG}.localhost`, "/search?q=lawn");
    expect(search.status).toBe(200);
    expect(search.body).toContain("kurta-3");
    const orders = await get("localhost", `/admin/${SLUG}/orders`, `hatti_sid=${token}`);
    expect(orders.status).toBe(200);
    expect(orders.body).toContain("1012");
  } finally {
    await runtime.stop();
  }
}
