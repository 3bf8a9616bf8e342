/** Product photo rows (product_images) and the clean-up of their R2 objects. No HTTP here. */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { insertBelowCap } from "../db/capped";
import { MAX_PHOTOS } from "../products/form";
import { pendingUploads, productImages, products, shops } from "../db/schema";
import { inList, runBatch } from "../db/batch";
import { moveStatement, type Destination } from "../db/reorder";
import { bumpVersionStmt } from "../tenancy/version";
import { deletePhotoObjects, type StoredPhoto } from "./store";
import type { ImageFormat } from "./urls";

export interface PhotoRef {
  key: string;
  widths: number[];
  format: ImageFormat;
}

export const toRef = (r: { key: string; widths: string; format: ImageFormat }): PhotoRef => ({
  key: r.key,
  widths: r.widths.split(",").map(Number).filter((n) => n > 0),
  format: r.format,
});

/**
 * Adds a photo at `position` (the place she gave it when she chose it: parallel uploads finish
 * in any order) or after the product's last, bumping the version in the same batch; null when the
 * product is not the shop's, "tooMany" when it already has MAX_PHOTOS (counted by the INSERT
 * itself, so racing uploads cannot pass it; then nothing is bumped).
 */
export async function addProductImage(db: Db, shopId: number, productId: number, photo: StoredPhoto, position?: number): Promise<number | null | "tooMany"> {
  const owner = await db.select({ id: products.id }).from(products).where(and(eq(products.shopId, shopId), eq(products.id, productId))).get();
  if (!owner) return null;
  const ofProduct = sql`FROM ${productImages} WHERE ${productImages.shopId} = ${shopId} AND ${productImages.productId} = ${productId}`;
  const last = sql`(SELECT COALESCE(MAX(${productImages.position}), -1) + 1 ${ofProduct})`;
  const row = { shopId, productId, key: photo.key, widths: photo.widths.join(","), format: photo.format, width: photo.width, height: photo.height, alt: "", position: position ?? last };
  const [rows] = (await runBatch(db, [
    insertBelowCap(db, productImages, row, sql`SELECT COUNT(*) ${ofProduct}`, MAX_PHOTOS).returning({ id: productImages.id }),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [{ id: number }[]];
  return rows[0]?.id ?? "tooMany";
}

/** How many photos the product has (to refuse an upload that would pass MAX_PHOTOS before storing it). */
export async function photoCount(db: Db, shopId: number, productId: number): Promise<number> {
  const row = await db.select({ n: sql<number>`COUNT(*)` }).from(productImages).where(and(eq(productImages.shopId, shopId), eq(productImages.productId, productId))).get();
  return row?.n ?? 0;
}

/**
 * Deletes the R2 objects of these photos unless another row of the shop (a duplicated product,
 * a photo waiting on a new-product form) or the shop's theme settings (logo, banner) still use
 * them. Call after the rows are gone.
 */
export async function purgePhotos(db: Db, bucket: R2Bucket, shopId: number, photos: PhotoRef[]): Promise<void> {
  const keys = [...new Set(photos.map((p) => p.key))];
  if (!keys.length) return;
  const [rows, waiting] = await db.batch([
    db.selectDistinct({ key: productImages.key }).from(productImages).where(and(eq(productImages.shopId, shopId), inList(productImages.key, keys))),
    db.selectDistinct({ key: pendingUploads.key }).from(pendingUploads).where(and(eq(pendingUploads.shopId, shopId), inList(pendingUploads.key, keys))),
  ]);
  const still = new Set([...rows, ...waiting].map((r) => r.key));
  const shop = await db.select({ s: shops.themeSettings }).from(shops).where(eq(shops.id, shopId)).get();
  for (const k of keys) if (shop?.s.includes(k)) still.add(k);
  await deletePhotoObjects(bucket, shopId, photos.filter((p) => !still.has(p.key)));
}

/**
 * Deletes one photo: the row with the version bump in one batch, then its objects. False when
 * it is not this shop's photo of this product.
 */
export async function deleteProductImage(db: Db, bucket: R2Bucket, shopId: number, productId: number, imageId: number): Promise<boolean> {
  const where = and(eq(productImages.shopId, shopId), eq(productImages.productId, productId), eq(productImages.id, imageId));
  const [rows] = (await runBatch(db, [
    db.delete(productImages).where(where).returning({ key: productImages.key, widths: productImages.widths, format: productImages.format }),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [{ key: string; widths: string; format: ImageFormat }[]];
  const row = rows[0];
  if (!row) return false;
  await purgePhotos(db, bucket, shopId, [toRef(row)]);
  return true;
}

/**
 * Moves a photo in the product's order (the first is the main photo: the card's and the product
 * page's first), one place or to the first: one batch, the version bumped only when a photo
 * moved. False when not this product's photo.
 */
export async function moveProductImage(db: Db, shopId: number, productId: number, imageId: number, dir: Destination): Promise<boolean> {
  const scope = and(eq(productImages.shopId, shopId), eq(productImages.productId, productId))!;
  const [found] = (await runBatch(db, [
    db.select({ id: productImages.id }).from(productImages).where(and(scope, eq(productImages.id, imageId))),
    moveStatement(db, { table: productImages, key: productImages.id, position: productImages.position, tieBreak: "asc", scope }, imageId, dir),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [unknown[]];
  return found.length > 0;
}

/**
 * Puts the product's photos in the order `ids` (her whole order, the first the main photo): ONE
 * statement that writes only when `ids` is exactly the set of this shop's product's photos (none
 * missing, none added, no repeat), with the version bump in the same batch. False when it is not
 * (another product's or shop's photo, a photo deleted meanwhile): nothing is written. Null when
 * the product is not the shop's.
 */
export async function setPhotoOrder(db: Db, shopId: number, productId: number, ids: number[]): Promise<boolean | null> {
  const owner = await db.select({ id: products.id }).from(products).where(and(eq(products.shopId, shopId), eq(products.id, productId))).get();
  if (!owner) return null;
  if (!ids.length || new Set(ids).size !== ids.length) return false;
  const list = JSON.stringify(ids);
  const scope = and(eq(productImages.shopId, shopId), eq(productImages.productId, productId))!;
  const sameSet = sql`(SELECT COUNT(*) FROM ${productImages} WHERE ${scope}) = ${ids.length}
    AND (SELECT COUNT(*) FROM ${productImages} WHERE ${scope} AND ${productImages.id} IN (SELECT value FROM json_each(${list}))) = ${ids.length}`;
  const [rows] = (await runBatch(db, [
    db
      .update(productImages)
      .set({ position: sql`(SELECT j.key FROM json_each(${list}) j WHERE j.value = ${productImages.id})` })
      .where(and(scope, sameSet))
      .returning({ id: productImages.id }),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [{ id: number }[]];
  return rows.length === ids.length;
}
