/**
 * Batches and bound parameters. D1 has no interactive transactions (a multi-statement change is
 * one atomic batch) and binds at most MAX_BOUND_PARAMS parameters a statement; drizzle binds
 * defaulted columns too, so the parameters a row costs are read from the statement drizzle
 * builds, never counted by hand. Lists of ids go in as ONE JSON parameter read by json_each.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

export type Stmt = BatchItem<"sqlite">;

/** D1's cap on the parameters bound to one statement. */
export const MAX_BOUND_PARAMS = 100;

export async function runBatch(db: Db, stmts: Stmt[]): Promise<unknown[]> {
  if (!stmts.length) return [];
  return db.batch(stmts as [Stmt, ...Stmt[]]) as Promise<unknown[]>;
}

interface Built {
  toSQL(): { params: unknown[] };
}
const paramsOf = (s: Built) => s.toSQL().params.length;

/**
 * The statements `build` makes for `rows`, each under MAX_BOUND_PARAMS. The rows a statement
 * takes come from the statement itself: `build` of one row and of two (the difference is what
 * a row costs, defaulted columns included; the rest is the statement's own). A statement still
 * over the cap (rows of unequal cost) is halved until it fits.
 */
export function insertChunks<T, S extends Built>(rows: readonly T[], build: (part: T[]) => S): S[] {
  if (!rows.length) return [];
  const one = paramsOf(build([rows[0]!]));
  const perRow = Math.max(1, paramsOf(build([rows[0]!, rows[0]!])) - one);
  const size = Math.max(1, Math.floor((MAX_BOUND_PARAMS - (one - perRow)) / perRow));
  const out: S[] = [];
  const fit = (part: T[]) => {
    const stmt = build(part);
    if (part.length > 1 && paramsOf(stmt) > MAX_BOUND_PARAMS) {
      const half = Math.ceil(part.length / 2);
      fit(part.slice(0, half));
      fit(part.slice(half));
    } else if (paramsOf(stmt) > MAX_BOUND_PARAMS) throw new Error(`one row binds ${paramsOf(stmt)} parameters, over D1's ${MAX_BOUND_PARAMS}`);
    else out.push(stmt);
  };
  for (let i = 0; i < rows.length; i += size) fit(rows.slice(i, i + size));
  return out;
}

/** A list of ids or strings as one bound JSON parameter: `(SELECT value FROM json_each(?))`. */
export const jsonList = (values: readonly (number | string)[]): SQL => sql`(SELECT value FROM json_each(${JSON.stringify(values)}))`;

/** `column IN (the list)`, one bound parameter for any number of values. */
export const inList = (column: SQLiteColumn | SQL, values: readonly (number | string)[]): SQL => sql`${column} IN ${jsonList(values)}`;

