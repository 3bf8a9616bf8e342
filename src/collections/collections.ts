/** Collections (the storefront navigation groups): list, create, edit with products, order. No HTTP here. */
import { and, asc, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { isUniqueViolation } from "../db/errors";
import { collectionProducts, collections, products } from "../db/schema";
import { randomSuffix, slugify, uniqueSlug } from "../db/slugs";
import { MAX_COLLECTION_PRODUCTS, MAX_COLLECTIONS, MEMBERS_PAGE, PICKER_PAGE } from "./schema";
import { insertBelowCap } from "../db/capped";
import { bumpVersionStmt } from "../tenancy/version";
import { inList, runBatch } from "../db/batch";
import { addProductsToCollection, memberOrder, membersAfter, removeProductsFromCollection } from "./memberships";
import { moveStatement, type Destination } from "../db/reorder";

export interface CollectionInput {
  title: string;
  description: string;
  /** Products to put in the collection (at its end; ones already in it stay where they are). */
  add: number[];
  /** Products to take out of it. Products in neither list are left alone. */
  remove: number[];
}


export interface EditorView {
  /** Search of the products to choose from (title or exact SKU). */
  q: string;
  /** Keyset cursor of the products to choose from: ids below this one (newest first). */
  after?: number;
  /** Page of the members list (1-based). */
  mpage: number;
}

/** The list page's read: the shop's collections in their order, each with its product count. */
export const collectionListRead = pageRead(
  (db, shopId) =>
    [
      db
        .select({
          id: collections.id,
          title: collections.title,
          slug: collections.slug,
          position: collections.position,
          count: sql<number>`(SELECT COUNT(*) FROM collection_products cp WHERE cp.shop_id = "collections"."shop_id" AND cp.collection_id = "collections"."id")`,
        })
        .from(collections)
        .where(eq(collections.shopId, shopId))
        .orderBy(asc(collections.position), asc(collections.id)),
    ] as const,
  ([rows]) => rows,
);
export type ListedCollection = ReturnType<typeof collectionListRead.shape>[number];

/**
 * The editor's data in one round trip: the collection; a page of the shop's products to choose
 * from (newest first, keyset, optionally searched), each marked when it is a member; a page of
 * the members in their order; and how many members there are. Any number of products.
 */
export const collectionEditRead = (id: number | null, view: EditorView) => {
  const cid = id ?? 0;
  const q = view.q.trim();
  return pageRead(
    (db, shopId) => {
      const isMember = sql<number>`EXISTS (SELECT 1 FROM ${collectionProducts} cp WHERE cp.shop_id = ${shopId} AND cp.collection_id = ${cid} AND cp.product_id = ${products.id})`;
      return [
        db.select().from(collections).where(and(eq(collections.shopId, shopId), eq(collections.id, cid))),
        db
          .select({ id: products.id, title: products.title, status: products.status, member: isMember })
          .from(products)
          .where(
            and(
              eq(products.shopId, shopId),
              view.after ? lt(products.id, view.after) : undefined,
              q ? or(sql`instr(lower(${products.title}), lower(${q})) > 0`, sql`EXISTS (SELECT 1 FROM variants v WHERE v.shop_id = ${shopId} AND v.product_id = ${products.id} AND v.sku = ${q})`) : undefined,
            ),
          )
          .orderBy(desc(products.id))
          .limit(PICKER_PAGE + 1),
        db
          .select({ id: products.id, title: products.title, status: products.status })
          .from(collectionProducts)
          .innerJoin(products, and(eq(products.id, collectionProducts.productId), eq(products.shopId, shopId)))
          .where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, cid)))
          .orderBy(asc(collectionProducts.position), desc(collectionProducts.productId))
          .limit(MEMBERS_PAGE + 1)
          .offset((view.mpage - 1) * MEMBERS_PAGE),
        db.select({ n: sql<number>`count(*)` }).from(collectionProducts).where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, cid))),
      ] as const;
    },
    ([c, choices, members, count]) => {
      const page = choices.slice(0, PICKER_PAGE);
      return {
        collection: c[0] ?? null,
        choices: page.map((p) => ({ ...p, member: !!p.member })),
        /** Cursor of the next page of choices, or null. */
        nextAfter: choices.length > PICKER_PAGE ? page[page.length - 1]!.id : null,
        members: members.slice(0, MEMBERS_PAGE),
        moreMembers: members.length > MEMBERS_PAGE,
        /** The 0-based place of the first member listed. */
        firstPlace: (view.mpage - 1) * MEMBERS_PAGE,
        memberCount: count[0]?.n ?? 0,
      };
    },
  );
};

export function collectionForEdit(db: Db, shopId: number, id: number | null, view: EditorView) {
  return runRead(db, shopId, collectionEditRead(id, view));
}
export type CollectionEditorData = Awaited<ReturnType<typeof collectionForEdit>>;

/** Products of the shop among `ids` (unique): what a new collection would hold. */
async function ownCount(db: Db, shopId: number, ids: readonly number[]): Promise<number> {
  if (!ids.length) return 0;
  const row = await db.select({ n: sql<number>`count(DISTINCT ${products.id})` }).from(products).where(and(eq(products.shopId, shopId), inList(products.id, ids))).get();
  return row?.n ?? 0;
}

/** Creates the collection with its products (in the order given), at the end of the menu. "tooMany" past MAX_COLLECTION_PRODUCTS. */
export async function createCollection(db: Db, shopId: number, input: CollectionInput): Promise<{ id: number } | "tooMany" | "tooManyCollections"> {
  if ((await ownCount(db, shopId, input.add)) > MAX_COLLECTION_PRODUCTS) return "tooMany";
  for (let attempt = 0; ; attempt++) {
    const slug = attempt ? `${slugify(input.title, "c")}-${randomSuffix()}` : await uniqueSlug(db, collections, shopId, slugify(input.title, "c"));
    const cid = sql`(SELECT ${collections.id} FROM ${collections} WHERE ${collections.shopId} = ${shopId} AND ${collections.slug} = ${slug})`;
    const pos = sql`(SELECT COALESCE(MAX(${collections.position}), -1) + 1 FROM ${collections} WHERE ${collections.shopId} = ${shopId})`;
    try {
      const count = sql`SELECT COUNT(*) FROM ${collections} WHERE ${collections.shopId} = ${shopId}`;
      const [created] = (await runBatch(db, [
        insertBelowCap(db, collections, { shopId, slug, title: input.title, description: input.description, position: pos }, count, MAX_COLLECTIONS).returning({ id: collections.id }),
        ...addProductsToCollection(db, shopId, cid, input.add),
        bumpVersionStmt(db, shopId, { when: sql`${cid} IS NOT NULL` }),
      ])) as [{ id: number }[]];
      if (!created.length) return "tooManyCollections";
      return { id: created[0]!.id };
    } catch (err) {
      if (attempt > 0 || !isUniqueViolation(err, "collections.slug")) throw err;
    }
  }
}

/**
 * Saves title and description, adds `add` at the end and takes `remove` out, in one batch;
 * every other member keeps its place. "notFound" when the collection is not the shop's,
 * "tooMany" when it would hold more than MAX_COLLECTION_PRODUCTS.
 */
export async function updateCollection(db: Db, shopId: number, id: number, input: CollectionInput): Promise<"ok" | "notFound" | "tooMany"> {
  const after = await membersAfter(db, shopId, id, input.add, input.remove).get();
  if (!after) return "notFound";
  if (after.n > MAX_COLLECTION_PRODUCTS) return "tooMany";
  await runBatch(db, [
    db.update(collections).set({ title: input.title, description: input.description, updatedAt: Date.now() }).where(and(eq(collections.shopId, shopId), eq(collections.id, id))),
    ...removeProductsFromCollection(db, shopId, id, input.remove),
    ...addProductsToCollection(db, shopId, id, input.add),
    bumpVersionStmt(db, shopId),
  ]);
  return "ok";
}

/** Deletes the collection (its links go with it) with the version bump in one batch. False when not the shop's. */
export async function deleteCollection(db: Db, shopId: number, id: number): Promise<boolean> {
  const [rows] = (await runBatch(db, [
    db.delete(collections).where(and(eq(collections.shopId, shopId), eq(collections.id, id))).returning({ id: collections.id }),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [{ id: number }[]];
  return rows.length > 0;
}

/** Moves a collection in the menu: one batch (the check that it is the shop's, the move, the version bump if it moved). */
export async function moveCollection(db: Db, shopId: number, id: number, to: Destination): Promise<boolean> {
  const [found] = (await runBatch(db, [
    db.select({ id: collections.id }).from(collections).where(and(eq(collections.shopId, shopId), eq(collections.id, id))),
    moveStatement(db, { table: collections, key: collections.id, position: collections.position, tieBreak: "asc", scope: eq(collections.shopId, shopId) }, id, to),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [unknown[]];
  return found.length > 0;
}

/** Moves a product within the collection's order: one batch, the version bumped if it moved. False when either is not the shop's or not linked. */
export async function moveMember(db: Db, shopId: number, collectionId: number, productId: number, to: Destination): Promise<boolean> {
  const [found] = (await runBatch(db, [
    db.select({ id: collectionProducts.productId }).from(collectionProducts).where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.collectionId, collectionId), eq(collectionProducts.productId, productId))),
    moveStatement(db, memberOrder(shopId, collectionId), productId, to),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [unknown[]];
  return found.length > 0;
}

/** Id and title of every collection, for the product form's checkboxes. */
export function collectionChoices(db: Db, shopId: number) {
  return collectionChoicesQuery(db, shopId).all();
}

/** The statement of collectionChoices, for a page's batch (the product form's, src/products/products.ts). */
export function collectionChoicesQuery(db: Db, shopId: ShopRef) {
  return db.select({ id: collections.id, title: collections.title }).from(collections).where(eq(collections.shopId, shopId)).orderBy(asc(collections.position), asc(collections.id));
}
