/** Storefront caches are keyed by shops.version: every change a customer can see bumps it. */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { shops } from "../db/schema";
import { invalidateShop } from "./shop-cache";

/**
 * The statement that bumps the version (to put in the same batch as the change). With
 * `ifChanged`, only when the batch's previous statement changed a row (SQLite's changes(): a
 * batch runs its statements in order on one connection), so a change refused by its own
 * WHERE (a cap reached) leaves the shop as it was; with `when`, only when that condition holds.
 */
export const bumpVersionStmt = (db: Db, shopId: number, opts: { ifChanged?: boolean; when?: SQL } = {}) =>
  db
    .update(shops)
    .set({ version: sql`${shops.version} + 1`, updatedAt: Date.now() })
    .where(and(eq(shops.id, shopId), opts.ifChanged ? sql`changes() > 0` : undefined, opts.when));

/** Bumps the version and drops the isolate's cached shop record. */
export async function touchShop(db: Db, shop: { id: number; slug: string }): Promise<void> {
  await bumpVersionStmt(db, shop.id);
  invalidateShop(shop.slug);
}
