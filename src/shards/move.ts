/**
 * Moving a shop to another shard while it sells (issue 18 §3; docs/shards.md "Moving a shop").
 *
 *   1. freeze   a `shop_moves` row in the source (the move's lock too): its triggers
 *               (migrations/triggers/shop-moves.sql) refuse every write to the shop's rows from
 *               then on, whatever code path makes it. A customer placing an order is told to try
 *               again in a minute, her form kept; any other write answers 503;
 *   2. prepare  the target holds nothing of the shop (a failed earlier attempt's rows are
 *               deleted) and takes a fresh block of ids (src/shards/blocks.ts);
 *   3. copy     every table, parents first, a page of rows at a time with their ids (one INSERT of
 *               a JSON array per page); what triggers derive (order counts, a customer's totals, a
 *               discount's uses) is recomputed by the target's own triggers as the rows arrive;
 *   4. verify   every table's count, and what the triggers derived, equal in both; else the copy
 *               is deleted and the shop unfrozen (`abortMove`): nothing lost, nothing changed;
 *   5. switch   the directory names the target only if it still names the source (the version
 *               check), and the source's row names it too, so a storefront routed there before
 *               finds out at once; its members and domains are copied first, its waiting messages
 *               go on the queue from the target;
 *   6. delete   a route's lifetime later (no request can still be routed to the source), the
 *               source deletes the shop's rows, a page at a time.
 *
 * No order is lost: an order either commits before the freeze (and is copied) or is refused
 * (and the customer, told so, places it again in the target). No step runs in a customer's
 * request: the queue runs a move (src/shards/job.ts), a step at a time; an operator starts one
 * with the ops route (src/shards/routes.ts, `npm run shard:move`).
 */
import { FILLED_BY_TRIGGERS, RECOMPUTED } from "../db/tables.mjs";
import { DIRECTORY_TABLES, sharesDirectory, shardD1, shardQueue, shopSourceOf, type ShardEnv } from "../db/shards";
import { syncDomains, syncMembers } from "../db/members";
import { enqueue } from "../messages/outbox";
import { forgetRoute, ROUTE_TTL_MS } from "../tenancy/routes";
import { invalidateShop } from "../tenancy/shop-cache";
import { raiseCounters, takeBlock } from "./blocks";

/**
 * Every table of a shop's rows in a shard, in the order they are copied (parents first, and after
 * WRITTEN_AFTER's), with the columns that triggers on a later table recompute reset
 * (src/db/tables.mjs RECOMPUTED). A test fails when a table with a shop_id is neither here, nor
 * derived, nor the directory's.
 */
export const COPIED: readonly { table: string; reset?: Readonly<Record<string, string | number>> }[] = [
  "delivery_zones",
  "collections",
  "pages",
  "discounts",
  "shop_credentials",
  "pending_uploads",
  "products",
  "variants",
  "product_images",
  "collection_products",
  "customers",
  "orders",
  "order_items",
  "order_events",
  "order_discounts",
  "payment_attempts",
  "shipments",
  "settlements",
  "checkout_intents",
  "outbox",
  "push_subscriptions",
  "shop_visits",
].map((table) => ({ table, reset: RECOMPUTED[table] }));

/** Tables the triggers fill wholly from the copied rows. */
export const DERIVED = FILLED_BY_TRIGGERS;

/** Rows read a page at a time, and written in INSERTs of at most this many JSON bytes. */
const PAGE_ROWS = 250;
const INSERT_BYTES = 256 * 1024;

/** After the switch, how long before the source deletes: the routes' lifetime and a request's. */
export const DELETE_AFTER_MS = ROUTE_TTL_MS + 30_000;

export class MoveError extends Error {
  override name = "MoveError";
}

const q = (name: string) => `\`${name.replace(/`/g, "")}\``;

export interface MoveEnv extends ShardEnv {
  MESSAGES: Queue;
}

interface Ends {
  shopId: number;
  slug: string;
  from: number;
  to: number;
  source: D1Database;
  target: D1Database;
}

/** The shop (by slug) and both ends of its move; refuses a move to where it is, or to no shard. */
async function endsOf(env: MoveEnv, slug: string, to: number): Promise<Ends> {
  const entry = await env.DB.prepare("SELECT id, shard FROM shops WHERE slug = ?").bind(slug).first<{ id: number; shard: number }>();
  if (!entry) throw new MoveError(`no shop "${slug}"`);
  const source = shardD1(env, entry.shard);
  const target = shardD1(env, to);
  if (!source) throw new MoveError(`shop "${slug}" is in shard ${entry.shard}, which this Worker has no binding for`);
  if (!target) throw new MoveError(`no shard ${to}`);
  return { shopId: entry.id, slug, from: entry.shard, to, source, target };
}

/** The shop's rows of `table` in `d1` after rowid `after`, a page of them; `last` is the rowid to go on from, null at the end. */
async function pageOf(d1: D1Database, table: string, shopId: number, after: number): Promise<{ rows: Record<string, unknown>[]; last: number | null }> {
  const { results } = await d1
    .prepare(`SELECT rowid AS __rowid, * FROM ${q(table)} WHERE shop_id = ? AND rowid > ? ORDER BY rowid LIMIT ${PAGE_ROWS}`)
    .bind(shopId, after)
    .all<Record<string, unknown>>();
  const last = results.length === PAGE_ROWS ? (results.at(-1)!.__rowid as number) : null;
  return { rows: results.map(({ __rowid: _, ...row }) => row), last };
}

/** Inserts rows (all of one table, the same columns) as JSON arrays: one statement per INSERT_BYTES, one parameter each. */
async function insertRows(d1: D1Database, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const sql = `INSERT INTO ${q(table)} (${cols.map(q).join(", ")}) SELECT ${cols.map((c) => `json_extract(j.value, '$."${c}"')`).join(", ")} FROM json_each(?) j ORDER BY j.key`;
  const statements: D1PreparedStatement[] = [];
  let chunk: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (chunk.length) statements.push(d1.prepare(sql).bind(`[${chunk.join(",")}]`));
    chunk = [];
    bytes = 0;
  };
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (bytes + json.length > INSERT_BYTES) flush();
    chunk.push(json);
    bytes += json.length;
  }
  flush();
  await d1.batch(statements);
}

/** Deletes the shop's rows of `table` in `d1`, a page at a time. */
async function deleteRows(d1: D1Database, table: string, shopId: number): Promise<void> {
  for (;;) {
    const { meta } = await d1
      .prepare(`DELETE FROM ${q(table)} WHERE rowid IN (SELECT rowid FROM ${q(table)} WHERE shop_id = ? LIMIT ${PAGE_ROWS * 4})`)
      .bind(shopId)
      .run();
    if (!meta.changes) return;
  }
}

/** Children first: the copied tables backwards, then the derived ones. */
const DELETE_ORDER = [...COPIED.map((c) => c.table).reverse(), ...DERIVED];

/**
 * Deletes the shop from `d1` (a page at a time): its rows, and its own row unless `d1` is the
 * directory's database (where the row is the directory's). A shard's copies of members that no
 * shop there has any longer go too.
 */
async function deleteShop(d1: D1Database, shopId: number, isDirectory: boolean): Promise<void> {
  for (const table of DELETE_ORDER) await deleteRows(d1, table, shopId);
  if (isDirectory) return;
  await d1.batch([
    d1.prepare("DELETE FROM shops WHERE id = ?").bind(shopId),
    d1.prepare("DELETE FROM users WHERE email LIKE 'member-%@shard.invalid' AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)"),
  ]);
}

/** What the triggers derived and what a count can check, per table: equal in both ends after a faithful copy. */
async function fingerprint(d1: D1Database, shopId: number): Promise<string> {
  const counts = [...COPIED.map((c) => c.table), ...DERIVED].map((t) => `(SELECT count(*) FROM ${q(t)} WHERE shop_id = ?1)`);
  const row = await d1
    .prepare(
      `SELECT ${counts.join(" || ',' || ")} AS counts,
        (SELECT group_concat(status || '=' || n) FROM (SELECT status, n FROM order_counts WHERE shop_id = ?1 AND n <> 0 ORDER BY status)) AS statuses,
        (SELECT sum(orders) || '/' || sum(spent) || '/' || sum(delivered) FROM customers WHERE shop_id = ?1) AS customers,
        (SELECT sum(uses) FROM discounts WHERE shop_id = ?1) AS uses,
        (SELECT order_seq FROM shops WHERE id = ?1) AS seq`,
    )
    .bind(shopId)
    .first<Record<string, unknown>>();
  return JSON.stringify(row);
}

/** The source's move row (null when none). */
const moveRow = (source: D1Database, shopId: number) =>
  source.prepare("SELECT from_shard AS \"from\", to_shard AS \"to\", phase, switched_at AS switchedAt FROM shop_moves WHERE shop_id = ?").bind(shopId).first<{ from: number; to: number; phase: string; switchedAt: number | null }>();

export interface MoveOptions {
  /** The clock (tests move it). */
  now?: number;
  /** Runs while the shop is frozen, before the copy (a test holds the freeze until a customer was refused). */
  frozen?: () => Promise<void>;
}

/** Where a move's copy has got to: the next table of COPIED, and the last rowid copied of it. */
interface CopyCursor {
  table: number;
  after: number;
}

/** A move under way: the shop, its two shards, and how far its copy has got. */
export interface Move {
  slug: string;
  shopId: number;
  from: number;
  to: number;
  cursor: CopyCursor | null;
}

/** Both ends of a move under way, from the bindings. */
function endsOfMove(env: MoveEnv, m: Move): Ends {
  const source = shardD1(env, m.from);
  const target = shardD1(env, m.to);
  if (!source || !target) throw new MoveError(`no shard ${source ? m.to : m.from}`);
  return { shopId: m.shopId, slug: m.slug, from: m.from, to: m.to, source, target };
}

/** Steps 1 and 2, and the shop's own row, members and domains: the copy's cursor at its first table. */
export async function startMove(env: MoveEnv, slug: string, to: number, { frozen }: MoveOptions = {}): Promise<Move> {
  const ends = await endsOf(env, slug, to);
  const { shopId, from, source, target } = ends;
  if (from === to) throw new MoveError(`shop "${slug}" is already in shard ${to}`);
  // 1. Freeze: from here the source refuses every write to the shop. The row is the move's lock too.
  try {
    await source.prepare("INSERT INTO shop_moves (shop_id, from_shard, to_shard) VALUES (?, ?, ?)").bind(shopId, from, to).run();
  } catch (err) {
    throw new MoveError(`shop "${slug}" is being moved already`, { cause: err });
  }
  try {
    // 2. The target: nothing of this shop (an earlier attempt's rows), and a fresh block above
    // every id handed out anywhere, so the copied ids leave its counters where they are.
    const leftover = await moveRow(target, shopId);
    if (leftover && leftover.phase !== "deleting") throw new MoveError(`shard ${to} still holds shop "${slug}" from an earlier move: let its delete finish first`);
    await deleteShop(target, shopId, sharesDirectory(env, to));
    await target.prepare("DELETE FROM shop_moves WHERE shop_id = ?").bind(shopId).run();
    await raiseCounters(target, await takeBlock(env.DB, to));
    await frozen?.();
    // 3. Copy: the shop's row, its members and domains (push subscriptions point at a member); its tables follow.
    const shopRow = await source.prepare("SELECT * FROM shops WHERE id = ?").bind(shopId).first<Record<string, unknown>>();
    if (!shopRow) throw new MoveError(`shard ${from} does not hold shop "${slug}"`);
    const row = { ...shopRow, shard: to };
    if (sharesDirectory(env, to)) {
      // The directory's own row: its shard changes only at the switch.
      const cols = Object.keys(row).filter((c) => c !== "id" && c !== "shard");
      await target.prepare(`UPDATE shops SET ${cols.map((c) => `${q(c)} = json_extract(?1, '$."${c}"')`).join(", ")} WHERE id = ?2`).bind(JSON.stringify(row), shopId).run();
    } else await insertRows(target, "shops", [row]);
    const src = shopSourceOf(env);
    await syncMembers(src, shopId, to);
    await syncDomains(src, { shopId }, to);
  } catch (err) {
    throw await abortMove(env, ends, err);
  }
  return { slug, shopId, from, to, cursor: { table: 0, after: -1 } };
}

/**
 * Step 3, a part: copies at most `pages` pages of rows; the cursor to go on from, or null when
 * every table is copied. A step that fails undoes the move.
 */
export async function copySome(env: MoveEnv, move: Move, pages = Infinity): Promise<Move> {
  const ends = endsOfMove(env, move);
  let cursor = move.cursor;
  try {
    for (let done = 0; cursor && done < pages; done++) {
      const { table, reset } = COPIED[cursor.table]!;
      const page = await pageOf(ends.source, table, move.shopId, cursor.after);
      await insertRows(ends.target, table, reset ? page.rows.map((r) => ({ ...r, ...reset })) : page.rows);
      cursor = page.last !== null ? { table: cursor.table, after: page.last } : cursor.table + 1 < COPIED.length ? { table: cursor.table + 1, after: -1 } : null;
    }
    await ends.source.prepare("UPDATE shop_moves SET updated_at = ? WHERE shop_id = ? AND phase = 'frozen'").bind(Date.now(), move.shopId).run();
  } catch (err) {
    throw await abortMove(env, ends, err);
  }
  return { ...move, cursor };
}

/** Steps 4 and 5: the copy checked, the directory switched, the shop's waiting messages on the queue from its new shard. */
export async function finishMove(env: MoveEnv, move: Move, now = Date.now()): Promise<void> {
  const ends = endsOfMove(env, move);
  const { shopId, slug, from, to, source, target } = ends;
  const sourceIsDirectory = sharesDirectory(env, from);
  try {
    if (move.cursor) throw new MoveError(`the copy of shop "${slug}" is not finished`);
    // 4. Verify.
    const [was, is] = await Promise.all([fingerprint(source, shopId), fingerprint(target, shopId)]);
    if (was !== is) throw new MoveError(`the copy of shop "${slug}" differs from its source: ${was} against ${is}`);
    // 5. Switch, only if the directory still names the source (in one batch with the source's
    // own row when that is the directory's).
    const cas = env.DB.prepare("UPDATE shops SET shard = ? WHERE id = ? AND shard = ? RETURNING id").bind(to, shopId, from);
    const [done] = await env.DB.batch(sourceIsDirectory ? [cas, leaving(source, shopId, to, now)[1]!] : [cas]);
    if (!done!.results.length) throw new MoveError(`the directory no longer names shard ${from} for shop "${slug}"`);
    if (!sourceIsDirectory) await source.batch(leaving(source, shopId, to, now));
  } catch (err) {
    throw await abortMove(env, ends, err, now);
  }
  forgetRoute(slug);
  invalidateShop(slug);
  const { results } = await target.prepare("SELECT id FROM outbox WHERE shop_id = ? AND state = 'pending' ORDER BY id").bind(shopId).all<{ id: number }>();
  await enqueue(shardQueue(env.MESSAGES, to), results.map((r) => r.id));
}

/**
 * Steps 1 to 5 in one go: the shop is served from `to` when this returns. Throws MoveError (the
 * shop unfrozen, served where it was) when it cannot. The queue runs a large shop's move a part at
 * a time instead (src/shards/job.ts): one Worker invocation may make only so many D1 queries.
 */
export async function moveShop(env: MoveEnv, slug: string, to: number, opts: MoveOptions = {}): Promise<{ shopId: number; from: number; to: number }> {
  const move = await copySome(env, await startMove(env, slug, to, opts));
  await finishMove(env, move, opts.now);
  return { shopId: move.shopId, from: move.from, to: move.to };
}

/**
 * The source after the switch: its row names the new shard (a request routed here finds out; when
 * the source is the directory's database that row is the one the switch changed), the move waits to delete.
 */
const leaving = (source: D1Database, shopId: number, to: number, now: number) => [
  source.prepare("UPDATE shops SET shard = ? WHERE id = ?").bind(to, shopId),
  source.prepare("UPDATE shop_moves SET phase = 'leaving', switched_at = ? WHERE shop_id = ? AND phase = 'frozen'").bind(now, shopId),
];

/**
 * Undoes a move that failed before its switch (the target's copy deleted, the source unfrozen)
 * and returns the error to throw; past the switch, finishes the switch's second half instead.
 */
async function abortMove(env: MoveEnv, ends: Ends, err: unknown, now = Date.now()): Promise<MoveError> {
  const entry = await env.DB.prepare("SELECT shard FROM shops WHERE id = ?").bind(ends.shopId).first<{ shard: number }>();
  if (entry?.shard === ends.to) {
    const [row, phase] = leaving(ends.source, ends.shopId, ends.to, now);
    await ends.source.batch(sharesDirectory(env, ends.from) ? [phase!] : [row!, phase!]);
  } else {
    await deleteShop(ends.target, ends.shopId, sharesDirectory(env, ends.to));
    await ends.source.prepare("DELETE FROM shop_moves WHERE shop_id = ? AND phase = 'frozen'").bind(ends.shopId).run();
  }
  return err instanceof MoveError ? err : new MoveError(`moving shop "${ends.slug}" failed: ${String(err)}`, { cause: err });
}

/** A move that made no progress for STALE_AFTER_MS (its queue job died): undone by the cron (src/shards/job.ts). */
export const STALE_AFTER_MS = 15 * 60_000;

/** The moves in shard `k` (as the source) stuck frozen, undone; and the ones due for their delete, deleted. */
export async function tidyMoves(env: MoveEnv, k: number, now = Date.now()): Promise<void> {
  const d1 = shardD1(env, k);
  if (!d1) return;
  const { results } = await d1.prepare("SELECT shop_id AS shopId, to_shard AS \"to\", phase, updated_at AS updatedAt FROM shop_moves WHERE from_shard = ?").bind(k).all<{ shopId: number; to: number; phase: string; updatedAt: number }>();
  for (const m of results) {
    const target = shardD1(env, m.to);
    if (m.phase === "frozen" && now - m.updatedAt > STALE_AFTER_MS && target) {
      const slug = (await env.DB.prepare("SELECT slug FROM shops WHERE id = ?").bind(m.shopId).first<{ slug: string }>())?.slug ?? String(m.shopId);
      await abortMove(env, { shopId: m.shopId, slug, from: k, to: m.to, source: d1, target }, new MoveError("stale"), now);
      console.error("shards: a move made no progress; undone", slug);
    } else if (m.phase !== "frozen") await deleteMoved(env, m.shopId, k, now);
  }
}

/**
 * Step 6: in shard `from`, the rows of a shop that moved away DELETE_AFTER_MS ago are deleted.
 * Returns false (and deletes nothing) while it is too early or the move is not switched.
 */
export async function deleteMoved(env: MoveEnv, shopId: number, from: number, now = Date.now()): Promise<boolean> {
  const source = shardD1(env, from);
  if (!source) throw new MoveError(`no shard ${from}`);
  const move = await moveRow(source, shopId);
  if (!move || move.phase === "frozen" || move.switchedAt === null || now < move.switchedAt + DELETE_AFTER_MS) return false;
  await source.prepare("UPDATE shop_moves SET phase = 'deleting' WHERE shop_id = ?").bind(shopId).run();
  await deleteShop(source, shopId, sharesDirectory(env, from));
  await source.prepare("DELETE FROM shop_moves WHERE shop_id = ?").bind(shopId).run();
  return true;
}

/** The directory's tables are never copied nor deleted by a move (the members' and domains' copies are synced). */
export const NOT_MOVED = [...DIRECTORY_TABLES, "shops", "shop_moves", "id_blocks"] as const;
