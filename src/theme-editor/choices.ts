/**
 * What the theme form's pickers offer (./ThemePage.tsx): the shop's collections, all of them (at
 * most MAX_COLLECTIONS) in her order, for a drop-down; and its newest live products, for the
 * suggestions of the product field (a featured product is most often a new one; any other is
 * pasted as a link, as before). A page's read: the theme page asks it in the batch of the
 * seller's session check (src/admin/page.ts), one round trip.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { MAX_COLLECTIONS } from "../collections/schema";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { collections, products } from "../db/schema";
import type { Db, Scope } from "../db/client";

/** How many of the newest products the product field suggests. */
export const SUGGESTED_PRODUCTS = 50;

/** A collection or product offered by a picker: its web name (what the setting stores) and title. */
interface Choice {
  slug: string;
  title: string;
}

export interface ThemeChoices {
  collections: Choice[];
  products: Choice[];
}

/** Her live products, newest first (by products_shop_status_new_idx): the suggestions, and the product preview's pick (./preview.ts). */
export const newestLive = (db: Db, shop: ShopRef, limit: number) =>
  db
    .select({ slug: products.slug, title: products.title })
    .from(products)
    .where(and(eq(products.shopId, shop), eq(products.status, "active")))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(limit);

export const themeChoicesRead = pageRead(
  (db, shop) =>
    [
      db.select({ slug: collections.slug, title: collections.title }).from(collections).where(eq(collections.shopId, shop)).orderBy(asc(collections.position), asc(collections.id)).limit(MAX_COLLECTIONS),
      newestLive(db, shop, SUGGESTED_PRODUCTS),
    ] as const,
  ([cs, ps]): ThemeChoices => ({ collections: cs, products: ps }),
);

/** The same read alone (a post's page: the session was read first). */
export const themeChoices = ({ db, shopId }: Scope): Promise<ThemeChoices> => runRead(db, shopId, themeChoicesRead);
