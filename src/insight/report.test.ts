/**
 * The dashboard's 30 days on a realistic shop: numbers checked against the same data summed
 * here in the test; the window's edges on a controlled clock; every number in one D1 round
 * trip; the page in English and in Urdu (right to left); and at 100,000 orders, the query
 * plans (the (shop_id, created_at) index, no scan) and the rows D1 reads (the window's, not
 * the shop's whole history).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dashboardData } from "../admin/stats";
import { createDb } from "../db/client";
import { formatMoney } from "../i18n";
import { DAY_MS, karachiDate, karachiDayIndex, PKT_OFFSET_MS } from "../orders/dates";
import { ordersByDay, ordersByDayValues } from "../orders/stats";
import { ROOT, sellerWithShop } from "../../test/helpers";
import { seedProduct } from "../../test/checkout-fixtures";
import { REPORT_DAYS, TOP_PRODUCTS, topByRevenue, topByUnits } from "./report";
import { SOURCES, type Source } from "./sources";
import { visitsSince, addVisits } from "./visits";

const TITLES = [
  "Handmade embroidered chiffon kurta with dupatta for weddings",
  "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے",
  "Printed lawn three-piece suit, summer collection",
  "Glass bangles, set of two dozen, assorted colours",
  "Hand-stitched Multani khussa with mirror work",
  "کاٹن کا بلاک پرنٹ دوپٹہ",
  "Kashmiri pashmina shawl with tilla embroidery",
  "Silver-plated jhumka earrings with pearls",
  "Block-print cotton scarf, indigo",
  "Beaded clutch for evening wear",
  "Organza dupatta with lace border",
  "Khaddar winter shawl, plain",
  "Mehndi cones, pack of twelve",
  "Chunri print silk suit, unstitched",
  "Embroidered cushion covers, set of five",
  "Hand-painted clay diya, set of six",
  "Rilli patchwork quilt from Sindh",
  "Phulkari dupatta from Punjab, hand embroidered",
  "Kids' embroidered kurta pajama",
  "ہاتھ سے بنی ہوئی موتیوں والی پازیب",
];
const STATUSES = ["new", "confirmed", "packed", "shipped", "delivered", "cancelled", "returned"] as const;

/** A seeded pseudo-random sequence: the same shop every run. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
}

interface Line {
  productId: number;
  title: string;
  price: number;
  quantity: number;
}
interface SeedOrder {
  createdAt: number;
  status: (typeof STATUSES)[number];
  lines: Line[];
  total: number;
}

/** A shop with 20 products, about four orders a day over 40 days (some cancelled or returned), and visits over 35 days. */
async function thirtyDayShop(now: number) {
  const seller = await sellerWithShop();
  const shopId = seller.shopId;
  const catalogue: { id: number; title: string; price: number }[] = [];
  for (const [i, title] of TITLES.entries()) {
    const [v] = await seedProduct(shopId, { title, variants: [{ title: "Default", price: (i % 5 === 0 ? 45_000 : 250_000) + i * 10_000, stock: 10_000 }] });
    catalogue.push({ id: v!.productId, title, price: v!.price });
  }
  const rnd = random(shopId * 7919);
  const today = karachiDayIndex(now);
  const orders: SeedOrder[] = [];
  for (let d = 39; d >= 0; d--) {
    const perDay = 2 + Math.floor(rnd() * 5);
    for (let k = 0; k < perDay; k++) {
      const dayStart = (today - d) * DAY_MS - PKT_OFFSET_MS;
      const createdAt = Math.min(now, dayStart + Math.floor(rnd() * DAY_MS));
      const lines: Line[] = [];
      const n = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < n; j++) {
        // Cheap products sell more units; the first product is the bestseller by units.
        const p = catalogue[rnd() < 0.3 ? 0 : Math.floor(rnd() * catalogue.length)]!;
        if (lines.some((l) => l.productId === p.id)) continue;
        lines.push({ productId: p.id, title: p.title, price: p.price, quantity: p.price < 100_000 ? 3 + Math.floor(rnd() * 4) : 1 });
      }
      const subtotal = lines.reduce((s, l) => s + l.price * l.quantity, 0);
      orders.push({ createdAt, status: STATUSES[Math.floor(rnd() * STATUSES.length)]!, lines, total: subtotal + 25_000 });
    }
  }
  // The window's edges: its first instant (in), a millisecond before (out).
  const first = (today - (REPORT_DAYS - 1)) * DAY_MS - PKT_OFFSET_MS;
  const edge = (createdAt: number): SeedOrder => ({ createdAt, status: "delivered", lines: [{ ...lineOf(catalogue[7]!), quantity: 1 }], total: catalogue[7]!.price + 25_000 });
  orders.push(edge(first), edge(first - 1));

  const stmts: D1PreparedStatement[] = [];
  orders.forEach((o, i) => {
    const token = `tok-${shopId}-${i}`;
    stmts.push(
      env.DB.prepare(
        `INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone, city, address, subtotal, delivery_fee, total, currency, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'cod', 'زینب بی بی', '+923001234567', 'Lahore', 'House 12, Street 4, Gulberg III', ?, 25000, ?, 'PKR', ?, ?)`,
      ).bind(shopId, 1001 + i, token, `idem-${token}`, o.status, o.total - 25_000, o.total, o.createdAt, o.createdAt),
    );
    for (const l of o.lines) {
      stmts.push(
        env.DB.prepare(
          "INSERT INTO order_items (shop_id, order_id, product_id, title, price, quantity) SELECT ?, id, ?, ?, ?, ? FROM orders WHERE shop_id = ? AND token = ?",
        ).bind(shopId, l.productId, l.title, l.price, l.quantity, shopId, token),
      );
    }
  });
  for (let i = 0; i < stmts.length; i += 200) await env.DB.batch(stmts.slice(i, i + 200));

  const visits: { day: string; source: Source; n: number }[] = [];
  for (let d = 34; d >= 0; d--) {
    const day = karachiDate(now - d * DAY_MS);
    for (const [i, source] of SOURCES.entries()) {
      const n = Math.floor(rnd() * (60 - i * 9));
      if (n > 0) visits.push({ day, source, n });
    }
  }
  await addVisits(createDb(env.DB), visits.map((v) => ({ shopId, ...v })));
  return { seller, shopId, orders, visits, first };
}

const lineOf = (p: { id: number; title: string; price: number }): Line => ({ productId: p.id, title: p.title, price: p.price, quantity: 1 });

/** The report summed here, from the seeded rows, the way a seller would count. */
function expected(seed: Awaited<ReturnType<typeof thirtyDayShop>>, now: number) {
  const sales = seed.orders.filter((o) => o.createdAt >= seed.first && o.createdAt <= now && o.status !== "cancelled" && o.status !== "returned");
  const firstDay = karachiDate(seed.first);
  const visits = seed.visits.filter((v) => v.day >= firstDay);
  const products = new Map<number, { productId: number; title: string; units: number; revenue: number }>();
  for (const o of sales)
    for (const l of o.lines) {
      const p = products.get(l.productId) ?? { productId: l.productId, title: l.title, units: 0, revenue: 0 };
      p.units += l.quantity;
      p.revenue += l.price * l.quantity;
      products.set(l.productId, p);
    }
  const list = [...products.values()];
  const bySource = new Map<Source, number>();
  for (const v of visits) bySource.set(v.source, (bySource.get(v.source) ?? 0) + v.n);
  const orders = sales.length;
  const revenue = sales.reduce((s, o) => s + o.total, 0);
  const visitCount = visits.reduce((s, v) => s + v.n, 0);
  return {
    visits: visitCount,
    orders,
    revenue,
    conversion: orders / visitCount,
    averageOrder: Math.round(revenue / orders),
    sources: [...bySource].map(([source, n]) => ({ source, n })).sort((a, b) => b.n - a.n || SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source)),
    topByUnits: [...list].sort((a, b) => b.units - a.units || b.revenue - a.revenue || a.productId - b.productId).slice(0, TOP_PRODUCTS),
    topByRevenue: [...list].sort((a, b) => b.revenue - a.revenue || b.units - a.units || a.productId - b.productId).slice(0, TOP_PRODUCTS),
  };
}

describe("the 30-day report", () => {
  it("adds up on a realistic shop, its window's edges included", async () => {
    const now = Date.now();
    const seed = await thirtyDayShop(now);
    const data = await dashboardData(createDb(env.DB), seed.shopId, now);
    const want = expected(seed, now);
    const { insight } = data;
    expect(insight.orders).toBe(want.orders);
    expect(insight.revenue).toBe(want.revenue);
    expect(insight.visits).toBe(want.visits);
    expect(insight.conversion).toBeCloseTo(want.conversion, 12);
    expect(insight.averageOrder).toBe(want.averageOrder);
    expect(insight.sources).toEqual(want.sources);
    expect(insight.topByUnits).toEqual(want.topByUnits);
    expect(insight.topByRevenue).toEqual(want.topByRevenue);
    expect(insight.topByUnits[0]!.title).toBe(TITLES[0]);
    expect(insight.topByRevenue).not.toEqual(insight.topByUnits);
    expect(insight.visitsByDay).toHaveLength(30);
    expect(insight.visitsByDay.reduce((s, n) => s + n, 0)).toBe(want.visits);
    // The chart's days and the report agree.
    expect(data.stats.days.reduce((s, d) => s + d.orders, 0)).toBe(want.orders);
    expect(data.productCount).toBe(20);
  });

  it("says 'not yet' with no visits or orders, never a division by zero", async () => {
    const { shopId } = await sellerWithShop();
    const { insight } = await dashboardData(createDb(env.DB), shopId);
    expect(insight).toMatchObject({ visits: 0, orders: 0, revenue: 0, conversion: null, averageOrder: null, sources: [], topByUnits: [], topByRevenue: [] });
  });

  it("is on the dashboard in one D1 round trip, in English and in Urdu (right to left)", async () => {
    const now = Date.now();
    const seed = await thirtyDayShop(now);
    const want = expected(seed, now);
    const c = seed.seller.client;
    await c.get(`${ROOT}/admin/${seed.seller.slug}`); // the session's shop is recorded on a first visit
    const en = await c.get(`${ROOT}/admin/${seed.seller.slug}`);
    expect(en.status).toBe(200);
    // The session, the membership (with the shop and the badge) and every number: ONE batch.
    expect(en.headers.get("server-timing")).toContain("d1q;dur=1,");
    expect(en.text).toContain("Last 30 days");
    expect(en.text).toContain(`<b>${want.visits}</b>`);
    expect(en.text).toContain(`${want.orders} orders from ${want.visits} visits`);
    expect(en.text).toContain(formatMoney(want.averageOrder, "PKR", "en"));
    expect(en.text).toContain("Where visitors came from");
    expect(en.text).toContain("WhatsApp");
    expect(en.text).toContain("Best sellers by units");
    expect(en.text).toContain(TITLES[0]);
    // The chart: the sales bars as before, the visits line, and both in its text.
    expect((en.text.match(/<rect /g) ?? []).length).toBe(30);
    expect(en.text).toContain("<polyline ");
    expect(en.text).toContain(`The line shows visits a day: ${want.visits} in all`);

    expect((await c.post(`${ROOT}/admin/account/language`, { locale: "ur" })).status).toBe(200);
    const ur = await c.get(`${ROOT}/admin/${seed.seller.slug}`);
    expect(ur.text).toMatch(/<html lang="ur" dir="rtl"/);
    expect(ur.text).toContain("پچھلے 30 دن");
    expect(ur.text).toContain("گاہک کہاں سے آئے");
    expect(ur.text).toContain("واٹس ایپ");
    expect(ur.text).toContain("تعداد کے لحاظ سے سب سے زیادہ بکنے والی چیزیں");
    expect(ur.text).toContain(`${want.visits} وزٹ سے ${want.orders} آرڈرز`);
    expect(ur.text).toContain(formatMoney(want.revenue, "PKR", "ur"));
    expect(ur.text).toContain("لکیر روزانہ کے وزٹ دکھاتی ہے");
    expect(ur.text).not.toContain("Where visitors came from");
  });
});

const N = 100_000;

/** 100,000 orders of one item each, one every ten minutes back in time (about 694 days). */
async function seedHistory(shopId: number, productId: number, now: number) {
  await env.DB.prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${N})
     INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone,
       city, address, subtotal, total, currency, created_at, updated_at)
     SELECT ?1, 1000 + n, 'big-' || ?1 || '-' || n, 'idem-' || n,
       CASE n % 7 WHEN 0 THEN 'cancelled' ELSE 'delivered' END,
       'cod', 'Customer ' || n, '+92300' || printf('%07d', n), 'Lahore', 'House ' || n, 250000, 275000, 'PKR',
       ?2 - (n - 1) * 600000, ?2
     FROM seq`,
  )
    .bind(shopId, now)
    .run();
  await env.DB.prepare(
    `INSERT INTO order_items (shop_id, order_id, product_id, title, price, quantity)
     SELECT shop_id, id, ?2, 'Handmade embroidered chiffon kurta with dupatta for weddings', 250000, 1 FROM orders WHERE shop_id = ?1`,
  )
    .bind(shopId, productId)
    .run();
}

describe("at 100,000 orders", () => {
  it("reads the window through the (shop_id, created_at) index, never the whole history", async () => {
    const now = Date.now();
    const { shopId } = await sellerWithShop();
    const [v] = await seedProduct(shopId, { title: TITLES[0] });
    await seedHistory(shopId, v!.productId, now);
    const first = (karachiDayIndex(now) - (REPORT_DAYS - 1)) * DAY_MS - PKT_OFFSET_MS;
    const window = { shopId, from: first };
    const queries = {
      ordersByDay: ordersByDay.bind(ordersByDayValues(shopId, now)),
      topByUnits: topByUnits.bind(window),
      topByRevenue: topByRevenue.bind(window),
      visits: visitsSince.bind({ shopId, from: karachiDate(first) }),
    };
    const inWindow = (await env.DB.prepare("SELECT count(*) AS n FROM orders WHERE shop_id = ? AND created_at >= ?").bind(shopId, first).first<{ n: number }>())!.n;
    expect(inWindow).toBeGreaterThan(3_000);
    expect(inWindow).toBeLessThan(N / 10);

    for (const [name, q] of Object.entries(queries)) {
      const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).bind(...q.params).all<{ detail: string }>()).results.map((r) => r.detail).join(" | ");
      expect(plan, name).not.toMatch(/\bSCAN\b/);
      if (name === "visits") expect(plan, name).toMatch(/SEARCH shop_visits USING (INDEX sqlite_autoindex_shop_visits_1|PRIMARY KEY) \(shop_id=\? AND day>\?\)/);
      else expect(plan, name).toContain("USING INDEX orders_shop_created_idx (shop_id=? AND created_at>?)");
      if (name.startsWith("top")) expect(plan, name).toContain("USING INDEX order_items_shop_order_idx (shop_id=? AND order_id=?)");

      // The rows D1 reads grow with the window's orders (each order, its item, the sorter's
      // rows), not with the 100,000: a scan of the history alone reads 100,000.
      const { meta } = await env.DB.prepare(q.sql).bind(...q.params).all();
      expect(meta.rows_read, name).toBeLessThan(inWindow * 4);
      expect(meta.rows_read, name).toBeLessThan(N / 5);
    }

    const { insight } = await dashboardData(createDb(env.DB), shopId, now);
    const sold = (await env.DB.prepare("SELECT count(*) AS n FROM orders WHERE shop_id = ? AND created_at >= ? AND status <> 'cancelled'").bind(shopId, first).first<{ n: number }>())!.n;
    expect(insight.orders).toBe(sold);
    expect(insight.revenue).toBe(sold * 275_000);
    expect(insight.topByUnits).toEqual([{ productId: v!.productId, title: TITLES[0], units: sold, revenue: sold * 250_000 }]);
  });
});
