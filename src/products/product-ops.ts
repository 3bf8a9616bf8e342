/** Product actions from the admin list and edit page: duplicate, status, delete, quick edit, reorder. */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { randomSuffix } from "../db/slugs";
import { productImages, products, variants } from "../db/schema";
import { TITLE_MAX } from "./form";
import { toRef, type PhotoRef } from "../media/images";
import { inList, insertChunks, runBatch, type Stmt } from "../db/batch";
import { linkProductToCollections } from "../collections/memberships";
import { productForEdit, type ProductStatus } from "./products";
import { moveStatement, type Destination } from "../db/reorder";
import { bumpVersionStmt } from "../tenancy/version";

/**
 * Copies a product as a draft "<title> (copy)" with its variants (SKUs cleared: they are unique
 * per shop), photos (same R2 objects) and collections, in one batch. Null when not in the shop.
 */
export async function duplicateProduct(db: Db, shopId: number, id: number, suffix: string): Promise<number | null> {
  const src = await productForEdit(db, shopId, id);
  if (!src) return null;
  const p = src.product;
  const slug = `${p.slug.slice(0, 50)}-${randomSuffix()}`;
  const pid = sql`(SELECT ${products.id} FROM ${products} WHERE ${products.shopId} = ${shopId} AND ${products.slug} = ${slug})`;
  const pidN = pid as unknown as number;
  const stmts: Stmt[] = [
    db.insert(products).values({
      shopId,
      slug,
      title: `${p.title} ${suffix}`.slice(0, TITLE_MAX),
      description: p.description,
      status: "draft",
      vendor: p.vendor,
      productType: p.productType,
      tags: p.tags,
      options: p.options,
      trackStock: p.trackStock,
      price: p.price,
      compareAtPrice: p.compareAtPrice,
      position: p.position,
    }),
  ];
  stmts.push(
    ...insertChunks(src.variants, (part) =>
      db.insert(variants).values(part.map((v) => ({ shopId, productId: pidN, title: v.title, option1: v.option1, option2: v.option2, option3: v.option3, sku: null, price: v.price, compareAtPrice: v.compareAtPrice, stock: v.stock, position: v.position }))),
    ),
    ...insertChunks(src.images, (part) =>
      db.insert(productImages).values(part.map((i) => ({ shopId, productId: pidN, key: i.key, widths: i.widths, format: i.format, width: i.width, height: i.height, alt: i.alt, position: i.position }))),
    ),
    ...linkProductToCollections(db, shopId, pid, src.collectionIds),
  );
  await runBatch(db, stmts);
  const created = await db.select({ id: products.id }).from(products).where(and(eq(products.shopId, shopId), eq(products.slug, slug))).get();
  return created?.id ?? null;
}

/** Sets the status, bumping the version in the same batch; false when the product is not in the shop. */
export async function setProductStatus(db: Db, shopId: number, id: number, status: ProductStatus): Promise<boolean> {
  const [rows] = (await runBatch(db, [
    db.update(products).set({ status, updatedAt: Date.now() }).where(and(eq(products.shopId, shopId), eq(products.id, id))).returning({ id: products.id }),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [{ id: number }[]];
  return rows.length > 0;
}

/** Deletes the product (variants, photos, links go with it) in one batch with the version bump; returns its photos, or null. */
export async function deleteProduct(db: Db, shopId: number, id: number): Promise<PhotoRef[] | null> {
  const [imgs, deleted] = (await runBatch(db, [
    db.select({ key: productImages.key, widths: productImages.widths, format: productImages.format }).from(productImages).where(and(eq(productImages.shopId, shopId), eq(productImages.productId, id))),
    db.delete(products).where(and(eq(products.shopId, shopId), eq(products.id, id))).returning({ id: products.id }),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [{ key: string; widths: string; format: "webp" | "jpeg" | "png" }[], { id: number }[]];
  if (!deleted.length) return null;
  return imgs.map(toRef);
}

/** Keeps products.price/compare_at_price equal to the cheapest variant's (used for sorting). */
function syncPrice(db: Db, shopId: number, productId: number): Stmt {
  const cheapest = (col: typeof variants.price | typeof variants.compareAtPrice) =>
    sql`(SELECT ${col} FROM ${variants} WHERE ${variants.shopId} = ${shopId} AND ${variants.productId} = ${productId} ORDER BY ${variants.price}, ${variants.position} LIMIT 1)`;
  return db
    .update(products)
    .set({ price: sql`COALESCE(${cheapest(variants.price)}, ${products.price})`, compareAtPrice: cheapest(variants.compareAtPrice), updatedAt: Date.now() })
    .where(and(eq(products.shopId, shopId), eq(products.id, productId)));
}

export interface QuickEdit {
  /** New price for every variant (only offered when they all share one price). */
  price?: number;
  stocks: { variantId: number; stock: number }[];
}

/** The list's inline edit: stock per variant and one price, in one batch with the version bump. False when not in the shop. */
export async function quickEdit(db: Db, shopId: number, productId: number, edit: QuickEdit): Promise<boolean> {
  const own = await db.select({ id: variants.id }).from(variants).where(and(eq(variants.shopId, shopId), eq(variants.productId, productId))).all();
  if (!own.length) return false;
  const ids = new Set(own.map((v) => v.id));
  const stmts: Stmt[] = [];
  if (edit.price !== undefined)
    stmts.push(db.update(variants).set({ price: edit.price }).where(and(eq(variants.shopId, shopId), eq(variants.productId, productId))));
  for (const s of edit.stocks) {
    if (!ids.has(s.variantId)) continue;
    stmts.push(db.update(variants).set({ stock: s.stock }).where(and(eq(variants.shopId, shopId), eq(variants.id, s.variantId))));
  }
  stmts.push(syncPrice(db, shopId, productId), bumpVersionStmt(db, shopId));
  await runBatch(db, stmts);
  return true;
}

/**
 * Moves a product in the admin list's manual order: ONE batch, whatever the shop's size (the
 * check that it is the shop's, the move). False when not in the shop. No version bump: the
 * storefront never shows this order (its listings sort by date or price; a collection has its
 * own order), so its cached pages stay good.
 */
export async function moveProduct(db: Db, shopId: number, id: number, to: Destination): Promise<boolean> {
  const [found] = (await runBatch(db, [
    db.select({ id: products.id }).from(products).where(and(eq(products.shopId, shopId), eq(products.id, id))),
    moveStatement(db, { table: products, key: products.id, position: products.position, tieBreak: "desc", scope: eq(products.shopId, shopId) }, id, to),
  ])) as [unknown[]];
  return found.length > 0;
}
