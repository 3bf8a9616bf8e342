/** A product page's data (product, variants, photos, its first collection) in one statement. */
import { and, eq, sql } from "drizzle-orm";
import { products } from "../db/schema";
import { unfold } from "../db/folded";
import { ph, runTemplates, template } from "../db/template";
import { MAX_PHOTOS } from "../products/form";
import type { VariantFields } from "../products/products";
import type { Scope } from "../db/client";

export interface ProductData {
  product: {
    id: number;
    slug: string;
    title: string;
    description: string;
    vendor: string;
    options: string;
    trackStock: boolean;
    price: number;
    compareAtPrice: number | null;
    updatedAt: number;
  } | null;
  variants: (VariantFields & { id: number })[];
  images: { key: string; widths: string; width: number; height: number; format: "webp" | "jpeg" | "png"; alt: string }[];
  collection: { title: string; slug: string } | null;
}

/** The product page shows every photo a product may have. */
const MAX_IMAGES = MAX_PHOTOS;

/*
 * The product's row with its variants, photos and first collection folded into JSON columns by
 * correlated subqueries (src/db/folded.ts): the whole page is one statement. The json_array
 * items follow VARIANT_KEYS and IMAGE_KEYS. Variants are capped like the admin caps them (MAX_VARIANTS).
 */
const variantsJson = sql<string>`(SELECT json_group_array(json_array(id, title, option1, option2, option3, sku, price, compare_at_price, stock) ORDER BY position, id)
  FROM (SELECT v.id, v.title, v.option1, v.option2, v.option3, v.sku, v.price, v.compare_at_price, v.stock, v.position FROM variants v
        WHERE v.shop_id = "products"."shop_id" AND v.product_id = "products"."id" ORDER BY v.position, v.id LIMIT 100))`;
const imagesJson = sql<string>`(SELECT json_group_array(json_array(key, widths, width, height, format, alt) ORDER BY position, id)
  FROM (SELECT pi.key, pi.widths, pi.width, pi.height, pi.format, pi.alt, pi.position, pi.id FROM product_images pi
        WHERE pi.shop_id = "products"."shop_id" AND pi.product_id = "products"."id" ORDER BY pi.position, pi.id LIMIT ${sql.raw(String(MAX_IMAGES))}))`;
const collectionJson = sql<string | null>`(SELECT json_array(c.title, c.slug) FROM collection_products cp JOIN collections c ON c.id = cp.collection_id
  WHERE cp.shop_id = "products"."shop_id" AND cp.product_id = "products"."id" AND c.shop_id = "products"."shop_id" ORDER BY c.position, c.id LIMIT 1)`;

const productPage = template((db) =>
  db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      description: products.description,
      vendor: products.vendor,
      options: products.options,
      trackStock: products.trackStock,
      price: products.price,
      compareAtPrice: products.compareAtPrice,
      updatedAt: products.updatedAt,
      variants: variantsJson.as("variants_json"),
      images: imagesJson.as("images_json"),
      collection: collectionJson.as("collection_json"),
    })
    .from(products)
    .where(and(eq(products.shopId, ph("shopId")), eq(products.slug, ph("slug")), eq(products.status, "active")))
    .limit(1),
);

type Variant = ProductData["variants"][number];
type Image = ProductData["images"][number];
const VARIANT_KEYS = ["id", "title", "option1", "option2", "option3", "sku", "price", "compareAtPrice", "stock"] as const satisfies readonly (keyof Variant)[];
const IMAGE_KEYS = ["key", "widths", "width", "height", "format", "alt"] as const satisfies readonly (keyof Image)[];

export async function loadProduct({ db, shopId }: Scope, slug: string): Promise<ProductData> {
  const [[row]] = await runTemplates(db, [productPage.bind({ shopId, slug })]);
  if (!row) return { product: null, variants: [], images: [], collection: null };
  const { variants, images, collection, ...product } = row;
  const [first] = unfold<{ title: string; slug: string }>(collection && `[${collection}]`, ["title", "slug"]);
  return { product, variants: unfold<Variant>(variants, VARIANT_KEYS), images: unfold<Image>(images, IMAGE_KEYS), collection: first ?? null };
}
