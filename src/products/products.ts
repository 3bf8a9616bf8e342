/**
 * Products for the seller admin: list, read for editing, create and update (each save is one
 * atomic batch: product row, variants, collection links and the shop's version bump). No HTTP here.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import type { BatchResponse } from "drizzle-orm/batch";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { collectionChoicesQuery } from "../collections/collections";
import { isUniqueViolation } from "../db/errors";
import { collectionProducts, productImages, products, variants } from "../db/schema";
import { randomSuffix, slugify, uniqueSlug } from "../db/slugs";
import { inList, insertChunks, runBatch, type Stmt } from "../db/batch";
import { linkProductToCollections, setProductCollections } from "../collections/memberships";
import { bumpVersionStmt } from "../tenancy/version";
import { cardColumns } from "./cards";
import { attachPendingStmts } from "./pending";

export type ProductStatus = "draft" | "active" | "archived";

/** What a variant is, as the seller edits it and the storefront shows it. */
export type VariantFields = Pick<typeof variants.$inferSelect, "title" | "option1" | "option2" | "option3" | "sku" | "price" | "compareAtPrice" | "stock">;

export interface VariantInput extends VariantFields {
  /** An existing variant kept by this save (its id stays, so carts and orders keep pointing at it). */
  id?: number;
}

export interface ProductInput {
  title: string;
  description: string;
  status: ProductStatus;
  trackStock: boolean;
  /** Up to 3 option names, e.g. ["Size", "Colour"]. */
  options: string[];
  variants: VariantInput[];
  collectionIds: number[];
  vendor?: string;
  productType?: string;
  tags?: string;
  /** New products only: photos uploaded ahead from the form (pending_uploads ids), in her order. */
  pendingPhotos?: number[];
}

export class DuplicateSkuError extends Error {
  constructor(readonly skus: string[]) {
    super("duplicate sku");
  }
}

export interface ListFilter {
  q?: string;
  status?: ProductStatus | "";
  offset?: number;
  limit?: number;
}

/** The first photo, packed (the correlated sub-query qualifies the outer table by name). */
const firstImage = cardColumns.image;

/** One page of the admin list (manual order) with each product's variants: one round trip. */
/**
 * The admin's product list's read: a page of products and their variants, in one round trip (the
 * variants' statement picks the page's products by the same filter, order and bounds, by key).
 */
export const productListRead = (f: ListFilter = {}) =>
  pageRead(
    (db, shopId) => {
      const limit = f.limit ?? 50;
      const conds = [eq(products.shopId, shopId)];
      if (f.status) conds.push(eq(products.status, f.status));
      const q = f.q?.trim();
      if (q) {
        // instr(), not LIKE: a pattern built from the search would be refused by D1 past 50 bytes.
        // lower() folds ASCII only, as LIKE did; % and _ are plain characters.
        conds.push(
          or(
            sql`instr(lower(${products.title}), lower(${q})) > 0`,
            sql`EXISTS (SELECT 1 FROM variants v WHERE v.shop_id = ${shopId} AND v.product_id = "products"."id" AND v.sku = ${q})`,
          )!,
        );
      }
      const where = and(...conds);
      const order = [asc(products.position), desc(products.id)] as const;
      const pageIds = db.select({ id: products.id }).from(products).where(where).orderBy(...order).limit(limit).offset(f.offset ?? 0);
      return [
        db
          .select({ id: products.id, title: products.title, slug: products.slug, status: products.status, price: products.price, trackStock: products.trackStock, image: firstImage })
          .from(products)
          .where(where)
          .orderBy(...order)
          .limit(limit + 1)
          .offset(f.offset ?? 0),
        db
          .select({ id: variants.id, productId: variants.productId, title: variants.title, price: variants.price, stock: variants.stock })
          .from(variants)
          .where(and(eq(variants.shopId, shopId), inArray(variants.productId, pageIds)))
          .orderBy(asc(variants.position), asc(variants.id)),
      ] as const;
    },
    ([rows, vs]) => {
      const page = rows.slice(0, f.limit ?? 50);
      return { products: page.map((p) => ({ ...p, variants: vs.filter((v) => v.productId === p.id) })), more: rows.length > page.length };
    },
  );

export function listProducts(db: Db, shopId: number, f: ListFilter = {}) {
  return runRead(db, shopId, productListRead(f));
}
export type ListedProduct = Awaited<ReturnType<typeof listProducts>>["products"][number];

/** The product, its variants, photos and collection ids: four statements of one batch. */
const editStatements = (db: Db, shopId: ShopRef, id: number) =>
  [
    db.select().from(products).where(and(eq(products.shopId, shopId), eq(products.id, id))),
    db.select().from(variants).where(and(eq(variants.shopId, shopId), eq(variants.productId, id))).orderBy(asc(variants.position), asc(variants.id)),
    db.select().from(productImages).where(and(eq(productImages.shopId, shopId), eq(productImages.productId, id))).orderBy(asc(productImages.position), asc(productImages.id)),
    db.select({ id: collectionProducts.collectionId }).from(collectionProducts).where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.productId, id))),
  ] as const;

function editable([p, vs, imgs, links]: BatchResponse<ReturnType<typeof editStatements>>) {
  const product = p[0];
  if (!product) return null;
  let options: string[] = [];
  try {
    options = JSON.parse(product.options) as string[];
  } catch {
    options = [];
  }
  return { product, options, variants: vs, images: imgs, collectionIds: links.map((l) => l.id) };
}

/** A product with its variants, photos and collection ids, or null (not in this shop). */
export async function productForEdit(db: Db, shopId: number, id: number) {
  return editable(await db.batch(editStatements(db, shopId, id)));
}

/** The edit page's read: the product (null: not in this shop) and the shop's collections to pick from, one round trip. */
export const productEditRead = (id: number) =>
  pageRead(
    (db, shop) => [...editStatements(db, shop, id), collectionChoicesQuery(db, shop)] as const,
    ([p, vs, imgs, links, collections]) => ({ loaded: editable([p, vs, imgs, links]), collections }),
  );
/** The new product's form: the shop's collections to pick from, one statement. */
export const newProductRead = pageRead(
  (db, shop) => [collectionChoicesQuery(db, shop)] as const,
  ([collections]) => collections,
);
export type EditableProduct = NonNullable<Awaited<ReturnType<typeof productForEdit>>>;

/** SKUs among `skus` already used by another product of the shop. */
async function takenSkus(db: Db, shopId: number, skus: string[], exceptProductId?: number): Promise<string[]> {
  const list = [...new Set(skus.filter(Boolean))];
  if (!list.length) return [];
  const conds = [eq(variants.shopId, shopId), inList(variants.sku, list)];
  if (exceptProductId) conds.push(sql`${variants.productId} <> ${exceptProductId}`);
  const rows = await db.select({ sku: variants.sku }).from(variants).where(and(...conds)).all();
  return rows.map((r) => r.sku!).filter(Boolean);
}

const cheapest = (vs: VariantInput[]) => vs.reduce((a, b) => (b.price < a.price ? b : a));

export function productValues(input: ProductInput) {
  const low = cheapest(input.variants);
  return {
    title: input.title,
    description: input.description,
    status: input.status,
    trackStock: input.trackStock,
    options: JSON.stringify(input.options),
    price: low.price,
    compareAtPrice: low.compareAtPrice,
    vendor: input.vendor ?? "",
    productType: input.productType ?? "",
    tags: input.tags ?? "",
  };
}

function variantRows(shopId: number, productId: number | ReturnType<typeof sql>, vs: VariantInput[], from = 0) {
  return vs.map((v, i) => ({
    shopId,
    productId: productId as number,
    title: v.title,
    option1: v.option1,
    option2: v.option2,
    option3: v.option3,
    sku: v.sku || null,
    price: v.price,
    compareAtPrice: v.compareAtPrice,
    stock: v.stock,
    position: from + i,
  }));
}

export function insertVariants(db: Db, shopId: number, productId: number | ReturnType<typeof sql>, vs: { v: VariantInput; pos: number }[]): Stmt[] {
  return insertChunks(vs, (part) => db.insert(variants).values(part.map(({ v, pos }) => variantRows(shopId, productId, [v], pos)[0]!)));
}

/** Only collections of this shop may be linked: ids of other shops are dropped. */
export function ownCollections(ids: number[], allowed: number[]): number[] {
  const set = new Set(allowed);
  return [...new Set(ids)].filter((id) => set.has(id));
}

/**
 * Creates a product in one batch, with the photos uploaded ahead for it (in her order) attached
 * in the same batch; throws DuplicateSkuError when a SKU is already used in the shop.
 */
export async function createProduct(db: Db, shopId: number, input: ProductInput): Promise<{ id: number; slug: string }> {
  const taken = await takenSkus(db, shopId, input.variants.map((v) => v.sku ?? ""));
  if (taken.length) throw new DuplicateSkuError(taken);
  for (let attempt = 0; attempt < 2; attempt++) {
    const slug = attempt === 0 ? await uniqueSlug(db, products, shopId, slugify(input.title)) : `${slugify(input.title)}-${randomSuffix()}`;
    const pid = sql`(SELECT ${products.id} FROM ${products} WHERE ${products.shopId} = ${shopId} AND ${products.slug} = ${slug})`;
    const minPos = sql`(SELECT COALESCE(MIN(${products.position}), 0) - 1 FROM ${products} WHERE ${products.shopId} = ${shopId})`;
    try {
      const [created] = (await runBatch(db, [
        db.insert(products).values({ shopId, slug, position: minPos as unknown as number, ...productValues(input) }).returning({ id: products.id, slug: products.slug }),
        ...insertVariants(db, shopId, pid, input.variants.map((v, pos) => ({ v, pos }))),
        ...linkProductToCollections(db, shopId, pid, input.collectionIds),
        ...attachPendingStmts(db, shopId, pid, input.pendingPhotos ?? []),
        bumpVersionStmt(db, shopId),
      ])) as [{ id: number; slug: string }[]];
      return created[0]!;
    } catch (err) {
      if (isUniqueViolation(err, "variants.sku")) throw new DuplicateSkuError(input.variants.map((v) => v.sku ?? "").filter(Boolean));
      if (!isUniqueViolation(err, "products.slug") || attempt > 0) throw err;
    }
  }
  throw new Error("unreachable");
}

/** Updates a product in one batch. Returns false when the product is not in this shop. */
export async function updateProduct(db: Db, shopId: number, id: number, input: ProductInput): Promise<boolean> {
  const own = await db.select({ id: variants.id }).from(variants).where(and(eq(variants.shopId, shopId), eq(variants.productId, id))).all();
  const exists = await db.select({ id: products.id }).from(products).where(and(eq(products.shopId, shopId), eq(products.id, id))).get();
  if (!exists) return false;
  const taken = await takenSkus(db, shopId, input.variants.map((v) => v.sku ?? ""), id);
  if (taken.length) throw new DuplicateSkuError(taken);
  const ownIds = new Set(own.map((v) => v.id));
  const kept = input.variants.filter((v) => v.id && ownIds.has(v.id));
  const keptIds = kept.map((v) => v.id!);
  const stmts: Stmt[] = [
    db.update(products).set({ ...productValues(input), updatedAt: Date.now() }).where(and(eq(products.shopId, shopId), eq(products.id, id))),
  ];
  const keptSet = new Set(keptIds);
  const removed = own.map((v) => v.id).filter((vid) => !keptSet.has(vid));
  if (removed.length) stmts.push(db.delete(variants).where(and(eq(variants.shopId, shopId), eq(variants.productId, id), inList(variants.id, removed))));
  input.variants.forEach((v, pos) => {
    if (!v.id || !ownIds.has(v.id)) return;
    const [row] = variantRows(shopId, id, [v], pos);
    stmts.push(db.update(variants).set({ ...row, shopId: undefined, productId: undefined }).where(and(eq(variants.shopId, shopId), eq(variants.id, v.id))));
  });
  const fresh = input.variants.map((v, pos) => ({ v, pos })).filter(({ v }) => !v.id || !ownIds.has(v.id));
  stmts.push(...insertVariants(db, shopId, id, fresh));
  // Only the links that changed: kept ones keep their place in their collection.
  stmts.push(...setProductCollections(db, shopId, id, input.collectionIds));
  stmts.push(bumpVersionStmt(db, shopId));
  try {
    await runBatch(db, stmts);
  } catch (err) {
    if (isUniqueViolation(err, "variants.sku")) throw new DuplicateSkuError(input.variants.map((v) => v.sku ?? "").filter(Boolean));
    throw err;
  }
  return true;
}
