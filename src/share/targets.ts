/**
 * What is shared: the shop's address, or a product's (title, price range, main photo). The
 * addresses are built here from the shop's slug and the product's slug, never from a request's
 * query string, so a QR or a poster can only ever point at this shop.
 */
import { and, asc, eq, max, min } from "drizzle-orm";
import { pageRead } from "../db/page-read";
import { productImages, products, variants } from "../db/schema";
import { mediaUrl, type ImageFormat } from "../media/urls";

/** The width of the photo a shared link shows (a preview wants about 1000 px). */
const SHARE_PHOTO_WIDTH = 960;

export const productUrl = (origin: string, slug: string) => `${origin}/products/${encodeURIComponent(slug)}`;

/** The main photo's absolute address, at the stored width nearest above SHARE_PHOTO_WIDTH. */
export function mainPhotoUrl(origin: string, photo: { key: string; widths: string; format: ImageFormat } | undefined): string | undefined {
  if (!photo) return undefined;
  const widths = photo.widths.split(",").map(Number).filter((w) => w > 0).sort((a, b) => a - b);
  const width = widths.find((w) => w >= SHARE_PHOTO_WIDTH) ?? widths.at(-1);
  return width ? origin + mediaUrl(photo.key, width, photo.format) : undefined;
}

export interface SharedProduct {
  title: string;
  slug: string;
  status: "draft" | "active" | "archived";
  low: number;
  high: number;
  photo?: { key: string; widths: string; format: ImageFormat };
}

/** One product of the shop for sharing (null when the shop has no such product), as a page's read: one round trip. */
export const productShareRead = (id: number) =>
  pageRead(
    (db, shop) =>
      [
        db.select({ title: products.title, slug: products.slug, status: products.status, price: products.price }).from(products).where(and(eq(products.shopId, shop), eq(products.id, id))),
        db.select({ low: min(variants.price), high: max(variants.price) }).from(variants).where(and(eq(variants.shopId, shop), eq(variants.productId, id))),
        db
          .select({ key: productImages.key, widths: productImages.widths, format: productImages.format })
          .from(productImages)
          .where(and(eq(productImages.shopId, shop), eq(productImages.productId, id)))
          .orderBy(asc(productImages.position), asc(productImages.id))
          .limit(1),
      ] as const,
    ([rows, range, photos]): SharedProduct | null => {
      const p = rows[0];
      if (!p) return null;
      return { title: p.title, slug: p.slug, status: p.status, low: range[0]?.low ?? p.price, high: range[0]?.high ?? p.price, photo: photos[0] };
    },
  );
