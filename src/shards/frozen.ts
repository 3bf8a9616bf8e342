/**
 * What a write that spans shops does about a shop being moved (src/shards/move.ts): the database
 * refuses any write to a moving shop's rows, and one refused row aborts the whole statement. A
 * statement that writes many shops' rows at once (the outbox's claim, the visits' flush) leaves the
 * moving shop's out instead, so the other shops' work goes on; the move carries those rows to the
 * new shard (a moving shop's visits counted meanwhile are not kept: a minute of counts).
 */
import { sql, type SQLWrapper } from "drizzle-orm";
import { causeChainIncludes } from "../db/errors";
import { forgetRoute } from "../tenancy/routes";
import { invalidateShop } from "../tenancy/shop-cache";

/** The condition, around a shop id column (as the freeze's triggers test it: migrations/triggers/shop-moves.sql). */
const [BEFORE, AFTER] = ["NOT EXISTS (SELECT 1 FROM shop_moves WHERE shop_moves.shop_id = ", " AND shop_moves.phase <> 'deleting')"];

/** The rows of `shopIdColumn` whose shop is not being moved out of this database (NULL: not a shop's row). */
export const notMoving = (shopIdColumn: SQLWrapper) => sql`${sql.raw(BEFORE)}${shopIdColumn}${sql.raw(AFTER)}`;

/** The same for a statement written as SQL text (`column`: e.g. "s.id"). */
export const notMovingSql = (column: string) => BEFORE + column + AFTER;

/** The message the freeze's triggers raise (migrations/triggers/shop-moves.sql; a test writes to a frozen shop and checks it). */
const SHOP_MOVING = "hatti: shop moving";

/** D1 refused the write: the shop is being moved to another shard (try again in a minute). */
export const isShopMoving = (err: unknown): boolean => causeChainIncludes(err, SHOP_MOVING);

/**
 * After a write was refused because the shop is moving: this isolate forgets where the shop lives,
 * so the customer's next try reads the directory, which names the new shard once the move switched
 * (else the route would stand for its minute).
 */
export function forgetMovingShop(slug: string | undefined): void {
  if (!slug) return;
  forgetRoute(slug);
  invalidateShop(slug);
}
