/**
 * Shards (src/db/shards.ts), as the tests run them: the directory (also shard 0) and SHARD_1.
 * New shops go to the emptiest shard; a shop lives wholly in its shard (its rows nowhere else);
 * a shard never answers for a shop it does not hold; its storefront, admin, orders and their
 * messages all run against it.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../index";
import type { Bindings } from "../env";
import { meteredSource } from "../lib/meter";
import { storefrontBySlug, forgetShopRecords } from "../tenancy/shop-cache";
import { forgetRoutes } from "../tenancy/routes";
import { clearPageCache } from "../storefront/page-cache";
import { emptiestShard, shardCount, shardD1, shardOfBody, shardQueue } from "./shards";
import { createDb } from "./client";
import { ROOT, sellerWithShop, shopD1 } from "../../test/helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";

const shardOf = async (shopId: number) => (await env.DB.prepare("SELECT shard FROM shops WHERE id = ?").bind(shopId).first<{ shard: number }>())!.shard;
const count = async (d1: D1Database, table: string, shopId: number) =>
  (await d1.prepare(`SELECT count(*) AS n FROM ${table} WHERE shop_id = ?`).bind(shopId).first<{ n: number }>())!.n;
const trips = (res: { headers: Headers }) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? NaN);

describe("shards", () => {
  it("runs with two: the directory's database and SHARD_1", () => {
    expect(shardCount(env)).toBe(2);
    expect(shardD1(env, 0)).toBe(env.DB);
    expect(shardD1(env, 1)).toBe(env.SHARD_1);
    expect(shardD1(env, 2)).toBeNull();
    expect(shardD1(env, -1)).toBeNull();
  });

  it("puts each new shop in the emptiest shard", async () => {
    const dir = createDb(env.DB);
    const before = await emptiestShard(dir, 2);
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    expect(await shardOf(a.shopId)).toBe(before);
    expect(await shardOf(b.shopId)).toBe(1 - before);
    const held = await env.DB.prepare("SELECT shard, count(*) AS n FROM shops GROUP BY shard ORDER BY shard").all<{ shard: number; n: number }>();
    const [n0, n1] = [held.results.find((r) => r.shard === 0)?.n ?? 0, held.results.find((r) => r.shard === 1)?.n ?? 0];
    expect(Math.abs(n0 - n1)).toBeLessThanOrEqual(1);
  });

  describe("a shop in shard 1", () => {
    let s: Awaited<ReturnType<typeof shopWithCatalogue>>;
    beforeAll(async () => {
      // Shops until one lands in shard 1 (the emptiest rule alternates).
      do s = await shopWithCatalogue();
      while ((await shardOf(s.seller.shopId)) !== 1);
    });

    it("lives wholly there: its catalogue and zones in SHARD_1, none in the directory's database", async () => {
      const id = s.seller.shopId;
      for (const table of ["products", "variants", "delivery_zones"]) {
        expect(await count(env.SHARD_1!, table, id), table).toBeGreaterThan(0);
        expect(await count(env.DB, table, id), table).toBe(0);
      }
      // The directory keeps its row (slug, name, shard) and her membership; the shard has the full row and a copy of her.
      expect(await count(env.DB, "memberships", id)).toBe(1);
      expect(await count(env.SHARD_1!, "memberships", id)).toBe(1);
      const copy = await env.SHARD_1!.prepare("SELECT u.email, u.password_hash FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.shop_id = ?").bind(id).first<{ email: string; password_hash: string }>();
      expect(copy).toEqual({ email: expect.stringMatching(/@shard\.invalid$/), password_hash: "" });
    });

    it("serves its storefront from SHARD_1 in one round trip once the route is known, two on a cold route", async () => {
      await (await worker.fetch(new Request(`${s.origin}/`), env as unknown as Bindings, createExecutionContext())).text();
      clearPageCache();
      forgetShopRecords();
      const warm = await worker.fetch(new Request(`${s.origin}/`), env as unknown as Bindings, createExecutionContext());
      expect(warm.status).toBe(200);
      expect(await warm.text()).toContain("Lawn Kurta");
      expect(trips(warm)).toBe(2); // the record, then the page: the route was known
      const cold = meteredSource(env);
      forgetShopRecords();
      forgetRoutes();
      const record = await storefrontBySlug(cold.source, s.seller.slug);
      expect(record?.shop.shard).toBe(1);
      expect(cold.meter.queries).toBe(2); // the directory, then the shard
      const again = meteredSource(env);
      forgetShopRecords();
      await storefrontBySlug(again.source, s.seller.slug);
      expect(again.meter.queries).toBe(1);
    });

    it("never answers for a shop it does not hold, nor the directory's database for one of shard 1", async () => {
      const other = await sellerWithShop();
      const otherShard = await shardOf(other.shopId);
      const wrong = shardD1(env, 1 - otherShard)!;
      expect(await wrong.prepare("SELECT count(*) AS n FROM delivery_zones WHERE shop_id = ?").bind(other.shopId).first<{ n: number }>()).toEqual({ n: 0 });
      // A record read of shard 1's shop on the directory's database is its directory row, which names shard 1.
      const row = await env.DB.prepare("SELECT shard FROM shops WHERE id = ?").bind(s.seller.shopId).first<{ shard: number }>();
      expect(row).toEqual({ shard: 1 });
    });

    it("takes an order in SHARD_1; its messages go on the queue stamped with shard 1 and are delivered from there", async () => {
      const order = await placeOrderAt(s.origin, s.zone.id, [[s.kurta[0]!.id, 1]]);
      expect(await count(env.SHARD_1!, "orders", s.seller.shopId)).toBe(1);
      expect(await count(env.DB, "orders", s.seller.shopId)).toBe(0);
      const rows = await env.SHARD_1!.prepare("SELECT id FROM outbox WHERE shop_id = ?").bind(s.seller.shopId).all<{ id: number }>();
      expect(rows.results.length).toBeGreaterThan(0);
      const ids = rows.results.map((r) => r.id);
      const body = { ids, shard: 1 };
      expect(shardOfBody(body)).toBe(1);
      const batch = createMessageBatch("hatti-messages", [{ id: "m1", timestamp: new Date(), attempts: 1, body }]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env as unknown as Bindings, ctx);
      const result = await getQueueResult(batch, ctx);
      expect(result.explicitAcks.length + result.retryMessages.length).toBe(1);
      const states = await env.SHARD_1!.prepare(`SELECT state FROM outbox WHERE id IN (${ids.join(",")})`).all<{ state: string }>();
      expect(states.results.every((r) => r.state !== "pending")).toBe(true);
      expect(order.path).toMatch(/^\/orders\//);
    });

    it("shows the seller her admin from SHARD_1: the session check and the page side by side, one round trip", async () => {
      await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/orders`); // her first visit records the session's shop
      const res = await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}/products`);
      expect(res.status).toBe(200);
      expect(res.text).toContain("Lawn Kurta");
      expect(trips(res)).toBe(1);
    });
  });

  it("stamps queue bodies with their shard, and leaves the directory's unstamped", async () => {
    const sent: unknown[] = [];
    const queue = { send: async (b: unknown) => void sent.push(b), sendBatch: async (m: Iterable<{ body: unknown }>) => void sent.push(...[...m].map((x) => x.body)) } as unknown as Queue;
    await shardQueue(queue, 1).send({ ids: [1] });
    await shardQueue(queue, 0).sendBatch([{ body: { ids: [2] } }]);
    expect(sent).toEqual([{ ids: [1], shard: 1 }, { ids: [2], shard: 0 }]);
    expect(shardOfBody({ ids: [3] })).toBeNull();
    expect(shardOfBody({ ids: [3], shard: "1" })).toBeNull();
    expect(shardQueue(queue, 1)).toBe(shardQueue(queue, 1));
  });

  it("has a shop's every row in one database: a new shard-1 shop's shard rows name only it", async () => {
    let shopId = 0;
    do shopId = (await sellerWithShop()).shopId;
    while ((await shardOf(shopId)) !== 1);
    const d1 = await shopD1(shopId);
    expect(d1).toBe(env.SHARD_1);
  });
});
