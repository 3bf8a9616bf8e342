/**
 * Collection membership (collection_products) writes, from either side: a product's
 * collections or a collection's products. Each list is ONE JSON parameter read by json_each,
 * so one statement serves any number of ids; ids of another shop are simply not found.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { collectionProducts, collections, products } from "../db/schema";
import type { Stmt } from "./batch";

/** json_each over a list bound as one parameter, aliased `j` (j.value, j.key: its index). */
const eachOf = (ids: readonly number[]) => sql`json_each(${JSON.stringify(ids)}) j`;

/*
 * drizzle checks (at run time; its static type of the check refuses any selection, hence the
 * `as never` below) that an INSERT ... SELECT selects every column of the table in its order. The
 * product's sort keys (status, date, price) are set by the trigger collection_products_keys_ai
 * (migrations/0003): the columns' defaults are written here.
 */
const keysSetByTrigger = { productStatus: sql<"draft" | "active" | "archived">`'draft'`, productCreatedAt: sql<number>`0`, productPrice: sql<number>`0` };

/** SQLite asks INSERT ... SELECT ... ON CONFLICT to have a WHERE (else ON may read as a join's). */
const upsertWhere = sql`true`;

/** Links the product (an id, or a sub-select of a product made in the same batch) to these collections of the shop. */
export function linkProductToCollections(db: Db, shopId: number, productId: number | SQL, collectionIds: readonly number[]): Stmt[] {
  if (!collectionIds.length) return [];
  return [
    db
      .insert(collectionProducts)
      .select((qb) =>
        qb
          .select({ shopId: sql<number>`${shopId}`, collectionId: collections.id, productId: sql<number>`${productId}`, position: sql<number>`0`, ...keysSetByTrigger })
          .from(eachOf(collectionIds))
          .innerJoin(collections, and(eq(collections.id, sql`j.value`), eq(collections.shopId, shopId)))
          .where(upsertWhere) as never,
      )
      .onConflictDoNothing(),
  ];
}

/** Puts these products of the shop in the collection (an id or a sub-select), in the order given. */
export function addProductsToCollection(db: Db, shopId: number, collectionId: number | SQL, productIds: readonly number[]): Stmt[] {
  if (!productIds.length) return [];
  return [
    db
      .insert(collectionProducts)
      .select((qb) =>
        qb
          .select({ shopId: sql<number>`${shopId}`, collectionId: sql<number>`${collectionId}`, productId: products.id, position: sql<number>`j.key`, ...keysSetByTrigger })
          .from(eachOf(productIds))
          .innerJoin(products, and(eq(products.id, sql`j.value`), eq(products.shopId, shopId)))
          .where(upsertWhere) as never,
      )
      .onConflictDoNothing(),
  ];
}
