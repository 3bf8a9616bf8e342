import { createDb } from "../db/client";
import type { ShopRef } from "../db/page-read";
import { sessionShopSql } from "../auth/session";
import { lateCutoffSql } from "./confirmation";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../i18n";
import { karachiDate } from "./dates";
import { listQuery, PAGE_SIZE } from "./list";
import { dashboardStats } from "./stats";
import { ROOT, shopD1, shopDb } from "../../test/helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";

const N = 100_000;

/** 100,000 orders for one shop, straight into D1 (statuses cycle, one a minute back in time). */
async function seedOrders(shopId: number) {
  const now = Date.now();
  await (await shopD1(shopId)).prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${N})
     INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone,
       city, address, subtotal, total, currency, created_at, updated_at)
     SELECT ?1, 1000 + n, 'tok-' || ?1 || '-' || n, 'idem-' || n,
       CASE n % 5 WHEN 0 THEN 'new' WHEN 1 THEN 'confirmed' WHEN 2 THEN 'shipped' WHEN 3 THEN 'delivered' ELSE 'cancelled' END,
       'cod', 'Customer ' || n, '+92300' || printf('%07d', n), 'Lahore', 'House ' || n, 100000, 125000, 'PKR',
       ?2 - (${N} - n) * 60000, ?2
     FROM seq`,
  )
    .bind(shopId, now)
    .run();
}

/** The plan of the list's query in the database that holds the shop (`shard`: its id or slug). */
async function plan(shard: number | string, shopId: ShopRef, query: Parameters<typeof listQuery>[2]): Promise<string> {
  const d1 = await shopD1(shard);
  const { sql, params } = listQuery(createDb(d1), shopId, query).toSQL();
  const rows = await d1.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail).join(" | ");
}

const numbers = (html: string) => [...html.matchAll(/<span class="num">#(\d+)<\/span>/g)].map((m) => Number(m[1]));

describe("order list at 100,000 orders", () => {
  it("pages by keyset, filters, searches and uses an index for each", async () => {
    const { seller } = await shopWithCatalogue();
    await seedOrders(seller.shopId);
    const base = `${ROOT}/admin/${seller.slug}/orders`;

    const first = await seller.client.get(base);
    expect(first.status).toBe(200);
    expect(numbers(first.text)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => 1000 + N - i));
    expect(first.text).toContain(`All <span>${N}</span>`);
    expect(first.text).toContain(`New <span>${N / 5}</span>`);
    // Round trips: ONE batch of the session, the membership (with the shop and the new-orders
    // badge), the page and the counts (src/admin/page.ts); the first visit also records the
    // session's shop, and the next is one round trip.
    expect(first.headers.get("server-timing")).toContain("d1q;dur=2,");
    expect((await seller.client.get(base)).headers.get("server-timing")).toContain("d1q;dur=1,");

    // Deep pages cost what the first does: follow the cursor far back.
    const next = /href="([^"]+before=(\d+))" rel="next"/.exec(first.text)!;
    const second = await seller.client.get(ROOT + next[1]!.replace(/&amp;/g, "&"));
    expect(numbers(second.text)[0]).toBe(1000 + N - PAGE_SIZE);
    expect(second.headers.get("server-timing")).toContain("d1q;dur=1,");
    const minId = (await (await shopD1(seller.shopId)).prepare("SELECT min(id) AS id FROM orders WHERE shop_id = ?").bind(seller.shopId).first<{ id: number }>())!.id;
    const deep = await seller.client.get(`${base}?before=${minId + 3}`);
    expect(numbers(deep.text)).toEqual([1003, 1002, 1001]);
    expect(deep.text).not.toContain('rel="next"');

    const news = await seller.client.get(`${base}?status=new`);
    expect(numbers(news.text).every((n) => (n - 1000) % 5 === 0)).toBe(true);
    expect(numbers(news.text)).toHaveLength(PAGE_SIZE);

    expect(numbers((await seller.client.get(`${base}?q=%2312345`)).text)).toEqual([12345]);
    expect(numbers((await seller.client.get(`${base}?q=0300-0054321`)).text)).toEqual([1000 + 54321]);
    expect(numbers((await seller.client.get(`${base}?q=Customer+99999`)).text)).toEqual([1000 + 99999]);
    expect((await seller.client.get(`${base}?q=%25_%25`)).text).toContain("No orders match.");
    // Junk in the query string is ignored, never a 500.
    expect((await seller.client.get(`${base}?status=bogus&before=abc&q=${"x".repeat(500)}`)).status).toBe(200);

    // "Not confirmed": every 7th order was a COD order asked to confirm; those still new (every 5th)
    // and placed 24 hours ago or more (one a minute: n <= N - 1440) are flagged, newest first.
    await (await shopD1(seller.shopId)).prepare("UPDATE orders SET confirmation = 'awaiting' WHERE shop_id = ? AND (number - 1000) % 7 = 0").bind(seller.shopId).run();
    const late = await seller.client.get(`${base}?late=1`);
    expect(numbers(late.text)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => 1000 + N - 1440 - 35 * i));
    expect(late.headers.get("server-timing")).toContain("d1q;dur=1,");
    const lateNext = /href="([^"]+before=(\d+))" rel="next"/.exec(late.text)!;
    expect(lateNext[1]).toContain("late=1");
    expect(numbers((await seller.client.get(ROOT + lateNext[1]!.replace(/&amp;/g, "&"))).text)[0]).toBe(1000 + N - 1440 - 35 * PAGE_SIZE);
    const cutoff = Date.now() - 24 * 3_600_000;
    for (const q of [{ lateBefore: cutoff }, { lateBefore: cutoff, before: minId + 50_000 }]) {
      const p = await plan(seller.shopId, seller.shopId, q);
      expect(p).toMatch(/USING INDEX orders_shop_awaiting_idx/);
      expect(p).not.toContain("TEMP B-TREE");
    }

    const id = await plan(seller.shopId, seller.shopId, { before: minId + 50_000 });
    expect(id).toMatch(/USING (COVERING )?INDEX orders_shop_id_idx|USING INTEGER PRIMARY KEY/);
    const st = await plan(seller.shopId, seller.shopId, { status: "new", before: minId + 50_000 });
    expect(st).toMatch(/USING INDEX orders_shop_status_idx/);
    expect(await plan(seller.shopId, seller.shopId, { q: "03000054321" })).toMatch(/USING INDEX orders_shop_phone_idx/);
    expect(await plan(seller.shopId, seller.shopId, { q: "#12345" })).toMatch(/USING INDEX orders_shop_number_uq/);
    for (const p of [id, st]) expect(p).not.toContain("TEMP B-TREE");

    // The admin's batch names the shop by the SQL of the session's shop (src/admin/page.ts), and
    // the "not confirmed" cutoff by the shop's hours read in SQL: the same indexes, no sort.
    const bySession = sessionShopSql("0".repeat(64), seller.slug, Date.now());
    const plans = {
      id: await plan(seller.shopId, bySession, { before: minId + 50_000 }),
      status: await plan(seller.shopId, bySession, { status: "new", before: minId + 50_000 }),
      late: await plan(seller.shopId, bySession, { lateBefore: lateCutoffSql(bySession, Date.now()) }),
    };
    expect(plans.id).toMatch(/USING (COVERING )?INDEX orders_shop_id_idx|USING INTEGER PRIMARY KEY/);
    expect(plans.status).toMatch(/USING INDEX orders_shop_status_idx/);
    expect(plans.late).toMatch(/USING INDEX orders_shop_awaiting_idx/);
    for (const p of Object.values(plans)) expect(p).not.toContain("TEMP B-TREE");
  });
});

describe("CSV export", () => {
  it("streams past its first chunk: 1,200 orders with their lines and codes, the first chunk read with the session check (one round trip before the file)", async () => {
    const { seller } = await shopWithCatalogue();
    const now = Date.now();
    const title = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";
    const d1 = await shopD1(seller.shopId);
    await d1.prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 1200)
       INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone, city, address, subtotal, total, currency, created_at, updated_at)
       SELECT ?1, n, 'tok-' || ?1 || '-' || n, 'idem-' || ?1 || '-' || n, 'new', 'cod', 'Ayesha Siddiqui', '+92300' || printf('%07d', n), 'Lahore', 'House ' || n || ' Gulberg III', 520000, 520000, 'PKR', ?2, ?2 FROM seq`,
    )
      .bind(seller.shopId, now)
      .run();
    await d1.prepare("INSERT INTO order_items (shop_id, order_id, title, price, quantity) SELECT shop_id, id, ?2 || ' #' || number, 520000, 1 FROM orders WHERE shop_id = ?1").bind(seller.shopId, title).run();
    await d1.prepare(
      "INSERT INTO order_discounts (shop_id, order_id, discount_id, code, kind, amount, phone) SELECT shop_id, id, 1, 'EID' || number, 'amount', 10000, customer_phone FROM orders WHERE shop_id = ?1 AND number % 100 = 0",
    )
      .bind(seller.shopId)
      .run();
    await seller.client.get(`${ROOT}/admin/${seller.slug}`); // the session's shop recorded
    const today = karachiDate(now);
    const res = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/export?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    expect(Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1])).toBe(1);
    const rows = res.text.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(1200);
    expect(rows.map((r) => Number(r.split(",")[0]))).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    // An order of the second chunk keeps its line and its code; its neighbour took none.
    expect(rows[1099]).toContain(`1 x ${title} #1100`);
    expect(rows[1099]).toContain(",EID1100,");
    expect(rows[1100]).toContain(`1 x ${title} #1101`);
    expect(rows[1100]).not.toContain("EID");
    expect(rows.filter((r) => r.includes(",EID"))).toHaveLength(12);
  });

  it("exports a Karachi date range and neutralises formulas", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    const evil = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]], { name: '=HYPERLINK("http://x","y")', address: "@SUM(A1)\nline 2", note: "-2+3", city: "+Lahore" });
    const old = await placeOrderAt(origin, zone.id, [[dupatta.id, 2]], { name: "Old Order" });
    await (await shopD1(seller.shopId)).prepare("UPDATE orders SET created_at = created_at - 40 * 86400000 WHERE shop_id = ? AND id = ?").bind(seller.shopId, old.id).run();
    const today = karachiDate(Date.now());
    const res = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/export?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`attachment; filename="orders-${seller.slug}-${today}-${today}.csv"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const lines = res.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Order,Date,Status,Customer,Phone,City,Address,Delivery zone,Items,Subtotal,Discount,Discount codes,Delivery,Total,Currency,Payment,Payment status,Transaction ID,Courier,Tracking,Customer note");
    expect(res.text).toContain(`${evil.number},`);
    expect(res.text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(res.text).toContain(`"'@SUM(A1)\nline 2"`);
    expect(res.text).toContain(",'-2+3");
    expect(res.text).toContain(",'+Lahore,");
    expect(res.text).toContain("1 x Chiffon Dupatta");
    expect(res.text).not.toContain("Old Order");

    const wide = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/export?from=${karachiDate(Date.now() - 60 * 86400000)}&to=${today}`);
    expect(wide.text).toContain("Old Order");

    const bad = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/export?from=2026-02-30&to=${today}`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Pick a date.");
    const backwards = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders/export?from=${today}&to=2020-01-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain("The end date must be on or after the start date, within a year.");
  });
});

describe("dashboard", () => {
  it("shows today's and this month's orders and sales, and a 30-day SVG chart", async () => {
    const { seller, kurta, dupatta, zone, origin } = await shopWithCatalogue();
    const a = await placeOrderAt(origin, zone.id, [[kurta[0]!.id, 1]]);
    const b = await placeOrderAt(origin, zone.id, [[dupatta.id, 1]]);
    const c = await placeOrderAt(origin, zone.id, [[dupatta.id, 2]]);
    await seller.client.post(`${ROOT}/admin/${seller.slug}/orders/${c.id}/status`, { from: "new", to: "cancelled" });
    await (await shopD1(seller.shopId)).prepare("UPDATE orders SET created_at = created_at - 45 * 86400000 WHERE shop_id = ? AND id = ?").bind(seller.shopId, b.id).run();
    const totals = await (await shopD1(seller.shopId)).prepare("SELECT id, total FROM orders WHERE shop_id = ? AND id IN (?, ?)").bind(seller.shopId, a.id, b.id).all<{ id: number; total: number }>();
    const totalA = totals.results.find((r) => r.id === a.id)!.total;

    const stats = await dashboardStats(await shopDb(seller.shopId), seller.shopId);
    expect(stats.today).toEqual({ orders: 1, revenue: totalA });
    expect(stats.days).toHaveLength(30);
    expect(stats.days.at(-1)).toEqual({ date: karachiDate(Date.now()), orders: 1, revenue: totalA });
    expect(stats.days.reduce((s, d) => s + d.orders, 0)).toBe(1);

    const page = await seller.client.get(`${ROOT}/admin/${seller.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(formatMoney(totalA, "PKR", "en"));
    expect(page.text).toMatch(/<svg viewBox="0 0 300 134" role="img" aria-label="Bar chart of daily sales for the last 30 days/);
    expect((page.text.match(/<rect /g) ?? []).length).toBe(30);
    expect(page.text).toContain("New orders waiting: 2");
    expect(page.text).toContain("Orders: 1");
  });
});
