/**
 * Product listings (all products, a collection, search results) paged by KEYSET: the cursor is
 * the sort value and id of the last card shown, so page 50 costs what page 1 does.
 */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { collectionProducts, collections, products } from "../db/schema";
import { cardColumns, type CardRow } from "./cards";
import { navQuery, pagesQuery, type Chrome, type Scope } from "./storefront-chrome";

export const SORTS = ["newest", "price-asc", "price-desc"] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 24;

/** The position after which a page starts: (sort value, id) of the previous page's last card. */
export interface Cursor {
  value: number;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return `${c.value}_${c.id}`;
}

export function decodeCursor(s: string): Cursor | null {
  const m = /^(\d{1,15})_(\d{1,15})$/.exec(s);
  return m ? { value: Number(m[1]), id: Number(m[2]) } : null;
}

function order(sort: Sort) {
  if (sort === "price-asc") return [asc(products.price), asc(products.id)];
  if (sort === "price-desc") return [desc(products.price), desc(products.id)];
  return [desc(products.createdAt), desc(products.id)];
}

function after(sort: Sort, c: Cursor): SQL {
  if (sort === "price-asc") return sql`(${products.price}, ${products.id}) > (${c.value}, ${c.id})`;
  if (sort === "price-desc") return sql`(${products.price}, ${products.id}) < (${c.value}, ${c.id})`;
  return sql`(${products.createdAt}, ${products.id}) < (${c.value}, ${c.id})`;
}

export function cursorOf(sort: Sort, row: CardRow): Cursor {
  return { value: sort === "newest" ? row.createdAt : row.price, id: row.id };
}

export interface ListingQuery {
  sort: Sort;
  after: Cursor | null;
  /** Extra condition on products (a collection, a search match). */
  filter?: SQL;
}

/** One page of cards plus one extra row that tells whether a next page exists. */
export function cardsQuery({ db, shopId }: Scope, q: ListingQuery) {
  return db
    .select(cardColumns)
    .from(products)
    .where(and(eq(products.shopId, shopId), eq(products.status, "active"), q.filter, q.after ? after(q.sort, q.after) : undefined))
    .orderBy(...order(q.sort))
    .limit(PAGE_SIZE + 1);
}

export interface Listing extends Chrome {
  cards: CardRow[];
  /** Cursor of the next page, or null on the last page. */
  next: Cursor | null;
}

export function page(sort: Sort, rows: CardRow[]): { cards: CardRow[]; next: Cursor | null } {
  const cards = rows.slice(0, PAGE_SIZE);
  const last = cards[cards.length - 1];
  return { cards, next: rows.length > PAGE_SIZE && last ? cursorOf(sort, last) : null };
}

/** All active products of the shop. */
export async function loadAllProducts(scope: Scope, sort: Sort, cursor: Cursor | null): Promise<Listing> {
  const [nav, pageRows, rows] = await scope.db.batch([
    navQuery(scope),
    pagesQuery(scope),
    cardsQuery(scope, { sort, after: cursor }),
  ]);
  return { nav, pages: pageRows, ...page(sort, rows) };
}

export interface CollectionListing extends Listing {
  collection: { title: string; slug: string; description: string } | null;
}

/** A collection by slug and one page of its products, in one round trip. */
export function inCollection(shopId: number, slug: string): SQL {
  // EXISTS on the (collection_id, product_id) primary key: the scan in sort order stops after
  // one page, instead of first gathering every product id of a large collection.
  const collectionId = sql`(SELECT c.id FROM collections c WHERE c.shop_id = ${shopId} AND c.slug = ${slug})`;
  return sql`EXISTS (SELECT 1 FROM ${collectionProducts} cp WHERE cp.collection_id = ${collectionId} AND cp.product_id = ${products.id} AND cp.shop_id = ${shopId})`;
}

export async function loadCollection(scope: Scope, slug: string, sort: Sort, cursor: Cursor | null): Promise<CollectionListing> {
  const { db, shopId } = scope;
  const [nav, pageRows, found, rows] = await db.batch([
    navQuery(scope),
    pagesQuery(scope),
    db
      .select({ title: collections.title, slug: collections.slug, description: collections.description })
      .from(collections)
      .where(and(eq(collections.shopId, shopId), eq(collections.slug, slug)))
      .limit(1),
    cardsQuery(scope, { sort, after: cursor, filter: inCollection(shopId, slug) }),
  ]);
  return { nav, pages: pageRows, collection: found[0] ?? null, ...page(sort, rows) };
}
