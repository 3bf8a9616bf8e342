/**
 * Ids that stay a shop's own wherever it lives. Every table counts its ids with SQLite's
 * AUTOINCREMENT, per database; two shards counting from 1 would give two shops the same order id,
 * and moving one of them would collide. So each shard counts from the start of its own block of
 * 2^32 ids: the directory hands blocks out in order (`id_blocks`), and a shard's counters are
 * raised to its newest block's start. Block 0 is shard 0's (from 1: the ids a one-database
 * deployment already has).
 *
 * A moved shop keeps its ids: the shard it moves to first takes a fresh block, above every id
 * handed out anywhere, so the moved rows (all below it) leave its counters where they are. Its
 * links (an order in a WhatsApp alert, a product shared, a cart in a cookie) stay true.
 */
import type { D1Source } from "../db/client";
import { DIRECTORY_TABLES } from "../db/shards";

export const BLOCK_SIZE = 2 ** 32;

/** Tables whose ids are not counted in a shard: the directory's (copied with their ids), the shop row (the directory's id), the blocks. */
const NOT_COUNTED = [...DIRECTORY_TABLES, "shops", "id_blocks"];
const counted = `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' AND name NOT IN (${NOT_COUNTED.map((t) => `'${t}'`).join(", ")})`;

/** Takes the next block for shard `k` in the directory; its first id. */
export async function takeBlock(dir: D1Source, k: number): Promise<number> {
  const row = await dir.prepare("INSERT INTO id_blocks (shard) VALUES (CAST(? AS INTEGER)) RETURNING block").bind(k).first<{ block: number }>();
  return row!.block * BLOCK_SIZE;
}

/** Raises every counted table's AUTOINCREMENT counter in `d1` to at least `start` (never lowers one): one batch. */
export async function raiseCounters(d1: D1Source, start: number): Promise<void> {
  await d1.batch([
    d1.prepare(`INSERT INTO sqlite_sequence (name, seq) SELECT name, 0 FROM (${counted}) WHERE name NOT IN (SELECT name FROM sqlite_sequence)`),
    d1.prepare(`UPDATE sqlite_sequence SET seq = max(seq, CAST(? AS INTEGER)) WHERE name IN (${counted})`).bind(start),
  ]);
}

/**
 * Before shard `k`'s first shop: its own block (shard 0 has block 0). One directory read once it
 * has one. Two shops made at once may each take a block: the later one's counters win, no id repeats.
 */
export async function ensureBlock(dir: D1Source, shard: D1Source, k: number): Promise<void> {
  if (k === 0) return;
  if (await dir.prepare("SELECT 1 AS held FROM id_blocks WHERE shard = CAST(? AS INTEGER) LIMIT 1").bind(k).first()) return;
  await raiseCounters(shard, await takeBlock(dir, k));
}
