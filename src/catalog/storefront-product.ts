/** A product page's data (product, variants, photos, its first collection) in one round trip. */
import { and, asc, eq, sql } from "drizzle-orm";
import { collectionProducts, collections, productImages, products, variants } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import type { Scope } from "./storefront-chrome";

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
  variants: {
    id: number;
    title: string;
    option1: string | null;
    option2: string | null;
    option3: string | null;
    sku: string | null;
    price: number;
    compareAtPrice: number | null;
    stock: number;
  }[];
  images: { key: string; widths: string; width: number; height: number; format: "webp" | "jpeg" | "png"; alt: string }[];
  collection: { title: string; slug: string } | null;
}

export const MAX_IMAGES = 10;

const shopId = ph("shopId");
const productId = sql`(SELECT ${products.id} FROM ${products} WHERE ${products.shopId} = ${shopId} AND ${products.slug} = ${ph("slug")} AND ${products.status} = 'active')`;

const product = template((db) =>
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
    })
    .from(products)
    .where(and(eq(products.shopId, shopId), eq(products.slug, ph("slug")), eq(products.status, "active")))
    .limit(1),
);

const productVariants = template((db) =>
  db
    .select({
      id: variants.id,
      title: variants.title,
      option1: variants.option1,
      option2: variants.option2,
      option3: variants.option3,
      sku: variants.sku,
      price: variants.price,
      compareAtPrice: variants.compareAtPrice,
      stock: variants.stock,
    })
    .from(variants)
    .where(and(eq(variants.shopId, shopId), eq(variants.productId, productId)))
    .orderBy(asc(variants.position), asc(variants.id))
    .limit(100),
);

const productImagesOf = template((db) =>
  db
    .select({
      key: productImages.key,
      widths: productImages.widths,
      width: productImages.width,
      height: productImages.height,
      format: productImages.format,
      alt: productImages.alt,
    })
    .from(productImages)
    .where(and(eq(productImages.shopId, shopId), eq(productImages.productId, productId)))
    .orderBy(asc(productImages.position), asc(productImages.id))
    .limit(MAX_IMAGES),
);

const firstCollection = template((db) =>
  db
    .select({ title: collections.title, slug: collections.slug })
    .from(collectionProducts)
    .innerJoin(collections, eq(collections.id, collectionProducts.collectionId))
    .where(and(eq(collectionProducts.shopId, shopId), eq(collectionProducts.productId, productId), eq(collections.shopId, shopId)))
    .orderBy(asc(collections.position), asc(collections.id))
    .limit(1),
);

export async function loadProduct({ db, shopId: id }: Scope, slug: string): Promise<ProductData> {
  const values = { shopId: id, slug };
  const [found, variantRows, imageRows, coll] = await runTemplates(db, [
    product.bind(values),
    productVariants.bind(values),
    productImagesOf.bind(values),
    firstCollection.bind(values),
  ]);
  return { product: found[0] ?? null, variants: variantRows, images: imageRows, collection: coll[0] ?? null };
}
