/**
 * D1 through drizzle, and the Scope every domain function takes ({ db, shopId }). Beside it:
 * atomic batches, capped inserts, query templates, slugs, reordering and D1's errors.
 */
import { drizzle } from "drizzle-orm/d1";

/**
 * Drizzle over one request's (metered) D1 binding. No `schema` option: the relational query
 * API is not used, and passing the schema walks every table on each request.
 */
export function createDb(d1: D1Database) {
  return drizzle(d1);
}

export type Db = ReturnType<typeof createDb>;

/** What a domain function works on: the database and the one shop every query filters by. */
export interface Scope {
  db: Db;
  shopId: number;
}
