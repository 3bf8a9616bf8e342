/**
 * Moving a shop between shards (src/shards/move.ts, docs/shards.md).
 *
 * `shop_moves`: in the shard a shop is leaving, its row freezes the shop. Triggers
 * (migrations/triggers/shop-moves.sql) refuse every write to the shop's rows while the row is
 * there, in phases `frozen` (copying) and `leaving` (the directory names the new shard; requests
 * routed before may still come for a route's lifetime); in `deleting` the move deletes its rows.
 *
 * `id_blocks`: in the directory, the ranges of ids handed to shards. Ids are AUTOINCREMENT per
 * database; a shard counts from the start of its newest block, so no two shards ever hand out
 * the same id and a shop keeps its ids (its links, carts, alerts) when it moves. Block 0 is shard
 * 0's, from 1; block b starts at b * 2^32 (src/shards/blocks.ts).
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";

export const MOVE_PHASES = ["frozen", "leaving", "deleting"] as const;

export const shopMoves = sqliteTable("shop_moves", {
  /** No foreign key: the row outlives the shop's rows it guards until the move deletes it last. */
  shopId: integer("shop_id").primaryKey(),
  fromShard: integer("from_shard").notNull(),
  toShard: integer("to_shard").notNull(),
  phase: text("phase", { enum: MOVE_PHASES }).notNull().default("frozen"),
  /** When the directory named the new shard; the rows here are deleted a route's lifetime later. */
  switchedAt: integer("switched_at"),
  createdAt: createdAt(),
  /** Each step of the copy touches it: a move that made no progress for a while is undone by the cron. */
  updatedAt: updatedAt(),
});

export const idBlocks = sqliteTable("id_blocks", {
  block: integer("block").primaryKey({ autoIncrement: true }),
  shard: integer("shard").notNull(),
  createdAt: createdAt(),
});
