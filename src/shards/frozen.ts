/**
 * What a write that spans shops does about a shop being moved (src/shards/move.ts): the database
 * refuses any write to a moving shop's rows, and one refused row aborts the whole statement. A
 * statement that writes many shops' rows at once (the outbox's claim) leaves the moving shop's
 * out instead, so the other shops' work goes on; the move carries those rows to the new shard.
 */
import { sql, type SQLWrapper } from "drizzle-orm";
import { causeChainIncludes } from "../db/errors";
import { shopMoves } from "../db/schema";

/** The rows of `shopIdColumn` whose shop is not being moved out of this database (NULL: not a shop's row). */
export const notMoving = (shopIdColumn: SQLWrapper) => sql`NOT EXISTS (SELECT 1 FROM ${shopMoves} WHERE ${shopMoves.shopId} = ${shopIdColumn} AND ${shopMoves.phase} <> 'deleting')`;

/** The message the freeze's triggers raise (migrations/triggers/shop-moves.sql; a test writes to a frozen shop and checks it). */
const SHOP_MOVING = "hatti: shop moving";

/** D1 refused the write: the shop is being moved to another shard (try again in a minute). */
export const isShopMoving = (err: unknown): boolean => causeChainIncludes(err, SHOP_MOVING);
