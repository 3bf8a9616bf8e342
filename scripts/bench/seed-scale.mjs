// Seeds the benchmark database at scale with a few INSERT ... SELECT statements over recursive
// CTEs (SQLite generates the rows itself, so 100,000 orders take seconds, not minutes):
// 1,000 shops; shop "big" with 10,000 products and 100,000 orders; the others 50 products each.
import { createHash, randomBytes } from "node:crypto";

export const BIG = "big";
export const RACE_SKU = "RACE-1";
/** A variant with stock to spare, for warming the checkout up before the race. */
export const WARM_SKU = "WARM-1";
/** The big shop's discount code (place_order_discount). */
export const DISCOUNT_CODE = "BENCH10";

const WORDS = ["Lawn", "Chiffon", "Cotton", "Silk", "Khaddar", "Linen", "Velvet", "Organza"];
const ITEMS = ["suit", "kurta", "dupatta", "shawl", "frock", "trousers", "scarf", "abaya"];
const COLOURS = ["rose", "mint", "ivory", "black", "maroon", "teal", "mustard", "navy"];
const pick = (list, expr) => `(CASE ${expr} ${list.map((w, i) => `WHEN ${i} THEN '${w}'`).join(" ")} END)`;

/** Statements in order; each is one D1 round trip from the bench process (not measured). */
export function scaleSeedSql({ shops = 1000, bigProducts = 10000, smallProducts = 50, orders = 100000, raceStock = 2000 } = {}) {
  const seq = (n) => `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n})`;
  const t0 = 1_750_000_000_000;
  const hash = createHash("sha256").update("bench photo").digest("hex");
  return [
    `${seq(shops)} INSERT INTO shops (slug, name, theme_id, locale, whatsapp, city, payments, order_seq)
      SELECT CASE n WHEN 1 THEN '${BIG}' ELSE printf('shop%04d', n) END, printf('Bench Shop %d', n),
             ${pick(["classic", "bazaar", "minimal"], "n % 3")}, 'en', '+923001234567', 'Lahore',
             '{"cod":{"enabled":true}}', CASE n WHEN 1 THEN ${1000 + orders} ELSE 1000 END FROM seq`,
    `INSERT INTO delivery_zones (shop_id, name, fee, free_above) SELECT id, 'All of Pakistan', 25000, 500000 FROM shops`,
    `INSERT INTO collections (shop_id, slug, title, position) SELECT id, 'everything', 'Everything', 0 FROM shops`,
    `INSERT INTO collections (shop_id, slug, title, position) SELECT id, 'new-in', 'New in', 1 FROM shops`,
    `${seq(bigProducts)} INSERT INTO products (shop_id, slug, title, description, status, tags, options, price, compare_at_price, position, created_at, updated_at)
      SELECT s.id, printf('product-%d', n),
             ${pick(WORDS, "n % 8")} || ' ' || ${pick(ITEMS, "(n / 8) % 8")} || ' ' || n,
             'Hand-finished ' || ${pick(COLOURS, "n % 8")} || ' piece, stitched at home in Lahore. Cash on delivery across Pakistan.',
             'active', ${pick(COLOURS, "(n / 3) % 8")} || ' summer', '["Size"]',
             (900 + (n * 37) % 9000) * 100, CASE WHEN n % 5 = 0 THEN (1200 + (n * 37) % 9000) * 100 END,
             n, ${t0} + n * 60000, ${t0} + n * 60000
      FROM shops s, seq WHERE s.slug = '${BIG}' OR n <= ${smallProducts}`,
    `INSERT INTO variants (shop_id, product_id, title, option1, sku, price, compare_at_price, stock, position)
      SELECT p.shop_id, p.id, sz.v, sz.v, NULL, p.price, p.compare_at_price, 50, sz.i
      FROM products p, (SELECT 'S' AS v, 0 AS i UNION ALL SELECT 'M', 1 UNION ALL SELECT 'L', 2) sz`,
    `UPDATE variants SET sku = '${RACE_SKU}', stock = ${raceStock}
      WHERE id = (SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id JOIN shops s ON s.id = p.shop_id
                  WHERE s.slug = '${BIG}' AND p.slug = 'product-1' AND v.title = 'M')`,
    `UPDATE variants SET sku = '${WARM_SKU}', stock = 1000000
      WHERE id = (SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id JOIN shops s ON s.id = p.shop_id
                  WHERE s.slug = '${BIG}' AND p.slug = 'product-2' AND v.title = 'M')`,
    `INSERT INTO product_images (shop_id, product_id, key, widths, format, width, height, alt, position)
      SELECT shop_id, id, 'shops/' || shop_id || '/${hash}', '320,640,1280', 'webp', 1280, 1600, title, 0 FROM products`,
    `INSERT INTO collection_products (shop_id, collection_id, product_id, position)
      SELECT p.shop_id, c.id, p.id, p.position FROM products p JOIN collections c ON c.shop_id = p.shop_id AND c.slug = 'everything'
      WHERE p.position <= 5000`,
    `INSERT INTO collection_products (shop_id, collection_id, product_id, position)
      SELECT p.shop_id, c.id, p.id, p.position FROM products p JOIN collections c ON c.shop_id = p.shop_id AND c.slug = 'new-in'
      WHERE p.position % 10 = 0`,
    `INSERT INTO pages (shop_id, slug, title, body) SELECT id, 'about', 'About us', 'A family business from Lahore.' FROM shops`,
    // The code place_order_discount orders with: 10% off, no limit on uses (each is counted).
    `INSERT INTO discounts (shop_id, code, title, kind, value) SELECT id, '${DISCOUNT_CODE}', 'Bench sale', 'percent', 10 FROM shops WHERE slug = '${BIG}'`,
    `${seq(orders)} INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone, city, address, subtotal, delivery_fee, total, currency, created_at, updated_at)
      SELECT s.id, 1000 + n, printf('benchtoken%012d', n), printf('benchkey%012d', n),
             ${pick(["new", "confirmed", "packed", "shipped", "delivered", "delivered", "delivered", "cancelled"], "n % 8")},
             'cod', 'Customer ' || n, printf('+92300%07d', n), 'Lahore', 'House ' || n || ', Street 5, Model Town',
             450000, 25000, 475000, 'PKR', ${t0} + n * 20000, ${t0} + n * 20000
      FROM shops s, seq WHERE s.slug = '${BIG}'`,
    `INSERT INTO order_items (shop_id, order_id, product_id, variant_id, title, variant_title, sku, price, quantity)
      SELECT o.shop_id, o.id, NULL, NULL, 'Lawn suit', 'M', '', 450000, 1 FROM orders o`,
  ];
}

/** A seller who owns shop "big", with a session whose token the bench sends as its cookie. */
export function sellerSql() {
  const token = randomBytes(32).toString("base64url");
  const sid = createHash("sha256").update(token).digest("hex");
  const statements = [
    `INSERT INTO users (name, phone, password_hash) VALUES ('Bench Seller', '+923009999999', 'pbkdf2-sha256$100000$AAAA$AAAA')`,
    `INSERT INTO memberships (shop_id, user_id, role) SELECT s.id, u.id, 'owner' FROM shops s, users u WHERE s.slug = '${BIG}' AND u.phone = '+923009999999'`,
    `INSERT INTO sessions (id, user_id, shop_id, expires_at) SELECT '${sid}', u.id, s.id, ${Date.now() + 86_400_000} FROM users u, shops s WHERE u.phone = '+923009999999' AND s.slug = '${BIG}'`,
  ];
  return { token, statements };
}

/**
 * The headers the profiling tools (profile.mjs, ab.mjs) send for a route: /healthz... and
 * /admin/... on the platform's host `root`, the admin as the bench's seller (her session `token`
 * and the CSRF cookie every admin page set on her first visit); anything else on the big shop's.
 */
export function routeHeaders(route, root, token) {
  const onRoot = route.startsWith("/healthz") || route.startsWith("/admin");
  return { host: onRoot ? root : `${BIG}.${root}`, ...(route.startsWith("/admin") ? { cookie: `hatti_sid=${token}; hatti_csrf=${"b".repeat(32)}` } : {}) };
}

/**
 * The shards row's shops (scripts/bench/shards.mjs): two in the directory's database (DB, shard 0)
 * and one in SHARD_1, each the same small shop: its zone, one product, one variant with stock to
 * spare (PAIR_STOCK). Seeded when the row runs, after the others: the rows before it see the
 * 1,000 shops they always did.
 */
export const PAIR = { db1: "pair-db-1", db2: "pair-db-2", shard1: "pair-shard-1" };
export const PAIR_STOCK = 10_000_000;
export const PAIR_SKU = "PAIR-1";

/** A shop of shard 1's directory row (src/platform/shops.ts createShop): slug, name and shard; its full row is in the shard. */
export const directoryRowSql = (slug) => `INSERT INTO shops (slug, name, shard) VALUES ('${slug}', 'Bench Pair ${slug}', 1) RETURNING id`;

/** A pair shop's full row (under the directory's `id` when it is in a shard), zone, product and variant, in the database that holds it. */
export function pairShopSql(slug, { id = null, shard = 0 } = {}) {
  const shop = `(SELECT id FROM shops WHERE slug = '${slug}')`;
  return [
    `INSERT INTO shops (${id === null ? "" : "id, "}slug, name, theme_id, locale, whatsapp, city, payments, shard)
      VALUES (${id === null ? "" : `${id}, `}'${slug}', 'Bench Pair ${slug}', 'classic', 'en', '+923001234567', 'Lahore', '{"cod":{"enabled":true}}', ${shard})`,
    `INSERT INTO delivery_zones (shop_id, name, fee, free_above) VALUES (${shop}, 'All of Pakistan', 25000, 500000)`,
    `INSERT INTO products (shop_id, slug, title, description, status, options, price, position)
      VALUES (${shop}, 'lawn-suit', 'Embroidered lawn suit', 'Hand-finished at home in Lahore.', 'active', '["Size"]', 450000, 1)`,
    `INSERT INTO variants (shop_id, product_id, title, option1, sku, price, stock, position)
      SELECT p.shop_id, p.id, 'M', 'M', '${PAIR_SKU}', p.price, ${PAIR_STOCK}, 0 FROM products p WHERE p.shop_id = ${shop}`,
  ];
}
