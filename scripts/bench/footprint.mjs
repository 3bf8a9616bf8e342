// The per-shop D1 footprint (issue 18 §5) and the capacity it gives. Measured: D1 reports the
// database's size after every statement (`meta.size_after`, bytes: SQLite's pages, the figure
// D1's 10 GB limit is counted in), so each seeding statement's growth is put to the kind of row
// it writes (a shop's fixed rows, products, orders), with every index and trigger-kept row
// (search index, derived columns) it brings; and the orders the bench places through /checkout
// (items, event, customer, outbox rows: what a real order writes) are measured the same way.
// Arithmetic, not measured: shops per 10 GB database at two shop sizes, databases for a million
// shops, and writes per second per database from place_order's measured rate (one order is one
// batch; a D1 database has one writer).

/** Tables a seeding statement writes, to the kind of row they are counted under. */
const KINDS = {
  shops: "shop",
  delivery_zones: "shop",
  collections: "shop",
  pages: "shop",
  discounts: "shop",
  products: "product",
  variants: "product",
  product_images: "product",
  collection_products: "product",
  orders: "order",
  order_items: "order",
};

/** D1's limit on one database's size (bytes; 10 GB as Cloudflare counts it: 10^10). */
const DB_LIMIT = 10_000_000_000;
/** The shop sizes of the capacity table: [name, products, orders]. */
const SIZES = [
  ["typical", 50, 2_000],
  ["big", 1_000, 100_000],
];

/** The database's size now (bytes), as D1 reports it after a statement. */
export async function sizeOf(db) {
  return (await db.prepare("SELECT 1").run()).meta.size_after;
}

/**
 * Runs the seeding statements, one D1 round trip each, and answers the growth of the database
 * put to each kind of row, with the size before (the migrated, empty schema).
 */
export async function seedMeasured(db, statements) {
  const empty = await sizeOf(db);
  const bytes = { shop: 0, product: 0, order: 0 };
  let size = empty;
  for (const sql of statements) {
    const table = /\b(?:INSERT INTO|UPDATE)\s+(\w+)/.exec(sql)?.[1];
    const kind = KINDS[table];
    if (!kind) throw new Error(`footprint: no kind for a statement on ${table}`);
    const after = (await db.prepare(sql).run()).meta.size_after;
    bytes[kind] += after - size;
    size = after;
  }
  return { empty_schema_bytes: empty, seeded_bytes: bytes, total_bytes: size };
}

/**
 * The footprint and capacity from the seeding's growth, the seeded counts, and (if measured)
 * the placed orders' growth and place_order's rate.
 */
export function footprint(seeded, counts, placed, placeOrder) {
  const per = (n, d) => Math.round(n / d);
  const perShop = per(seeded.seeded_bytes.shop, counts.shops);
  const perProduct = per(seeded.seeded_bytes.product, counts.products);
  const perSeededOrder = per(seeded.seeded_bytes.order, counts.orders);
  const perOrder = placed?.orders ? per(placed.bytes, placed.orders) : perSeededOrder;
  const sizes = Object.fromEntries(
    SIZES.map(([name, products, orders]) => {
      const bytes = perShop + products * perProduct + orders * perOrder;
      const shops = Math.floor((DB_LIMIT - seeded.empty_schema_bytes) / bytes);
      return [name, { products, orders, bytes, shops_per_10gb_db: shops, dbs_for_1m_shops: Math.ceil(1_000_000 / shops) }];
    }),
  );
  const rate = placeOrder?.rps ?? null;
  return {
    measured: {
      empty_schema_bytes: seeded.empty_schema_bytes,
      per_shop_fixed_bytes: perShop,
      per_product_bytes: perProduct,
      per_seeded_order_bytes: perSeededOrder,
      per_placed_order_bytes: placed?.orders ? perOrder : null,
      placed_orders: placed?.orders ?? 0,
      place_order_rps: rate,
    },
    arithmetic: {
      db_limit_bytes: DB_LIMIT,
      order_bytes_used: placed?.orders ? "placed (through /checkout)" : "seeded (no events, customer or outbox rows)",
      sizes,
      orders_per_second_per_db: rate,
      orders_per_shop_per_day_at_typical_fill: rate ? Math.floor((rate * 86_400) / sizes.typical.shops_per_10gb_db) : null,
    },
  };
}

/** The footprint's lines for the terminal. */
export function footprintLines(f) {
  const m = f.measured;
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const lines = [
    `footprint (measured: D1's size_after): empty schema ${kb(m.empty_schema_bytes)}; per shop's fixed rows ${m.per_shop_fixed_bytes} B; per product (3 variants, 1 image, its collections and search terms) ${m.per_product_bytes} B;`,
    `  per seeded order (1 item) ${m.per_seeded_order_bytes} B; per order placed through /checkout ${m.per_placed_order_bytes ?? "-"} B (${m.placed_orders} orders)`,
    `capacity (arithmetic, 10 GB = 10^10 B, orders counted as ${f.arithmetic.order_bytes_used}):`,
  ];
  for (const [name, s] of Object.entries(f.arithmetic.sizes)) {
    lines.push(`  ${name.padEnd(8)} ${s.products} products, ${s.orders} orders: ${(s.bytes / 1024 / 1024).toFixed(1)} MB a shop, ${s.shops_per_10gb_db} shops a database, ${s.dbs_for_1m_shops} databases for 1,000,000 shops`);
  }
  if (m.place_order_rps) lines.push(`  writes: ${m.place_order_rps} orders/s a database (place_order here, one batch an order), ${f.arithmetic.orders_per_shop_per_day_at_typical_fill} orders a day for each shop of a full database of typical shops`);
  return lines;
}
