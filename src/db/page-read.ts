/**
 * A page's reads as data: the statements it needs for a shop, and how their results become what
 * the page shows. The admin runs them in the batch that also checks the seller's session and
 * membership (src/admin/page.ts: one round trip); anywhere else `runRead` runs them alone.
 */
import type { SQL } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import { runBatch } from "./batch";
import type { Db } from "./client";

/**
 * The shop a statement filters by: its id, or the SQL that names it. The admin's batch passes the
 * shop of the seller's session and membership, checked in SQL by every statement
 * (src/auth/session.ts `sessionShopSql`): a page's statements read nothing for a stranger.
 */
export type ShopRef = number | SQL;

type Items = readonly [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

export interface PageRead<T> {
  statements(db: Db, shop: ShopRef): readonly BatchItem<"sqlite">[];
  shape(results: readonly unknown[]): T;
  /** Its statements read the directory's tables (src/db/shards.ts: custom domains), not the shop's shard. */
  directory?: true;
}

/** A page's read, typed end to end: `shape` receives exactly what `statements` returns. */
export function pageRead<S extends Items, T>(statements: (db: Db, shop: ShopRef) => S, shape: (results: BatchResponse<S>) => T): PageRead<T> {
  return { statements, shape: shape as unknown as PageRead<T>["shape"] };
}

/** The same read, its data passed through `f` (to carry what the page was asked for beside it). */
export function mapRead<T, U>(read: PageRead<T>, f: (data: T) => U): PageRead<U> {
  return { statements: read.statements, shape: (results) => f(read.shape(results)) };
}

/** The same read, run on the directory (its tables are the directory's: src/db/shards.ts). */
export const onDirectory = <T>(read: PageRead<T>): PageRead<T> => ({ ...read, directory: true });

/** A page that shows only the shop's record: no statement of its own. */
export const nothingToRead: PageRead<undefined> = { statements: () => [], shape: () => undefined };

/** Runs a page's read alone, in one round trip (none for nothingToRead), for a shop known by its id. */
export async function runRead<T>(db: Db, shopId: number, read: PageRead<T>): Promise<T> {
  return read.shape(await runBatch(db, [...read.statements(db, shopId)]));
}
