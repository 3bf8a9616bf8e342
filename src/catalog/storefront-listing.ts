/**
 * Product listings (all products, a collection, search results) paged by KEYSET: the cursor is
 * the sort value and id of the last card shown, so page 50 costs what page 1 does. Each shape
 * of listing (sort, with or without a cursor, filter) is a query template built once.
 */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { collectionProducts, collections, products } from "../db/schema";
import { ph, runTemplates, template, templates, type Values } from "../db/template";
import { cardColumns, type CardRow } from "./cards";
import type { Scope } from "./storefront-chrome";

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

function after(sort: Sort): SQL {
  const c = sql`(${ph("afterValue")}, ${ph("afterId")})`;
  if (sort === "price-asc") return sql`(${products.price}, ${products.id}) > ${c}`;
  if (sort === "price-desc") return sql`(${products.price}, ${products.id}) < ${c}`;
  return sql`(${products.createdAt}, ${products.id}) < ${c}`;
}

export function cursorOf(sort: Sort, row: CardRow): Cursor {
  return { value: sort === "newest" ? row.createdAt : row.price, id: row.id };
}

/** Extra conditions on products, each with the placeholders it needs. */
const FILTERS = {
  none: undefined,
  /*
   * EXISTS on the (collection_id, product_id) primary key: the scan in sort order stops after
   * one page, instead of first gathering every product id of a large collection.
   */
  collection: sql`EXISTS (SELECT 1 FROM ${collectionProducts} cp WHERE cp.collection_id = (SELECT c.id FROM collections c WHERE c.shop_id = ${ph("shopId")} AND c.slug = ${ph("slug")}) AND cp.product_id = ${products.id} AND cp.shop_id = ${ph("shopId")})`,
  /** Words looked up in the FTS5 index (migrations/0001_search_fts.sql); `match` from ftsQuery(). */
  search: sql`${products.id} IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ${ph("match")})`,
} as const;
export type Filter = keyof typeof FILTERS;

type Shape = `${Sort}|${"first" | "after"}|${Filter}`;

/** One page of cards plus one extra row that tells whether a next page exists. */
export const cardsTemplate = templates((db, shape: Shape) => {
  const [sort, from, filter] = shape.split("|") as [Sort, "first" | "after", Filter];
  return db
    .select(cardColumns)
    .from(products)
    .where(and(eq(products.shopId, ph("shopId")), eq(products.status, "active"), FILTERS[filter], from === "after" ? after(sort) : undefined))
    .orderBy(...order(sort))
    .limit(PAGE_SIZE + 1);
});

/** The bound statement of one listing page. */
export function cardsPage(shopId: number, sort: Sort, cursor: Cursor | null, filter: Filter, values: Values = {}) {
  const shape: Shape = `${sort}|${cursor ? "after" : "first"}|${filter}`;
  const at = cursor ? { afterValue: cursor.value, afterId: cursor.id } : {};
  return cardsTemplate(shape).bind({ shopId, ...values, ...at });
}

export interface Listing {
  cards: CardRow[];
  /** Cursor of the next page, or null on the last page. */
  next: Cursor | null;
}

export function page(sort: Sort, rows: CardRow[]): Listing {
  const cards = rows.slice(0, PAGE_SIZE);
  const last = cards[cards.length - 1];
  return { cards, next: rows.length > PAGE_SIZE && last ? cursorOf(sort, last) : null };
}

/** All active products of the shop. */
export async function loadAllProducts({ db, shopId }: Scope, sort: Sort, cursor: Cursor | null): Promise<Listing> {
  const [rows] = await runTemplates(db, [cardsPage(shopId, sort, cursor, "none")]);
  return page(sort, rows);
}

export interface CollectionListing extends Listing {
  collection: { title: string; slug: string; description: string } | null;
}

const collectionBySlug = template((db) =>
  db
    .select({ title: collections.title, slug: collections.slug, description: collections.description })
    .from(collections)
    .where(and(eq(collections.shopId, ph("shopId")), eq(collections.slug, ph("slug"))))
    .limit(1),
);

/** A collection by slug and one page of its products, in one round trip. */
export async function loadCollection({ db, shopId }: Scope, slug: string, sort: Sort, cursor: Cursor | null): Promise<CollectionListing> {
  const [found, rows] = await runTemplates(db, [collectionBySlug.bind({ shopId, slug }), cardsPage(shopId, sort, cursor, "collection", { slug })]);
  return { collection: found[0] ?? null, ...page(sort, rows) };
}
