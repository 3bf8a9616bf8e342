/**
 * Product cards for storefront listings: one SELECT with the first photo and the stock
 * state folded in as sub-queries, so a listing is a single statement.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { products } from "../db/schema";

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

/*
 * The sub-queries name "products" explicitly: drizzle renders columns of a single-table select
 * unqualified, which inside a sub-query would bind to the sub-query's own table.
 */
export const cardColumns = {
  id: products.id,
  slug: products.slug,
  title: products.title,
  price: products.price,
  compareAtPrice: products.compareAtPrice,
  createdAt: products.createdAt,
  image: sql<string | null>`(SELECT pi.key || '|' || pi.widths || '|' || pi.width || '|' || pi.height || '|' || pi.format || '|' || pi.alt FROM product_images pi WHERE pi.shop_id = "products"."shop_id" AND pi.product_id = "products"."id" ORDER BY pi.position, pi.id LIMIT 1)`.as(
    "image",
  ),
  inStock: sql<number>`(NOT "products"."track_stock" OR EXISTS (SELECT 1 FROM variants v WHERE v.shop_id = "products"."shop_id" AND v.product_id = "products"."id" AND v.stock > 0))`.as(
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
