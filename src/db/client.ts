/**
 * D1 through drizzle, and the Scope every domain function takes ({ db, shopId }). Beside it:
 * atomic batches, capped inserts, query templates, slugs, reordering, D1's errors, and the
 * Sessions API's choice of replica for each request (sessions.ts).
 */
import { drizzle } from "drizzle-orm/d1";

/** The database itself (always the primary) or one request's D1 session (src/db/sessions.ts). */
export type D1Source = D1Database | D1DatabaseSession;

/**
 * Drizzle over one request's (metered) D1 binding or session. No `schema` option: the relational
 * query API is not used, and passing the schema walks every table on each request. Drizzle's D1
 * driver calls only `prepare` and `batch`, which a D1DatabaseSession has too: the one cast.
 */
export function createDb(d1: D1Source) {
  return drizzle(d1 as D1Database);
}

export type Db = ReturnType<typeof createDb>;

/** What a domain function works on: the database and the one shop every query filters by. */
export interface Scope {
  db: Db;
  shopId: number;
}
