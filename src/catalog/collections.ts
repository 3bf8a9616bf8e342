/** Collections (the storefront navigation groups): list, create, edit with products, order. No HTTP here. */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { collectionProducts, collections, products } from "../db/schema";
import { randomSuffix } from "./admin-money";
import { slugify, uniqueSlug } from "./slugs";
import { isUnique, runBatch, type Stmt } from "./batch";
import { addProductsToCollection } from "./memberships";
import { moved, type Direction } from "./reorder";

export interface CollectionInput {
  title: string;
  description: string;
  productIds: number[];
}

export function listCollections(db: Db, shopId: number) {
  return db
    .select({
      id: collections.id,
      title: collections.title,
      slug: collections.slug,
      position: collections.position,
      count: sql<number>`(SELECT COUNT(*) FROM collection_products cp WHERE cp.shop_id = "collections"."shop_id" AND cp.collection_id = "collections"."id")`,
    })
    .from(collections)
    .where(eq(collections.shopId, shopId))
    .orderBy(asc(collections.position), asc(collections.id))
    .all();
}
export type CollectionRow = Awaited<ReturnType<typeof listCollections>>[number];

/** The collection, its product ids and every product of the shop to choose from: one round trip. */
export async function collectionForEdit(db: Db, shopId: number, id: number | null) {
  const [c, links, all] = await db.batch([
    db.select().from(collections).where(and(eq(collections.shopId, shopId), eq(collections.id, id ?? 0))),
    db.select({ id: collectionProducts.productId }).from(collectionProducts).where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, id ?? 0))),
    db.select({ id: products.id, title: products.title, status: products.status }).from(products).where(eq(products.shopId, shopId)).orderBy(asc(products.position), desc(products.id)).limit(500),
  ]);
  return { collection: c[0] ?? null, productIds: links.map((l) => l.id), products: all };
}

export async function createCollection(db: Db, shopId: number, input: CollectionInput): Promise<number> {
  const productIds = input.productIds;
  for (let attempt = 0; ; attempt++) {
    const slug = attempt ? `${slugify(input.title, "c")}-${randomSuffix()}` : await uniqueSlug(db, collections, shopId, slugify(input.title, "c"));
    const cid = sql`(SELECT ${collections.id} FROM ${collections} WHERE ${collections.shopId} = ${shopId} AND ${collections.slug} = ${slug})`;
    const pos = sql`(SELECT COALESCE(MAX(${collections.position}), -1) + 1 FROM ${collections} WHERE ${collections.shopId} = ${shopId})`;
    try {
      const [created] = (await runBatch(db, [
        db.insert(collections).values({ shopId, slug, title: input.title, description: input.description, position: pos as unknown as number }).returning({ id: collections.id }),
        ...addProductsToCollection(db, shopId, cid, productIds),
      ])) as [{ id: number }[]];
      return created[0]!.id;
    } catch (err) {
      if (attempt > 0 || !isUnique(err, "collections.slug")) throw err;
    }
  }
}

/** Saves title, description and products in one batch. False when not in the shop. */
export async function updateCollection(db: Db, shopId: number, id: number, input: CollectionInput): Promise<boolean> {
  const found = await db.select({ id: collections.id }).from(collections).where(and(eq(collections.shopId, shopId), eq(collections.id, id))).get();
  if (!found) return false;
  const productIds = input.productIds;
  await runBatch(db, [
    db.update(collections).set({ title: input.title, description: input.description, updatedAt: Date.now() }).where(and(eq(collections.shopId, shopId), eq(collections.id, id))),
    db.delete(collectionProducts).where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, id))),
    ...addProductsToCollection(db, shopId, id, productIds),
  ]);
  return true;
}

export async function deleteCollection(db: Db, shopId: number, id: number): Promise<boolean> {
  const rows = await db.delete(collections).where(and(eq(collections.shopId, shopId), eq(collections.id, id))).returning({ id: collections.id });
  return rows.length > 0;
}

export async function moveCollection(db: Db, shopId: number, id: number, dir: Direction): Promise<boolean> {
  const rows = await db.select({ id: collections.id, position: collections.position }).from(collections).where(eq(collections.shopId, shopId)).orderBy(asc(collections.position), asc(collections.id)).all();
  const changes = moved(rows, id, dir);
  if (!changes) return false;
  await runBatch(db, changes.map((c) => db.update(collections).set({ position: c.position }).where(and(eq(collections.shopId, shopId), eq(collections.id, c.id)))));
  return true;
}

/** Id and title of every collection, for the product form's checkboxes. */
export function collectionChoices(db: Db, shopId: number) {
  return db.select({ id: collections.id, title: collections.title }).from(collections).where(eq(collections.shopId, shopId)).orderBy(asc(collections.position), asc(collections.id)).all();
}
