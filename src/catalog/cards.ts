/**
 * Product cards for storefront listings: one SELECT with the first photo and the stock
 * state folded in as sub-queries, so a listing is a single statement.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { productImages, products, variants } from "../db/schema";

export interface CardRow {
  id: number;
  slug: string;
  title: string;
  price: number;
  compareAtPrice: number | null;
  createdAt: number;
  /** "key|widths|width|height|format|alt" of the first photo, or null. */
  image: string | null;
  inStock: number;
}

export const cardColumns = {
  id: products.id,
  slug: products.slug,
  title: products.title,
  price: products.price,
  compareAtPrice: products.compareAtPrice,
  createdAt: products.createdAt,
  image: sql<string | null>`(SELECT ${productImages.key} || '|' || ${productImages.widths} || '|' || ${productImages.width} || '|' || ${productImages.height} || '|' || ${productImages.format} || '|' || ${productImages.alt} FROM ${productImages} WHERE ${productImages.shopId} = ${products.shopId} AND ${productImages.productId} = ${products.id} ORDER BY ${productImages.position}, ${productImages.id} LIMIT 1)`.as(
    "image",
  ),
  inStock: sql<number>`(NOT ${products.trackStock} OR EXISTS (SELECT 1 FROM ${variants} WHERE ${variants.shopId} = ${products.shopId} AND ${variants.productId} = ${products.id} AND ${variants.stock} > 0))`.as(
    "in_stock",
  ),
};

/** The newest active products of a shop. */
export function newestCards(db: Db, shopId: number, limit: number) {
  return db
    .select(cardColumns)
    .from(products)
    .where(and(eq(products.shopId, shopId), eq(products.status, "active")))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(limit);
}
