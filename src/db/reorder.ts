/**
 * Manual order (products, collections, a collection's products, a product's photos): move
 * up/down (no drag needed on a phone) or to a place, as ONE statement, however long the list.
 *
 * The statement ranks the list in SQL (ROW_NUMBER over position, then the tie-break), moves the
 * one row to its new rank and gives every row in between the position its neighbour had (LAG,
 * LEAD: no look-up per row): a move of one place writes two rows, a move of k places k + 1, and
 * positions stay distinct. A list whose positions are not all distinct (rows added before positions were kept
 * distinct, a CSV import) is numbered 0..n-1 once. Nothing is read first, so nothing can
 * change between a read and the write.
 */
import { and, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import type { Stmt } from "./batch";

export type Direction = "up" | "down";
/** One place up or down, or to a 0-based place (clamped to the list). */
export type Destination = Direction | { place: number };

export const isDirection = (v: unknown): v is Direction => v === "up" || v === "down";

export interface OrderedList {
  table: SQLiteTable;
  /** The row's key within the list (products.id, collection_products.product_id...). */
  key: SQLiteColumn;
  position: SQLiteColumn;
  /** The order among equal positions, as the list is shown. */
  tieBreak: "asc" | "desc";
  /** Which rows form the list (e.g. shop_id = ?, collection_id = ?), on `table`'s columns. */
  scope: SQL;
}

/** The UPDATE that moves `key` to `to` within the list; it changes nothing when `key` is not in it. */
export function moveStatement(db: Db, list: OrderedList, key: number, to: Destination): Stmt {
  const { table, position, scope } = list;
  const tie = list.tieBreak === "desc" ? sql`DESC` : sql`ASC`;
  const rank = sql`cur.rn`;
  const dest = to === "up" ? sql`${rank} - 1` : to === "down" ? sql`${rank} + 1` : sql`${Math.trunc(to.place)}`;
  // Inside the sub-select, `table`'s columns name its own FROM; outside, the row being updated.
  const moves = sql`(WITH cur AS (
      SELECT k, pos, rn, LAG(pos) OVER w AS before, LEAD(pos) OVER w AS next FROM (
        SELECT ${list.key} AS k, ${position} AS pos, ROW_NUMBER() OVER (ORDER BY ${position}, ${list.key} ${tie}) - 1 AS rn FROM ${table} WHERE ${scope}
      ) WINDOW w AS (ORDER BY rn)
    ), n AS (SELECT count(*) AS total, count(DISTINCT pos) AS uniq FROM cur),
    t AS (SELECT cur.rn AS rn, max(0, min(n.total - 1, ${dest})) AS d FROM cur, n WHERE cur.k = ${key}),
    target AS (SELECT t.rn, t.d, (SELECT pos FROM cur WHERE cur.rn = t.d) AS dpos FROM t)
    SELECT cur.k AS k, CASE
      WHEN n.uniq < n.total THEN CASE WHEN cur.rn = target.rn THEN target.d
        WHEN cur.rn < target.rn AND cur.rn >= target.d THEN cur.rn + 1
        WHEN cur.rn > target.rn AND cur.rn <= target.d THEN cur.rn - 1
        ELSE cur.rn END
      WHEN cur.rn = target.rn THEN target.dpos
      WHEN cur.rn < target.rn THEN cur.next
      ELSE cur.before END AS pos
    FROM cur, target, n WHERE n.uniq < n.total OR cur.rn BETWEEN min(target.rn, target.d) AND max(target.rn, target.d)) m`;
  type Updatable = { set(v: Record<string, SQL>): { from(s: SQL): { where(w: SQL | undefined): Stmt } } };
  const positionKey = Object.entries(table).find(([, c]) => c === position)?.[0];
  if (!positionKey) throw new Error("position is not a column of the table");
  return (db.update(table) as unknown as Updatable)
    .set({ [positionKey]: sql`m.pos` })
    .from(moves)
    .where(and(scope, sql`${list.key} = m.k`, sql`${position} IS NOT m.pos`));
}
