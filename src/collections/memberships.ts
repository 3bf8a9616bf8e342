/**
 * Collection membership (collection_products), from either side: a product's collections or a
 * collection's products. A save changes only what changed: a new link goes at the END of its
 * collection (position = the collection's max + 1, computed in SQL), a kept link keeps its
 * position, a removed link is deleted. Each list is ONE JSON parameter read by json_each, so
 * one statement serves any number of ids; ids of another shop are simply not found.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { collectionProducts, collections, products } from "../db/schema";
import { inList, jsonList, type Stmt } from "../db/batch";
import type { OrderedList } from "../db/reorder";

/** json_each over a list bound as one parameter, aliased `j` (j.value, j.key: its index). */
const eachOf = (ids: readonly number[]) => sql`json_each(${JSON.stringify(ids)}) j`;

/** The position after the collection's last product (0 for an empty one); read in the collection's index. */
const endOf = (shopId: number, collectionId: number | SQL | typeof collections.id) =>
  sql<number>`(SELECT COALESCE(MAX(cp.position), -1) + 1 FROM ${collectionProducts} cp WHERE cp.shop_id = ${shopId} AND cp.collection_id = ${collectionId})`;

/*
 * drizzle checks (at run time; its static type of the check refuses any selection, hence the
 * `as never` below) that an INSERT ... SELECT selects every column of the table in its order.
 * The product's sort keys (status, date, price) are set by the trigger
 * collection_products_keys_ai (migrations/0003): the columns' defaults are written here.
 */
const keysSetByTrigger = { productStatus: sql<"draft" | "active" | "archived">`'draft'`, productCreatedAt: sql<number>`0`, productPrice: sql<number>`0` };

/** SQLite asks INSERT ... SELECT ... ON CONFLICT to have a WHERE (else ON may read as a join's). */
const upsertWhere = sql`true`;

/**
 * Links the product (an id, or a sub-select of a product made in the same batch) to these
 * collections of the shop, each at the end of its collection; a link that exists is left alone.
 */
export function linkProductToCollections(db: Db, shopId: number, productId: number | SQL, collectionIds: readonly number[]): Stmt[] {
  if (!collectionIds.length) return [];
  return [
    db
      .insert(collectionProducts)
      .select((qb) =>
        qb
          .select({ shopId: sql<number>`${shopId}`, collectionId: collections.id, productId: sql<number>`${productId}`, position: endOf(shopId, collections.id), ...keysSetByTrigger })
          .from(eachOf(collectionIds))
          .innerJoin(collections, and(eq(collections.id, sql`j.value`), eq(collections.shopId, shopId)))
          .where(upsertWhere) as never,
      )
      .onConflictDoNothing(),
  ];
}

/**
 * The product's collections become exactly these: links to others are deleted, new ones go at
 * the end of their collection, kept ones keep their position (a featured section keeps its order).
 */
export function setProductCollections(db: Db, shopId: number, productId: number, collectionIds: readonly number[]): Stmt[] {
  const scope = and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.productId, productId));
  return [
    db.delete(collectionProducts).where(collectionIds.length ? and(scope, sql`${collectionProducts.collectionId} NOT IN ${jsonList(collectionIds)}`) : scope),
    ...linkProductToCollections(db, shopId, productId, collectionIds),
  ];
}

/**
 * Adds these products of the shop to the collection (an id or a sub-select), after its last
 * product in the order given; one already there stays where it is.
 */
export function addProductsToCollection(db: Db, shopId: number, collectionId: number | SQL, productIds: readonly number[]): Stmt[] {
  if (!productIds.length) return [];
  return [
    db
      .insert(collectionProducts)
      .select((qb) =>
        qb
          .select({ shopId: sql<number>`${shopId}`, collectionId: sql<number>`${collectionId}`, productId: products.id, position: sql<number>`${endOf(shopId, collectionId)} + j.key`, ...keysSetByTrigger })
          .from(eachOf(productIds))
          .innerJoin(products, and(eq(products.id, sql`j.value`), eq(products.shopId, shopId)))
          // A collection looked up in the same batch may not have been made (its cap reached).
          .where(typeof collectionId === "number" ? upsertWhere : sql`${collectionId} IS NOT NULL`) as never,
      )
      .onConflictDoNothing(),
  ];
}

export function removeProductsFromCollection(db: Db, shopId: number, collectionId: number, productIds: readonly number[]): Stmt[] {
  if (!productIds.length) return [];
  return [db.delete(collectionProducts).where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, collectionId), inList(collectionProducts.productId, productIds)))];
}

/**
 * How many products the collection would hold after adding `add` and removing `remove` (the
 * shop's own products only), on the collection's row: no row when it is not the shop's.
 */
export function membersAfter(db: Db, shopId: number, collectionId: number, add: readonly number[], remove: readonly number[]) {
  const kept = sql`SELECT cp.product_id FROM ${collectionProducts} cp WHERE cp.shop_id = ${shopId} AND cp.collection_id = ${collectionId} AND cp.product_id NOT IN ${jsonList(remove)}`;
  const added = sql`SELECT p.id FROM ${eachOf(add)} JOIN ${products} p ON p.id = j.value AND p.shop_id = ${shopId}`;
  return db
    .select({ n: sql<number>`(SELECT count(*) FROM (${kept} UNION ${added}))` })
    .from(collections)
    .where(and(eq(collections.shopId, shopId), eq(collections.id, collectionId)));
}

/** A collection's products in their order (as the home page's featured section shows them). */
export const memberOrder = (shopId: number, collectionId: number): OrderedList => ({
  table: collectionProducts,
  key: collectionProducts.productId,
  position: collectionProducts.position,
  tieBreak: "desc",
  scope: and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, collectionId))!,
});
