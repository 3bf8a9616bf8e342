/**
 * The operator's moves (docs/shards.md "Moving a shop"), on the platform host under /ops: a 404
 * unless the Worker has the secret OPS_TOKEN, and then only with `Authorization: Bearer <it>`.
 * JSON in and out; `npm run shard:move` calls it. Nothing here moves a row: it puts the move on
 * the queue (src/shards/job.ts) and reads where a shop is.
 *
 *   POST /ops/shops/:slug/move  {"to": k}  -> 202, the move queued
 *   GET  /ops/shops/:slug                  -> its shard, and its move under way if any
 */
import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { z } from "zod";
import type { AppEnv } from "../env";
import { shardCount, shardD1 } from "../db/shards";
import { timingSafeEqual } from "../lib/bytes";
import { enqueueMove } from "./job";

export const opsRoutes = new Hono<AppEnv>();

const enc = new TextEncoder();

opsRoutes.use("*", async function opsOnly(c, next) {
  if (!c.env.OPS_TOKEN) return c.json({ error: "not found" }, 404);
  await next();
});
opsRoutes.use("*", bearerAuth<AppEnv>({ verifyToken: (given, c) => timingSafeEqual(enc.encode(given), enc.encode(c.env.OPS_TOKEN ?? "")) }));

const slugOf = (s: string) => (/^[a-z0-9-]{1,63}$/.test(s) ? s : null);

async function whereIs(db: D1Database, slug: string) {
  return db.prepare("SELECT id, slug, shard FROM shops WHERE slug = ?").bind(slug).first<{ id: number; slug: string; shard: number }>();
}

opsRoutes.get("/shops/:slug", async (c) => {
  const slug = slugOf(c.req.param("slug"));
  const shop = slug ? await whereIs(c.env.DB, slug) : null;
  if (!shop) return c.json({ error: "no such shop" }, 404);
  const move = await shardD1(c.env, shop.shard)
    ?.prepare("SELECT from_shard AS \"from\", to_shard AS \"to\", phase, switched_at AS switchedAt, updated_at AS updatedAt FROM shop_moves WHERE shop_id = ?")
    .bind(shop.id)
    .first();
  return c.json({ ...shop, shards: shardCount(c.env), move: move ?? null });
});

opsRoutes.post("/shops/:slug/move", async (c) => {
  const slug = slugOf(c.req.param("slug"));
  const shop = slug ? await whereIs(c.env.DB, slug) : null;
  if (!shop) return c.json({ error: "no such shop" }, 404);
  const body = z.object({ to: z.number().int().min(0).max(shardCount(c.env) - 1) }).safeParse(await c.req.json().catch(() => null));
  if (!body.success) return c.json({ error: `"to" must be a shard from 0 to ${shardCount(c.env) - 1}` }, 400);
  if (body.data.to === shop.shard) return c.json({ error: `shop "${shop.slug}" is in shard ${shop.shard} already` }, 409);
  await enqueueMove(c.env.MESSAGES, shop.slug, body.data.to);
  return c.json({ queued: true, slug: shop.slug, from: shop.shard, to: body.data.to }, 202);
});
