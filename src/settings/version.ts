/** Storefront caches are keyed by shops.version: every change a customer can see bumps it. */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { shops } from "../db/schema";
import { invalidateShop } from "../tenancy/shop-cache";

/**
 * The statement that bumps the version (to put in the same batch as the change). With
 * `ifChanged`, only when the batch's previous statement changed a row (SQLite's changes(): a
 * batch runs its statements in order on one connection), so a change refused by its own
 * WHERE (a cap reached) leaves the shop as it was.
 */
export const bumpVersionStmt = (db: Db, shopId: number, opts: { ifChanged?: boolean } = {}) =>
  db
    .update(shops)
    .set({ version: sql`${shops.version} + 1`, updatedAt: Date.now() })
    .where(opts.ifChanged ? and(eq(shops.id, shopId), sql`changes() > 0`) : eq(shops.id, shopId));

/** Bumps the version and drops the isolate's cached shop record. */
export async function touchShop(db: Db, shop: { id: number; slug: string }): Promise<void> {
  await bumpVersionStmt(db, shop.id);
  invalidateShop(shop.slug);
}
