/**
 * The shipments' reads by index, at a realistic size (two shops of 1,200 orders each, every order
 * with a shipment in every state, then ANALYZE as D1 does). The cron sweeps every shop, so its two
 * reads go by partial indexes of the open rows ordered by when they are due (no shop_id first, on
 * purpose); every per-shop read (the order's page and booking page, a shipment of the shop, the
 * seller's Retry) starts with shop_id or is the primary key. Checked with EXPLAIN QUERY PLAN on the
 * statements the app runs.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { placeOrderAt, shopWithCatalogue, shopWithCatalogueBeside } from "../../test/checkout-fixtures";
import { shopD1 } from "../../test/helpers";
import { createDb } from "../db/client";
import { shardD1, shardIndexes } from "../db/shards";
import { stuckBookings } from "./jobs";
import { dueForTracking, retryBookingStatement, shipmentOfStatement, shipmentsOf } from "./shipments";

const ORDERS_A_SHOP = 1_200;
const STATES = ["booking", "booked", "in_transit", "delivered", "delivered", "returned", "cancelled", "failed"];

async function planOf(d1: D1Database, q: unknown): Promise<string> {
  const { sql, params } = (q as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
  const rows = await d1.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail).join("\n");
}

/** A shop with ORDERS_A_SHOP orders (copies of one real order), each with one shipment; in the shard of shop `beside` when given. */
async function busyShop(beside?: number): Promise<{ shopId: number; orderId: number }> {
  const shop = beside === undefined ? await shopWithCatalogue() : await shopWithCatalogueBeside(beside);
  const d1 = await shopD1(shop.seller.shopId);
  const placed = await placeOrderAt(shop.origin, shop.zone.id, [[shop.kurta[0]!.id, 2]]);
  const columns = (await d1.prepare("SELECT name FROM pragma_table_info('orders')").all<{ name: string }>()).results.map((c) => c.name);
  const copied = columns.filter((c) => !["id", "number", "token", "idempotency_key"].includes(c));
  await d1.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO orders (${copied.join(", ")}, number, token, idempotency_key)
     SELECT ${copied.map((c) => `o.${c}`).join(", ")}, o.number + n.i, o.token || '-' || n.i, o.idempotency_key || '-' || n.i FROM orders o, n WHERE o.id = ?`,
  )
    .bind(ORDERS_A_SHOP - 1, placed.id)
    .run();
  const now = Date.now();
  await d1.prepare(
    `INSERT INTO shipments (shop_id, order_id, courier, state, tracking_number, weight_grams, cod_paisa, checked_at, created_at, updated_at)
     SELECT shop_id, id, 'postex', json_extract(?, '$[' || (id % 8) || ']'), '2410' || id, 750, 520000, ? - (id % 97) * 3600000, ?, ? - (id % 13) * 600000
     FROM orders WHERE shop_id = ?`,
  )
    .bind(JSON.stringify(STATES), now, now, now, shop.seller.shopId)
    .run();
  return { shopId: shop.seller.shopId, orderId: placed.id };
}

describe("the shipments' reads", () => {
  it("the cron's sweeps go by their partial indexes; every per-shop read starts with shop_id or is the primary key", async () => {
    // Two shops in one shard (src/db/shards.ts): the cron sweeps a shard's shops together.
    const a = await busyShop();
    await busyShop(a.shopId);
    const d1 = await shopD1(a.shopId);
    const counts = await d1.prepare("SELECT count(*) AS n, count(DISTINCT shop_id) AS shops, sum(state = 'booking') AS booking FROM shipments").first<{ n: number; shops: number; booking: number }>();
    expect(counts).toMatchObject({ n: 2 * ORDERS_A_SHOP, shops: 2 });
    expect(counts!.booking).toBeGreaterThan(200);
    await d1.exec("ANALYZE");
    try {
      await expectPlans(d1, a);
    } finally {
      // The statistics table would outlive this file in the shared workerd (test/db-schema.test.ts counts every object).
      await d1.exec("DROP TABLE IF EXISTS sqlite_stat1");
    }
  });

  it("leaves no statistics behind for the next file in the shared workerd", async () => {
    for (const k of shardIndexes(env)) expect(await shardD1(env, k)!.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'").all(), `shard ${k}`).toMatchObject({ results: [] });
  });
});

async function expectPlans(d1: D1Database, a: { shopId: number; orderId: number }) {
  const now = Date.now();
  const db = () => createDb(d1);

  // The cron, across shops: each its own partial index, in the order it is due.
  expect(await planOf(d1, dueForTracking(db(), now))).toBe("SEARCH shipments USING INDEX shipments_sync_idx (checked_at<?)");
  expect(await planOf(d1, stuckBookings(db(), now))).toBe("SEARCH shipments USING COVERING INDEX shipments_booking_idx (updated_at<?)");

  // Per shop: the order's shipments, one shipment of the shop, the seller's Retry.
  const scope = { db: db(), shopId: a.shopId };
  expect(await planOf(d1, shipmentsOf(scope, a.orderId))).toBe("SEARCH shipments USING INDEX shipments_shop_order_idx (shop_id=? AND order_id=?)");
  expect(await planOf(d1, shipmentOfStatement(scope, 7))).toBe("SEARCH shipments USING INTEGER PRIMARY KEY (rowid=?)");
  expect(await planOf(d1, retryBookingStatement(scope, 7))).toBe("SEARCH shipments USING INTEGER PRIMARY KEY (rowid=?)");
}
