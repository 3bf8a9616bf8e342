/**
 * The admin's CPU: the SQL of the seller's session check and of the orders list is built once per
 * isolate (templates, src/db/template.ts), not on every request. Building it through drizzle's
 * query builders was a quarter of the orders list's CPU under load (issue 18 §2). This counts the
 * SQL texts drizzle builds (its dialect's sqlToQuery: every toSQL, prepare and batch goes through
 * it) while the Worker, in this isolate, answers the list in each of its shapes.
 */
import { env } from "cloudflare:workers";
import { SQLiteDialect } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, it } from "vitest";
import { db, ROOT, shopD1, type Client } from "../../test/helpers";
import { sessionShopSql } from "../auth/session";
import { sellerOrderRead } from "../orders/read";
import { shopWithCatalogue } from "../../test/checkout-fixtures";

const realSqlToQuery = SQLiteDialect.prototype.sqlToQuery;
let built = 0;

function countBuilds() {
  built = 0;
  SQLiteDialect.prototype.sqlToQuery = function (this: SQLiteDialect, ...a: Parameters<SQLiteDialect["sqlToQuery"]>) {
    built++;
    return realSqlToQuery.apply(this, a);
  };
}
afterEach(() => {
  SQLiteDialect.prototype.sqlToQuery = realSqlToQuery;
});

/**
 * Orders written straight into D1 (a checkout would put messages on the queue, whose consumer,
 * running in this isolate meanwhile, builds SQL of its own).
 */
async function seedOrders(shopId: number, n: number): Promise<{ id: number; number: number }> {
  const now = Date.now();
  const d1 = await shopD1(shopId);
  await d1.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
     INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone,
       city, address, subtotal, total, currency, created_at, updated_at)
     SELECT ?1, 7000 + i, 'sql-' || ?1 || '-' || i, 'sql-key-' || ?1 || '-' || i, 'new', 'cod',
       'عائشہ بی بی ' || i, '+92321' || printf('%07d', 5551230 + i), 'Lahore', 'House ' || i || ', Street 9, Gulberg III',
       250000 + i * 100, 275000 + i * 100, 'PKR', ?2 - i * 3700000, ?2
     FROM k`,
  ).bind(shopId, now).run();
  return (await d1.prepare("SELECT id, number FROM orders WHERE shop_id = ? ORDER BY id DESC LIMIT 1").bind(shopId).first<{ id: number; number: number }>())!;
}

async function builds(client: Client, urls: string[]): Promise<number> {
  built = 0;
  for (const url of urls) {
    const res = await client.get(url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get("server-timing"), url).toContain("d1q;dur=1,");
  }
  return built;
}

describe("the admin's SQL", () => {
  it("is built once per isolate for the orders list, in every shape of its query, and for the session check", async () => {
    const { seller } = await shopWithCatalogue();
    const order = await seedOrders(seller.shopId, 40);
    const base = `${ROOT}/admin/${seller.slug}/orders`;
    const urls = [
      base,
      `${base}?status=new`,
      `${base}?q=${encodeURIComponent("عائشہ")}`,
      `${base}?q=03215551234`,
      `${base}?q=${encodeURIComponent("0321 5551234")}`,
      `${base}?q=${encodeURIComponent(`#${order.number}`)}`,
      `${base}?before=${order.id + 1}`,
      `${base}?late=1`,
      `${base}?status=new&late=1&q=Sana&before=${order.id + 1}`,
    ];
    countBuilds();
    // The first visit records the session's shop (a write); then each shape once: its template is
    // built, unless an earlier test in this isolate built it already.
    await seller.client.get(base);
    await builds(seller.client, urls);
    // Every later request binds the templates: no SQL is built.
    expect(await builds(seller.client, urls)).toBe(0);
    expect(await builds(seller.client, [...urls].reverse())).toBe(0);
  });

  it("is built for the session check once, on pages that build their own statements", async () => {
    const { seller } = await shopWithCatalogue();
    const order = await seedOrders(seller.shopId, 1);
    const page = `${ROOT}/admin/${seller.slug}/orders/${order.id}`;
    countBuilds();
    await seller.client.get(page);
    await builds(seller.client, [page]);
    // The order page's own statements (built per request) are all it builds: not the check.
    const own = sellerOrderRead(order.id).statements(db(), sessionShopSql("0".repeat(64), seller.slug, Date.now())).length;
    expect(own).toBeGreaterThan(0);
    expect(await builds(seller.client, [page])).toBe(own);
    expect(await builds(seller.client, [page, page])).toBe(2 * own);
  });
});
