/**
 * The home page's data in one round trip: the featured collection (the seller's first
 * collection) with its products, the newest products and the chrome.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { collectionProducts, collections, products } from "../db/schema";
import { cardColumns, type CardRow } from "./cards";
import { navQuery, pagesQuery, type Chrome, type Scope } from "./storefront-chrome";

export const FEATURED_LIMIT = 8;
export const NEW_ARRIVALS_LIMIT = 12;

export interface HomeData extends Chrome {
  featured: { title: string; slug: string; cards: CardRow[] } | null;
  newArrivals: CardRow[];
}

export async function loadHome(scope: Scope): Promise<HomeData> {
  const { db, shopId } = scope;
  const firstCollection = sql`(SELECT ${collections.id} FROM ${collections} WHERE ${collections.shopId} = ${shopId} ORDER BY ${collections.position}, ${collections.id} LIMIT 1)`;
  const [nav, pageRows, featuredCards, newest] = await db.batch([
    navQuery(scope),
    pagesQuery(scope),
    db
      .select(cardColumns)
      .from(collectionProducts)
      .innerJoin(products, eq(products.id, collectionProducts.productId))
      .where(
        and(
          eq(collectionProducts.shopId, shopId),
          eq(collectionProducts.collectionId, firstCollection),
          eq(products.shopId, shopId),
          eq(products.status, "active"),
        ),
      )
      .orderBy(asc(collectionProducts.position), desc(products.id))
      .limit(FEATURED_LIMIT),
    db
      .select(cardColumns)
      .from(products)
      .where(and(eq(products.shopId, shopId), eq(products.status, "active")))
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(NEW_ARRIVALS_LIMIT),
  ]);
  const first = nav[0];
  return {
    nav,
    pages: pageRows,
    featured: first && featuredCards.length ? { title: first.title, slug: first.slug, cards: featuredCards } : null,
    newArrivals: newest,
  };
}
