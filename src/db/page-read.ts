/**
 * A page's reads as data: the statements it needs for a shop, and how their results become what
 * the page shows. The admin runs them in the batch that also checks the seller's session and
 * membership (src/admin/page.ts: one round trip); anywhere else `runRead` runs them alone.
 *
 * A page asked on every visit can also give its statements as templates (`bind`, built with
 * `slotTemplates`): their SQL is built once per isolate instead of on every request.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import { runBatch } from "./batch";
import type { Db } from "./client";
import { ph, runTemplates, template, type Bound, type Buildable, type Builder, type Template, type Values } from "./template";

/**
 * The shop a statement filters by: its id, or the SQL that names it. The admin's batch passes the
 * shop of the seller's session and membership, checked in SQL by every statement
 * (src/auth/session.ts `sessionShopSql`): a page's statements read nothing for a stranger.
 */
export type ShopRef = number | SQL;

/**
 * The shop as a template names it: `sql` over named placeholders, the same SQL for every run with
 * this `key` (a template is built once per key), and this run's `values` for those placeholders.
 */
export interface ShopSlot {
  readonly key: string;
  readonly sql: SQL;
  readonly values: Values;
}

const byIdSql = sql`${ph("shop.id")}`;
/** The shop known by its id (the session's shop: src/auth/session.ts sessionShopSlot). */
export const shopSlotById = (id: number): ShopSlot => ({ key: "id", sql: byIdSql, values: { "shop.id": id } });

type Items = readonly [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

export interface PageRead<T> {
  statements(db: Db, shop: ShopRef): readonly BatchItem<"sqlite">[];
  /** The same statements as templates bound to this run (optional: SQL built once per isolate). */
  bind?(shop: ShopSlot): readonly Bound<unknown>[];
  shape(results: readonly unknown[]): T;
  /** Its statements read the directory's tables (src/db/shards.ts: custom domains), not the shop's shard. */
  directory?: true;
}

/**
 * A family of a page's templates: one member per shape (`key`, from a small fixed set: which
 * filters are present) and per ShopSlot key, each built once, on first use. `build` names the shop
 * by the SQL it is given and every value by a placeholder; `bound(shop, key, values)` binds one run.
 */
export function slotTemplates<Q extends Buildable>(build: (db: Builder, shop: SQL, key: string) => Q) {
  const members = new Map<string, Template<Awaited<Q>>>();
  return (shop: ShopSlot, key: string, values: Values): Bound<Awaited<Q>> => {
    const k = `${shop.key}|${key}`;
    let t = members.get(k);
    if (!t) members.set(k, (t = template((db) => build(db, shop.sql, key))));
    return t.bind({ ...values, ...shop.values });
  };
}

/** A page's read, typed end to end: `shape` receives exactly what `statements` returns. */
export function pageRead<S extends Items, T>(statements: (db: Db, shop: ShopRef) => S, shape: (results: BatchResponse<S>) => T): PageRead<T> {
  return { statements, shape: shape as unknown as PageRead<T>["shape"] };
}

/** The same read, its data passed through `f` (to carry what the page was asked for beside it). */
export function mapRead<T, U>(read: PageRead<T>, f: (data: T) => U): PageRead<U> {
  return { statements: read.statements, bind: read.bind, shape: (results) => f(read.shape(results)) };
}

/** The same read, run on the directory (its tables are the directory's: src/db/shards.ts). */
export const onDirectory = <T>(read: PageRead<T>): PageRead<T> => ({ ...read, directory: true });

/** A page that shows only the shop's record: no statement of its own. */
export const nothingToRead: PageRead<undefined> = { statements: () => [], bind: () => [], shape: () => undefined };

/** Runs a page's read alone, in one round trip (none for nothingToRead), for a shop known by its id. */
export async function runRead<T>(db: Db, shopId: number, read: PageRead<T>): Promise<T> {
  if (!read.bind) return read.shape(await runBatch(db, [...read.statements(db, shopId)]));
  const bound = read.bind(shopSlotById(shopId));
  return read.shape(bound.length ? await runTemplates(db, bound) : []);
}
