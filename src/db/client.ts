import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

/**
 * Drizzle over one request's (metered) D1 binding. No `schema` option: the relational query
 * API is not used, and passing the schema walks every table on each request.
 */
export function createDb(d1: D1Database) {
  return drizzle(d1);
}

export type Db = ReturnType<typeof createDb>;
export { schema };
