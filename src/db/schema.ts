/**
 * The D1 schema: the single source of truth. Migrations under migrations/ are generated
 * from this file by drizzle-kit (`npm run db:generate`), reviewed and committed.
 *
 * Rules: money is an integer in minor units (paisa); times are integer milliseconds since
 * the epoch; every tenant table carries `shop_id` and every index on it starts with `shop_id`.
 */
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer("created_at").notNull().default(now);
const updatedAt = () => integer("updated_at").notNull().default(now);

// ---------------------------------------------------------------- platform

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull().default(""),
    /** E.164, e.g. +923001234567; null when the user signed up with an email. */
    phone: text("phone"),
    /** Lower-cased; null when the user signed up with a phone number. */
    email: text("email"),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
    passwordHash: text("password_hash").notNull(),
    locale: text("locale", { enum: ["en", "ur"] }).notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_phone_uq").on(t.phone),
    uniqueIndex("users_email_uq").on(t.email),
    check("users_has_login", sql`${t.phone} IS NOT NULL OR ${t.email} IS NOT NULL`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the token in the cookie, hex. The token itself is never stored. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The shop the seller is working on in the admin. */
    shopId: integer("shop_id"),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Fixed-window counters for rate limiting (log-in, sign-up, checkout). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull().default(0),
});

export const shops = sqliteTable(
  "shops",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: ["active", "suspended"] }).notNull().default("active"),
    themeId: text("theme_id").notNull().default("classic"),
    /** JSON, validated against the theme's zod settings schema before it is stored. */
    themeSettings: text("theme_settings").notNull().default("{}"),
    locale: text("locale", { enum: ["en", "ur"] }).notNull().default("en"),
    currency: text("currency").notNull().default("PKR"),
    whatsapp: text("whatsapp").notNull().default(""),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    city: text("city").notNull().default(""),
    description: text("description").notNull().default(""),
    /** JSON: { cod: {enabled}, jazzcash: {enabled, title, number}, easypaisa: {...}, bank: {...} } */
    payments: text("payments").notNull().default('{"cod":{"enabled":true}}'),
    /** The last order number handed out; the next order takes order_seq + 1. */
    orderSeq: integer("order_seq").notNull().default(1000),
    /** Bumped on every change that affects the storefront: the key of every cache. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("shops_slug_uq").on(t.slug)],
);

/** Hosts other than {slug}.ROOT_DOMAIN that serve a shop. */
export const domains = sqliteTable(
  "domains",
  {
    host: text("host").primaryKey(),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("domains_shop_idx").on(t.shopId)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "staff"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

/** A staff invitation: whoever signs up or logs in with this phone/email joins the shop. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    /** E.164 phone or lower-cased email. */
    contact: text("contact").notNull(),
    role: text("role", { enum: ["staff"] }).notNull().default("staff"),
    invitedBy: integer("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_shop_contact_uq").on(t.shopId, t.contact),
    index("invitations_contact_idx").on(t.contact),
  ],
);

// ---------------------------------------------------------------- catalogue

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
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

export const variants = sqliteTable(
  "variants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
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
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
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

export const collections = sqliteTable(
  "collections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
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
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    collectionId: integer("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.productId] }),
    index("collection_products_shop_coll_idx").on(t.shopId, t.collectionId, t.position),
    index("collection_products_shop_product_idx").on(t.shopId, t.productId),
  ],
);

export const pages = sqliteTable(
  "pages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
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

// ---------------------------------------------------------------- checkout

export const deliveryZones = sqliteTable(
  "delivery_zones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    fee: integer("fee").notNull().default(0),
    /** Orders whose subtotal reaches this amount ship free; null: never free. */
    freeAbove: integer("free_above"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("delivery_zones_shop_idx").on(t.shopId, t.position),
    check("delivery_zones_fee_nonneg", sql`${t.fee} >= 0`),
  ],
);

export const ORDER_STATUSES = [
  "new",
  "confirmed",
  "packed",
  "shipped",
  "delivered",
  "cancelled",
  "returned",
] as const;
export const PAYMENT_METHODS = ["cod", "jazzcash", "easypaisa", "bank"] as const;

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    /** Per-shop order number: #1001, #1002, ... from shops.order_seq. */
    number: integer("number").notNull(),
    /** Unguessable token of the customer's status page /orders/{token}. */
    token: text("token").notNull(),
    /** Issued with the checkout form: the same key always yields the same order. */
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("new"),
    paymentMethod: text("payment_method", { enum: PAYMENT_METHODS }).notNull(),
    paymentStatus: text("payment_status", { enum: ["pending", "paid"] })
      .notNull()
      .default("pending"),
    paymentReference: text("payment_reference").notNull().default(""),
    customerName: text("customer_name").notNull(),
    customerPhone: text("customer_phone").notNull(),
    city: text("city").notNull(),
    address: text("address").notNull(),
    note: text("note").notNull().default(""),
    zoneId: integer("zone_id"),
    zoneName: text("zone_name").notNull().default(""),
    subtotal: integer("subtotal").notNull(),
    deliveryFee: integer("delivery_fee").notNull().default(0),
    total: integer("total").notNull(),
    currency: text("currency").notNull(),
    locale: text("locale", { enum: ["en", "ur"] }).notNull().default("en"),
    courier: text("courier").notNull().default(""),
    trackingNumber: text("tracking_number").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_shop_number_uq").on(t.shopId, t.number),
    uniqueIndex("orders_shop_idem_uq").on(t.shopId, t.idempotencyKey),
    uniqueIndex("orders_token_uq").on(t.token),
    index("orders_shop_id_idx").on(t.shopId, t.id),
    index("orders_shop_status_idx").on(t.shopId, t.status, t.id),
    index("orders_shop_phone_idx").on(t.shopId, t.customerPhone),
    index("orders_shop_created_idx").on(t.shopId, t.createdAt),
    check("orders_total_nonneg", sql`${t.total} >= 0`),
  ],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** Kept as plain ids (no foreign key): the order outlives the product. */
    productId: integer("product_id"),
    variantId: integer("variant_id"),
    /** Snapshots at the time of the order. */
    title: text("title").notNull(),
    variantTitle: text("variant_title").notNull().default(""),
    sku: text("sku").notNull().default(""),
    price: integer("price").notNull(),
    quantity: integer("quantity").notNull(),
    /** Whether stock was taken for this line (and so is given back on cancel/return). */
    stockTracked: integer("stock_tracked", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    index("order_items_shop_order_idx").on(t.shopId, t.orderId),
    check("order_items_qty_pos", sql`${t.quantity} > 0`),
  ],
);

export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** created | status | payment | note | shipping */
    kind: text("kind").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    /** Free text (a private note, a tracking number); never shown to customers when private. */
    message: text("message").notNull().default(""),
    private: integer("private", { mode: "boolean" }).notNull().default(false),
    /** Who made the change; null for the customer. */
    actorUserId: integer("actor_user_id"),
    actorName: text("actor_name").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("order_events_shop_order_idx").on(t.shopId, t.orderId, t.id)],
);
