/**
 * Storefront caches are keyed by shops.version: every change a customer can see bumps it, in the
 * same D1 batch as the change (atomic: no change lands without its bump, no bump without its
 * change). This file is the only place that writes `version + 1`:
 *
 * - a change to the shop's own row (details, payments, theme) sets `versionBump()` beside its
 *   columns, in its one UPDATE;
 * - a change to another table (products, photos, pages, collections, zones) puts
 *   `bumpVersionStmt()` in its batch, after the statement that changes what is seen.
 *
 * The isolate's cached shop record is dropped by the admin after every write it serves
 * (src/admin/load-shop.ts: forgetShopAfterWrites), never by domain code.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { shops } from "../db/schema";

/** The columns of shops a change sets to bump the version. */
export const versionBump = () => ({ version: sql`${shops.version} + 1`, updatedAt: Date.now() });

/**
 * The statement that bumps the version (to put in the same batch as the change). With
 * `ifChanged`, only when the batch's previous statement changed a row (SQLite's changes(): a
 * batch runs its statements in order on one connection), so a change refused by its own
 * WHERE (a cap reached, another shop's id, a move that moves nothing) leaves the shop as it
 * was; with `when`, only when that condition holds.
 */
export const bumpVersionStmt = (db: Db, shopId: number, opts: { ifChanged?: boolean; when?: SQL } = {}) =>
  db
    .update(shops)
    .set(versionBump())
    .where(and(eq(shops.id, shopId), opts.ifChanged ? sql`changes() > 0` : undefined, opts.when));
