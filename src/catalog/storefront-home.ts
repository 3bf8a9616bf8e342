/**
 * The home page's data in one round trip: the featured collection (the seller's first
 * collection) with its products, and the newest products. The header's collections come with
 * the shop record; the featured collection is the first of them.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { collectionProducts, collections, products } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { cardColumns, type CardRow } from "./cards";
import type { Scope } from "./storefront-chrome";

export const FEATURED_LIMIT = 8;
export const NEW_ARRIVALS_LIMIT = 12;

export interface HomeData {
  featured: { title: string; slug: string; cards: CardRow[] } | null;
  newArrivals: CardRow[];
}

const shopId = ph("shopId");
const firstCollection = sql`(SELECT ${collections.id} FROM ${collections} WHERE ${collections.shopId} = ${shopId} ORDER BY ${collections.position}, ${collections.id} LIMIT 1)`;

const featured = template((db) =>
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
);

const newest = template((db) =>
  db
    .select(cardColumns)
    .from(products)
    .where(and(eq(products.shopId, shopId), eq(products.status, "active")))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(NEW_ARRIVALS_LIMIT),
);

/** `first` is the shop's first collection (from the chrome), whose products are featured. */
export async function loadHome({ db, shopId: id }: Scope, first: { title: string; slug: string } | undefined): Promise<HomeData> {
  const [featuredCards, newArrivals] = await runTemplates(db, [featured.bind({ shopId: id }), newest.bind({ shopId: id })]);
  return {
    featured: first && featuredCards.length ? { title: first.title, slug: first.slug, cards: featuredCards } : null,
    newArrivals,
  };
}
