/**
 * Shards: shops spread over several D1 databases. The directory (the `DB` binding) holds the
 * accounts, sessions, memberships, custom domains and one row per shop in `shops` whose `shard`
 * column says which database holds the shop itself: its full record, catalogue, customers,
 * orders and outbox. A shop lives wholly in one shard, so a storefront page or an order is one
 * round trip to one database.
 *
 * Shard k is the binding `SHARD_k`; shard 0 may be the directory's own database (no SHARD_0
 * binding: the layout a single-database deployment grows from, and the one local development and
 * the tests run, with SHARD_1 beside it). N is how many consecutive bindings there are: adding a
 * shard is one binding in wrangler.toml and its migrations (README, "Scale").
 *
 * In the directory's database, a shop of another shard has only its directory row (slug, name,
 * status, shard) and its memberships; in its shard it has the full row with the same id.
 */
import { count, sql } from "drizzle-orm";
import { createDb, type Db } from "./client";
import type { ShopSource } from "../tenancy/shop-cache";
import { shops } from "./schema";

/** The directory's own tables (src/db/tables.mjs: one list for the Worker and the backup scripts). */
export { DIRECTORY_TABLES } from "./tables.mjs";

/** The bindings shards are read from (a Worker's env, or a test's). */
export type ShardEnv = { DB: D1Database };

const bound = (env: ShardEnv, k: number): D1Database | undefined => (env as Record<string, unknown>)[`SHARD_${k}`] as D1Database | undefined;

/** How many shards this deployment has: SHARD_0 (or the directory) and every SHARD_k after it. */
export function shardCount(env: ShardEnv): number {
  let n = 1;
  while (bound(env, n)) n += 1;
  return n;
}

/** The database of shard `k` (the directory's for shard 0 unless SHARD_0 is bound); null when there is no such shard. */
export function shardD1(env: ShardEnv, k: number): D1Database | null {
  if (!Number.isSafeInteger(k) || k < 0) return null;
  if (k === 0) return bound(env, 0) ?? env.DB;
  return bound(env, k) ?? null;
}

/** Whether shard `k` is the directory's own database (then one batch can read both). */
export const sharesDirectory = (env: ShardEnv, k: number): boolean => k === 0 && !bound(env, 0);

/** Every shard's index: crons and the queue visit each. */
export const shardIndexes = (env: ShardEnv): number[] => Array.from({ length: shardCount(env) }, (_, k) => k);

/**
 * Where a new shop goes: the shard holding the fewest shops (by the directory's rows; the lowest
 * index on a tie). One indexed aggregate over the directory, read once per shop created.
 */
export async function emptiestShard(dir: Db, n: number): Promise<number> {
  if (n <= 1) return 0;
  const rows = await dir.select({ shard: shops.shard, n: count() }).from(shops).where(sql`${shops.shard} < ${n}`).groupBy(shops.shard).all();
  const held = new Map(rows.map((r) => [r.shard, r.n]));
  let best = 0;
  for (let k = 1; k < n; k += 1) if ((held.get(k) ?? 0) < (held.get(best) ?? 0)) best = k;
  return best;
}

/** The directory and every shard straight from the bindings (no request: crons, queue jobs, tests). */
export function shopSourceOf(env: ShardEnv, over: (d1: D1Database) => Db = createDb): ShopSource {
  const dir = over(env.DB);
  return {
    dir,
    shards: shardCount(env),
    shard: (k) => {
      const d1 = shardD1(env, k);
      return !d1 ? null : sharesDirectory(env, k) ? dir : over(d1);
    },
    holdsShops: (k) => sharesDirectory(env, k),
  };
}

/** Queues whose bodies are stamped with a shard, one per queue and shard (enqueueGathered gathers by queue). */
const stamped = new WeakMap<Queue, Map<number, Queue>>();

/**
 * The queue as seen from shard `k`'s work: every object body sent gains `shard: k`, so the
 * consumer runs it against that shard (`shardOfBody`). Rows' ids are per database: a body
 * without `shard` is the directory's (a verification code, a staff invitation).
 */
export function shardQueue(queue: Queue, k: number): Queue {
  let byShard = stamped.get(queue);
  if (!byShard) stamped.set(queue, (byShard = new Map()));
  let q = byShard.get(k);
  if (!q) {
    const stamp = (body: unknown) => (typeof body === "object" && body !== null && !Array.isArray(body) ? { ...body, shard: k } : body);
    const inner = queue;
    q = {
      send: (body: unknown, options?: QueueSendOptions) => inner.send(stamp(body), options),
      sendBatch: (messages: Iterable<MessageSendRequest>, options?: QueueSendBatchOptions) =>
        inner.sendBatch([...messages].map((m) => ({ ...m, body: stamp(m.body) })), options),
    } as Queue;
    byShard.set(k, q);
  }
  return q;
}

/** The shard a queue body was stamped with (shardQueue), or null: the directory's. */
export function shardOfBody(body: unknown): number | null {
  const k = typeof body === "object" && body !== null ? (body as { shard?: unknown }).shard : undefined;
  return Number.isSafeInteger(k) && (k as number) >= 0 ? (k as number) : null;
}

/**
 * The bindings as shard `k`'s work sees them: `DB` is the shard's database and `MESSAGES` stamps
 * its bodies with `k`. Queue jobs and cron steps written for one database run unchanged per
 * shard; `DIRECTORY` stays the directory (accounts, push subscriptions, custom domains).
 */
export function envOfShard<E extends ShardEnv & { MESSAGES: Queue }>(env: E, k: number): E & { DIRECTORY: D1Database } {
  const d1 = shardD1(env, k);
  if (!d1) throw new Error(`no shard ${k}`);
  return { ...env, DB: d1, MESSAGES: shardQueue(env.MESSAGES, k), DIRECTORY: env.DB };
}

/** The bindings as the directory's own work sees them (a body with no shard: verification codes, invitations). */
export const envOfDirectory = <E extends ShardEnv>(env: E): E & { DIRECTORY: D1Database } => ({ ...env, DIRECTORY: env.DB });

/**
 * Every database a cron visits, as its work sees it: each shard, and the directory when it is a
 * database of its own (its outbox: codes and invitations). Shard 0 sharing the directory's
 * database is visited once, as shard 0.
 */
export function cronEnvs<E extends ShardEnv & { MESSAGES: Queue }>(env: E): (E & { DIRECTORY: D1Database })[] {
  const shards = shardIndexes(env).map((k) => envOfShard(env, k));
  return sharesDirectory(env, 0) ? shards : [envOfDirectory(env), ...shards];
}
