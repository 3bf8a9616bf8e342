/**
 * Product listings (all products, a collection, search results) paged by KEYSET: the cursor is
 * the sort value and id of the last card shown, so page 50 costs what page 1 does. Each shape
 * of listing (sort, with or without a cursor, filter) is a query template built once.
 */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { collectionProducts, collections, products } from "../db/schema";
import { ph, runTemplates, templates, type Values } from "../db/template";
import { cardColumns, cardsJson, parseCards, type CardRow } from "../products/cards";
import type { Scope } from "../db/client";

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

/** The sort keys of a listing: the product's own, or their copies in collection_products. */
interface Keys {
  created: SQLiteColumn;
  price: SQLiteColumn;
  id: SQLiteColumn;
}
const PRODUCT_KEYS: Keys = { created: products.createdAt, price: products.price, id: products.id };
const MEMBER_KEYS: Keys = { created: collectionProducts.productCreatedAt, price: collectionProducts.productPrice, id: collectionProducts.productId };

function order(sort: Sort, k: Keys) {
  if (sort === "price-asc") return [asc(k.price), asc(k.id)];
  if (sort === "price-desc") return [desc(k.price), desc(k.id)];
  return [desc(k.created), desc(k.id)];
}

function after(sort: Sort, k: Keys): SQL {
  const c = sql`(${ph("afterValue")}, ${ph("afterId")})`;
  if (sort === "price-asc") return sql`(${k.price}, ${k.id}) > ${c}`;
  if (sort === "price-desc") return sql`(${k.price}, ${k.id}) < ${c}`;
  return sql`(${k.created}, ${k.id}) < ${c}`;
}

function cursorOf(sort: Sort, row: CardRow): Cursor {
  return { value: sort === "newest" ? row.createdAt : row.price, id: row.id };
}

/** Conditions on products, each with the placeholders it needs. */
const FILTERS = {
  none: undefined,
  /** Words looked up in the FTS5 index (migrations/0005_search_per_shop.sql); `match` from ftsQuery(). */
  search: sql`${products.id} IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ${ph("match")})`,
} as const;
export type Filter = keyof typeof FILTERS;

type Shape = `${Sort}|${"first" | "after"}|${Filter}`;

/** One page of cards plus one extra row that tells whether a next page exists. */
const cardsTemplate = templates((db, shape: Shape) => {
  const [sort, from, filter] = shape.split("|") as [Sort, "first" | "after", Filter];
  return db
    .select(cardColumns)
    .from(products)
    .where(and(eq(products.shopId, ph("shopId")), eq(products.status, "active"), FILTERS[filter], from === "after" ? after(sort, PRODUCT_KEYS) : undefined))
    .orderBy(...order(sort, PRODUCT_KEYS))
    .limit(PAGE_SIZE + 1);
});

/** A cursor as the placeholder values of the `after` condition (none on the first page). */
export const cursorValues = (cursor: Cursor | null): Values => (cursor ? { afterValue: cursor.value, afterId: cursor.id } : {});

/** The bound statement of one listing page. */
export function cardsPage(shopId: number, sort: Sort, cursor: Cursor | null, filter: Filter, values: Values = {}) {
  const shape: Shape = `${sort}|${cursor ? "after" : "first"}|${filter}`;
  return cardsTemplate(shape).bind({ shopId, ...values, ...cursorValues(cursor) });
}

export interface Listing {
  cards: CardRow[];
  /** Cursor of the next page, or null on the last page. */
  next: Cursor | null;
}

/** A page from PAGE_SIZE + 1 rows; the extra row means a next page, from the last card's cursor. */
export function pageOf<R extends CardRow>(rows: R[], cursorFor: (last: R) => Cursor): Listing {
  const cards = rows.slice(0, PAGE_SIZE);
  const last = cards[cards.length - 1];
  return { cards, next: rows.length > PAGE_SIZE && last ? cursorFor(last) : null };
}

export const page = (sort: Sort, rows: CardRow[]): Listing => pageOf(rows, (last) => cursorOf(sort, last));

/** All active products of the shop. */
export async function loadAllProducts({ db, shopId }: Scope, sort: Sort, cursor: Cursor | null): Promise<Listing> {
  const [rows] = await runTemplates(db, [cardsPage(shopId, sort, cursor, "none")]);
  return page(sort, rows);
}

export interface CollectionListing extends Listing {
  collection: { title: string; slug: string; description: string } | null;
}

const collectionOfSlug = sql`(SELECT c.id FROM collections c WHERE c.shop_id = ${ph("shopId")} AND c.slug = ${ph("slug")})`;

/**
 * A collection's row with one page of its cards (JSON) in one statement. The cards seek in
 * collection_products (shop, collection, status, sort key, product) and join each card's
 * product: page 1 costs what page 200 does, even for a collection holding only the shop's
 * oldest products (a products-first scan would skip every newer product first).
 */
const collectionTemplate = templates((db, shape: `${Sort}|${"first" | "after"}`) => {
  const [sort, from] = shape.split("|") as [Sort, "first" | "after"];
  const cards = db
    .select(cardColumns)
    .from(collectionProducts)
    .innerJoin(products, eq(products.id, collectionProducts.productId))
    .where(
      and(
        eq(collectionProducts.shopId, ph("shopId")),
        eq(collectionProducts.collectionId, collectionOfSlug),
        eq(collectionProducts.productStatus, "active"),
        eq(products.shopId, ph("shopId")),
        from === "after" ? after(sort, MEMBER_KEYS) : undefined,
      ),
    )
    .orderBy(...order(sort, MEMBER_KEYS))
    .limit(PAGE_SIZE + 1);
  return db
    .select({ title: collections.title, slug: collections.slug, description: collections.description, cards: cardsJson(cards, sort).as("cards") })
    .from(collections)
    .where(and(eq(collections.shopId, ph("shopId")), eq(collections.slug, ph("slug"))))
    .limit(1);
});

/** The bound statement of a collection page (also for EXPLAIN QUERY PLAN in tests). */
export function collectionPage(shopId: number, slug: string, sort: Sort, cursor: Cursor | null) {
  return collectionTemplate(`${sort}|${cursor ? "after" : "first"}`).bind({ shopId, slug, ...cursorValues(cursor) });
}

/** A collection by slug and one page of its products. */
export async function loadCollection({ db, shopId }: Scope, slug: string, sort: Sort, cursor: Cursor | null): Promise<CollectionListing> {
  const [[row]] = await runTemplates(db, [collectionPage(shopId, slug, sort, cursor)]);
  if (!row) return { collection: null, cards: [], next: null };
  const { cards, ...collection } = row;
  return { collection, ...page(sort, parseCards(cards)) };
}
