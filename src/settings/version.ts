/** Storefront caches are keyed by shops.version: every change a customer can see bumps it. */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { shops } from "../db/schema";
import { invalidateShop } from "../tenancy/shop-cache";

/** The statement that bumps the version (to put in the same batch as the change). */
export const bumpVersionStmt = (db: Db, shopId: number) =>
  db.update(shops).set({ version: sql`${shops.version} + 1`, updatedAt: Date.now() }).where(eq(shops.id, shopId));

/** Bumps the version and drops the isolate's cached shop record. */
export async function touchShop(db: Db, shop: { id: number; slug: string }): Promise<void> {
  await bumpVersionStmt(db, shop.id);
  invalidateShop(shop.slug);
}
