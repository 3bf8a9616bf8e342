/** Catalogue tables: products, variants, photos, collections, content pages. */
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { shopId } from "./platform";

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: ["draft", "active", "archived"] }).notNull().default("active"),
    vendor: text("vendor").notNull().default(""),
    productType: text("product_type").notNull().default(""),
    tags: text("tags").notNull().default(""),
    /** JSON array of up to 3 option names, e.g. ["Size","Colour"]. */
    options: text("options").notNull().default("[]"),
    trackStock: integer("track_stock", { mode: "boolean" }).notNull().default(true),
    /** Lowest variant price and its compare-at price, kept in step with the variants for sorting. */
    price: integer("price").notNull().default(0),
    compareAtPrice: integer("compare_at_price"),
    /** Manual order in the admin and the default collection order (ascending). */
    position: integer("position").notNull().default(0),
    /*
     * What a product card shows, kept by triggers (migrations/0004_product_cards.sql) so that a
     * listing reads one row per card: the first photo packed as "key|widths|width|height|format|alt"
     * (src/media/urls.ts parsePacked), and 1 unless stock is tracked and every variant is at 0.
     * Never written by the app.
     */
    cardImage: text("card_image"),
    inStock: integer("in_stock").notNull().default(1),
    /** The highest variant price, kept by triggers (migrations/triggers/product-cards.sql): a card says "from" when it is above `price`. Never written by the app. */
    maxPrice: integer("max_price").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("products_shop_slug_uq").on(t.shopId, t.slug),
    index("products_shop_status_new_idx").on(t.shopId, t.status, t.createdAt, t.id),
    index("products_shop_status_price_idx").on(t.shopId, t.status, t.price, t.id),
    index("products_shop_position_idx").on(t.shopId, t.position, t.id),
    check("products_price_nonneg", sql`${t.price} >= 0`),
  ],
);

/** A row that belongs to one product: deleting the product deletes the row. */
const productRef = () => integer("product_id")
  .notNull()
  .references(() => products.id, { onDelete: "cascade" });

export const variants = sqliteTable(
  "variants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    productId: productRef(),
    /** "M / Red"; "Default" for a product without options. */
    title: text("title").notNull().default("Default"),
    option1: text("option1"),
    option2: text("option2"),
    option3: text("option3"),
    sku: text("sku"),
    price: integer("price").notNull(),
    compareAtPrice: integer("compare_at_price"),
    stock: integer("stock").notNull().default(0),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("variants_shop_product_idx").on(t.shopId, t.productId, t.position),
    uniqueIndex("variants_shop_sku_uq")
      .on(t.shopId, t.sku)
      .where(sql`${t.sku} IS NOT NULL AND ${t.sku} <> ''`),
    check("variants_stock_nonneg", sql`${t.stock} >= 0`),
    check("variants_price_nonneg", sql`${t.price} >= 0`),
  ],
);

export const productImages = sqliteTable(
  "product_images",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    productId: productRef(),
    /** R2 key prefix `shops/{shopId}/{sha256}`; objects are `{key}/{width}.{ext}`. */
    key: text("key").notNull(),
    /** Comma-separated stored widths, ascending, e.g. "320,640,1280". */
    widths: text("widths").notNull(),
    /** File format of every stored width: the browser sends WebP; seeds and old browsers may send others. */
    format: text("format", { enum: ["webp", "jpeg", "png"] }).notNull().default("webp"),
    /** Intrinsic size of the largest stored width. */
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    alt: text("alt").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("product_images_shop_product_idx").on(t.shopId, t.productId, t.position)],
);

/**
 * A photo uploaded from the new-product form before the product exists (src/products/pending.ts):
 * its objects are in R2 under the shop's prefix like any photo; the product's create batch turns
 * the row into a product_images row and deletes it. Rows past `expires_at` are swept with their
 * objects (unless a product or the theme uses the same bytes).
 */
export const pendingUploads = sqliteTable(
  "pending_uploads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    /** The form it was chosen on: a random token the new-product form carries (caps a form's uploads). */
    form: text("form").notNull(),
    key: text("key").notNull(),
    widths: text("widths").notNull(),
    format: text("format", { enum: ["webp", "jpeg", "png"] }).notNull().default("webp"),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pending_uploads_shop_form_idx").on(t.shopId, t.form), index("pending_uploads_shop_expires_idx").on(t.shopId, t.expiresAt)],
);

export const collections = sqliteTable(
  "collections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("collections_shop_slug_uq").on(t.shopId, t.slug),
    index("collections_shop_position_idx").on(t.shopId, t.position),
  ],
);

export const collectionProducts = sqliteTable(
  "collection_products",
  {
    shopId: shopId(),
    collectionId: integer("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    productId: productRef(),
    position: integer("position").notNull().default(0),
    /*
     * Copies of the product's sort keys, kept by triggers (migrations/0003_collection_sort_keys.sql)
     * so that a collection page seeks in the collection's own index in the customer's order,
     * however few of the shop's products the collection holds. Never written by the app.
     */
    productStatus: text("product_status", { enum: ["draft", "active", "archived"] }).notNull().default("draft"),
    productCreatedAt: integer("product_created_at").notNull().default(0),
    productPrice: integer("product_price").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.productId] }),
    index("collection_products_shop_coll_idx").on(t.shopId, t.collectionId, t.position),
    // With collection_id: a product's collections in order, from the index alone (LINE_FACT, src/pricing/facts.ts: every
    // checkout and order reads them; without it SQLite walked a sorted index of the whole shop's memberships).
    index("collection_products_shop_product_idx").on(t.shopId, t.productId, t.collectionId),
    index("collection_products_new_idx").on(t.shopId, t.collectionId, t.productStatus, t.productCreatedAt, t.productId),
    index("collection_products_price_idx").on(t.shopId, t.collectionId, t.productStatus, t.productPrice, t.productId),
  ],
);

export const pages = sqliteTable(
  "pages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    /** Plain text; line breaks kept, links made clickable when shown. */
    body: text("body").notNull().default(""),
    published: integer("published", { mode: "boolean" }).notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("pages_shop_slug_uq").on(t.shopId, t.slug)],
);
