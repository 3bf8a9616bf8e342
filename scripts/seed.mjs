#!/usr/bin/env node
// Seeds the local D1 and R2 (the same files `wrangler dev` uses) with demo shops and a demo
// seller. Idempotent: a shop that already exists is left as it is, so re-running keeps data.
//
//   node scripts/seed.mjs [--persist-to .wrangler/state]
//
// Shops: one per theme in English and one in Urdu (DEMO_SHOPS), each with a catalogue that
// fits it, drawn product photos (scripts/lib/demo-photos.mjs, cached in the temp directory) and
// a home page of sections opening with a drawn banner, and two or three sections below every
// product's buy box (scripts/lib/demo-homes.mjs).
import { pbkdf2Sync, randomBytes } from "node:crypto";
import path from "node:path";
import { Miniflare } from "miniflare";
import { rupees } from "./lib/catalog.mjs";
import { DEMO_SHOPS, SELLERS } from "./lib/demo-shops.mjs";
import { HOMES, PRODUCT_PAGES, scenesOf, withPhotos } from "./lib/demo-homes.mjs";
import { PHOTO_FORMAT, PHOTO_WIDTHS, bannerSet, photoSet } from "./lib/demo-photos.mjs";

export const DEMO_LOGIN = "03001234567";
export const DEMO_PASSWORD = "hatti-demo-2026";
const DATABASE_ID = "00000000-0000-0000-0000-000000000000";

/** Option names in Urdu (the values stay as the seller would type them: sizes, weights). */
const OPTION_NAMES_UR = { Size: "سائز", Colour: "رنگ", Age: "عمر", Box: "ڈبہ", Pieces: "تعداد" };

const PAGES = {
  en: [
    ["about", "About us", "We are a small family business from Lahore. Every piece is chosen or made by hand at home.\n\nOrder on this website or message us on WhatsApp."],
    ["delivery-returns", "Delivery and returns", "We deliver across Pakistan in 3 to 5 working days. Cash on delivery is available everywhere.\n\nNot happy? Send it back unused within 7 days and we will exchange it or refund you."],
    ["contact", "Contact", "WhatsApp or call: 0300 1234567\nMonday to Saturday, 10 am to 8 pm."],
  ],
  ur: [
    ["about", "ہمارے بارے میں", "ہم لاہور کا ایک چھوٹا خاندانی کاروبار ہیں۔ ہر چیز گھر پر ہاتھ سے چنی یا بنائی جاتی ہے۔\n\nاس ویب سائٹ پر آرڈر کریں یا واٹس ایپ پر پیغام بھیجیں۔"],
    ["delivery-returns", "ڈیلیوری اور واپسی", "ہم پورے پاکستان میں 3 سے 5 کاروباری دنوں میں ڈیلیوری کرتے ہیں۔ کیش آن ڈیلیوری ہر جگہ دستیاب ہے۔\n\nپسند نہ آئے؟ 7 دن کے اندر بغیر استعمال کے واپس بھیجیں، ہم بدل دیں گے یا رقم واپس کریں گے۔"],
    ["contact", "رابطہ", "واٹس ایپ یا کال: 0300 1234567\nپیر سے ہفتہ، صبح 10 سے رات 8 بجے تک۔"],
  ],
};

function passwordHash(password) {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password, salt, 100_000, 32, "sha256");
  return `pbkdf2-sha256$100000$${salt.toString("base64")}$${hash.toString("base64")}`;
}

function cartesian(options) {
  const names = Object.keys(options);
  let rows = [[]];
  for (const n of names) rows = rows.flatMap((r) => options[n].map((v) => [...r, v]));
  return { names, rows };
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

export async function seed({ persistTo = ".wrangler/state", log = console.log, only = null } = {}) {
  const mf = new Miniflare({
    modules: true,
    script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
    defaultPersistRoot: path.join(persistTo, "v3"),
    d1Databases: { DB: DATABASE_ID },
    r2Buckets: { MEDIA: "hatti-media" },
  });
  try {
    const db = await mf.getD1Database("DB");
    const r2 = await mf.getR2Bucket("MEDIA");
    const one = (sql, ...params) => db.prepare(sql).bind(...params).first();

    const userIds = {};
    for (const [key, seller] of Object.entries(SELLERS)) {
      let user = await one("SELECT id FROM users WHERE phone = ?", seller.phone);
      if (!user) {
        user = await one("INSERT INTO users (name, phone, password_hash, locale) VALUES (?, ?, ?, 'en') RETURNING id", seller.name, seller.phone, passwordHash(DEMO_PASSWORD));
        log(`seed: demo seller ${seller.phone.replace("+92", "0")} / ${DEMO_PASSWORD}`);
      }
      userIds[key] = user.id;
    }

    // The shops' rows in order (their ids follow DEMO_SHOPS), then their catalogues side by side.
    const filling = [];
    for (const spec of DEMO_SHOPS.filter((s) => !only || only.includes(s.slug))) {
      if (await one("SELECT id FROM shops WHERE slug = ?", spec.slug)) {
        log(`seed: shop ${spec.slug} exists, kept as it is`);
        continue;
      }
      const shopId = await createShop(db, userIds[spec.seller], spec);
      filling.push(Promise.all([fillCatalogue(db, r2, shopId, spec), dressHome(db, r2, shopId, spec)]).then(() => log(`seed: shop ${spec.slug} created (${spec.catalogue.products.length} products)`)));
    }
    await Promise.all(filling);
  } finally {
    await mf.dispose();
  }
}

/** The shop's row, its owner, delivery zones, pages and collections; returns its id. */
async function createShop(db, userId, spec) {
  const { locale, catalogue } = spec;
  const owner = SELLERS[spec.seller].name;
  const payments = {
    cod: { enabled: true },
    jazzcash: { enabled: true, title: owner, number: "03001234567", bank: "" },
    easypaisa: { enabled: false, title: "", number: "", bank: "" },
    bank: { enabled: true, title: owner, number: "PK36MEZN0000000123456789", bank: "Meezan Bank" },
  };
  const shop = await db
    .prepare(
      `INSERT INTO shops (slug, name, theme_id, locale, whatsapp, phone, city, description, payments)
       VALUES (?, ?, ?, ?, '+923001234567', '+923001234567', 'Lahore', ?, ?) RETURNING id`,
    )
    .bind(
      spec.slug,
      spec.name,
      spec.theme,
      locale,
      catalogue.about[locale],
      JSON.stringify(payments),
    )
    .first();
  const shopId = shop.id;
  const stmts = [
    db.prepare("INSERT INTO memberships (shop_id, user_id, role) VALUES (?, ?, 'owner')").bind(shopId, userId),
    db.prepare("INSERT INTO delivery_zones (shop_id, name, fee, free_above, position) VALUES (?, ?, ?, ?, 0)").bind(shopId, locale === "ur" ? "لاہور" : "Lahore", rupees(150), rupees(3000)),
    db.prepare("INSERT INTO delivery_zones (shop_id, name, fee, free_above, position) VALUES (?, ?, ?, ?, 1)").bind(shopId, locale === "ur" ? "باقی پاکستان" : "Rest of Pakistan", rupees(250), rupees(5000)),
  ];
  PAGES[locale].forEach(([slug, title, body], i) =>
    stmts.push(db.prepare("INSERT INTO pages (shop_id, slug, title, body, position) VALUES (?, ?, ?, ?, ?)").bind(shopId, slug, title, body, i)),
  );
  catalogue.collections.forEach((c, i) =>
    stmts.push(db.prepare("INSERT INTO collections (shop_id, slug, title, position) VALUES (?, ?, ?, ?)").bind(shopId, c.slug, c[locale], i)),
  );
  await db.batch(stmts);
  return shopId;
}

/** The catalogue's products, variants, photos (in R2) and collection places. */
async function fillCatalogue(db, r2, shopId, { locale, catalogue }) {
  const base = Date.now() - catalogue.products.length * 3_600_000;
  for (const [i, p] of catalogue.products.entries()) {
    const { names: optionNames, rows } = cartesian(p.options ?? {});
    const names = locale === "ur" ? optionNames.map((n) => OPTION_NAMES_UR[n] ?? n) : optionNames;
    const price = rupees(p.price);
    const compare = p.compare ? rupees(p.compare) : null;
    const created = base + i * 3_600_000;
    const product = await db
      .prepare(
        `INSERT INTO products (shop_id, slug, title, description, status, options, price, compare_at_price, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .bind(shopId, p.slug, p[locale], `${p.d[locale === "ur" ? 1 : 0]}\n\n${catalogue.tail[locale]}`, JSON.stringify(names), price, compare, i, created, created)
      .first();
    const batch = [];
    rows.forEach((values, v) => {
      const stock = p.soldOut ? 0 : 3 + ((i * 7 + v * 5) % 13);
      batch.push(
        db
          .prepare(
            `INSERT INTO variants (shop_id, product_id, title, option1, option2, option3, sku, price, compare_at_price, stock, position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(shopId, product.id, values.length ? values.join(" / ") : "Default", values[0] ?? null, values[1] ?? null, values[2] ?? null, `${p.slug}-${v + 1}`.toUpperCase(), price, compare, stock, v),
      );
    });
    // Two photos a product: the studio shot and a closer one on a lighter backdrop.
    for (const [k, detail] of [false, true].entries()) {
      const set = await photoSet(p.art, { detail });
      const key = await store(r2, shopId, set);
      batch.push(
        db
          .prepare("INSERT INTO product_images (shop_id, product_id, key, widths, format, width, height, alt, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(shopId, product.id, key, PHOTO_WIDTHS.join(","), PHOTO_FORMAT, set.width, set.height, p[locale], k),
      );
    }
    for (const c of p.cols) {
      batch.push(
        db
          .prepare("INSERT INTO collection_products (shop_id, collection_id, product_id, position) VALUES (?, (SELECT id FROM collections WHERE shop_id = ? AND slug = ?), ?, ?)")
          .bind(shopId, shopId, c, product.id, i),
      );
    }
    await db.batch(batch);
  }
}

/** A photo set's widths into R2 under the shop's content-hashed key (src/media/urls.ts); returns the key. */
async function store(r2, shopId, set) {
  const key = `shops/${shopId}/${set.digest}`;
  const type = { httpMetadata: { contentType: `image/${PHOTO_FORMAT}` } };
  await Promise.all(PHOTO_WIDTHS.map((w, j) => r2.put(`${key}/${w}.${PHOTO_FORMAT}`, new Uint8Array(set.files[j]).buffer, type)));
  return key;
}

/** The shop's home page: its sections (scripts/lib/demo-homes.mjs) with their drawn photos stored; and its product pages' sections. */
async function dressHome(db, r2, shopId, { slug }) {
  const sections = HOMES[slug];
  if (!sections) return;
  const photos = {};
  for (const scene of scenesOf(sections)) {
    const set = await bannerSet(scene);
    photos[scene] = { key: await store(r2, shopId, set), widths: PHOTO_WIDTHS, width: set.width, height: set.height, format: PHOTO_FORMAT };
  }
  await db.prepare("UPDATE shops SET theme_settings = ? WHERE id = ?").bind(JSON.stringify({ sections: withPhotos(sections, photos), productSections: PRODUCT_PAGES[slug] ?? [] }), shopId).run();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seed({ persistTo: arg("--persist-to", ".wrangler/state") });
}
