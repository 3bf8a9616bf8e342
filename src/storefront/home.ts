/**
 * The home page's data in one statement: the featured collection (the seller's first
 * collection) with its products, and the newest products, each folded into a JSON column of
 * the shop's row. The header's collections come with the shop record; the featured collection
 * is the first of them.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { collectionProducts, collections, products, shops } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { cardColumns, cardsJson, parseCards, type CardRow } from "../products/cards";
import type { Scope } from "../db/client";

const FEATURED_LIMIT = 8;
const NEW_ARRIVALS_LIMIT = 12;

export interface HomeData {
  featured: { title: string; slug: string; cards: CardRow[] } | null;
  newArrivals: CardRow[];
}

const shopId = ph("shopId");
const firstCollection = sql`(SELECT ${collections.id} FROM ${collections} WHERE ${collections.shopId} = ${shopId} ORDER BY ${collections.position}, ${collections.id} LIMIT 1)`;

const home = template((db) => {
  const featured = db
    .select({ ...cardColumns, pos: sql<number>`${collectionProducts.position}`.as("pos") })
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
    .limit(FEATURED_LIMIT);
  const newest = db
    .select(cardColumns)
    .from(products)
    .where(and(eq(products.shopId, shopId), eq(products.status, "active")))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(NEW_ARRIVALS_LIMIT);
  return db
    .select({ featured: cardsJson(featured, "position").as("featured"), newest: cardsJson(newest, "newest").as("newest") })
    .from(shops)
    .where(eq(shops.id, shopId));
});

/** `first` is the shop's first collection (from the chrome), whose products are featured. */
export async function loadHome({ db, shopId: id }: Scope, first: { title: string; slug: string } | undefined): Promise<HomeData> {
  const [[row]] = await runTemplates(db, [home.bind({ shopId: id })]);
  const featuredCards = parseCards(row?.featured);
  return {
    featured: first && featuredCards.length ? { title: first.title, slug: first.slug, cards: featuredCards } : null,
    newArrivals: parseCards(row?.newest),
  };
}
