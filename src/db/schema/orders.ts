/** Checkout and order tables: delivery zones, orders, their items and history. */
import { sql, type AnyColumn } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { LOCALES } from "../../i18n";
import { PAYMENT_METHODS } from "../../payments";
import { PAYMENT_MOVES, PAYMENT_STATES, statesSql } from "../../payments/states";
import { shopId } from "./platform";

export const deliveryZones = sqliteTable(
  "delivery_zones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
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

/** An order's confirmation by the customer: not asked, asked and awaited, given. */
export const CONFIRMATIONS = ["none", "awaiting", "confirmed"] as const;

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
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
    /**
     * The payment's state (src/payments/states.ts), apart from the fulfilment status; payment_status
     * (pending|paid) is kept in step for what still reads it. No CHECK: an added column, no rebuild.
     */
    paymentState: text("payment_state", { enum: PAYMENT_STATES }).notNull().default("unpaid"),
    /** The customer's screenshot of her transfer: its R2 key under the shop's prefix; "" for none. */
    paymentProof: text("payment_proof").notNull().default(""),
    customerName: text("customer_name").notNull(),
    customerPhone: text("customer_phone").notNull(),
    city: text("city").notNull(),
    address: text("address").notNull(),
    note: text("note").notNull().default(""),
    zoneId: integer("zone_id"),
    zoneName: text("zone_name").notNull().default(""),
    subtotal: integer("subtotal").notNull(),
    /** What its discounts took off the lines (order_discounts says which); a waived delivery fee is in delivery_fee. */
    discount: integer("discount").notNull().default(0),
    deliveryFee: integer("delivery_fee").notNull().default(0),
    total: integer("total").notNull(),
    currency: text("currency").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    courier: text("courier").notNull().default(""),
    trackingNumber: text("tracking_number").notNull().default(""),
    /** Whether the customer is asked to confirm (a COD order while the shop asks), and did (src/orders/confirmation.ts). */
    confirmation: text("confirmation", { enum: CONFIRMATIONS }).notNull().default("none"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_shop_number_uq").on(t.shopId, t.number),
    uniqueIndex("orders_shop_idem_uq").on(t.shopId, t.idempotencyKey),
    uniqueIndex("orders_token_uq").on(t.token),
    index("orders_shop_id_idx").on(t.shopId, t.id),
    index("orders_shop_status_idx").on(t.shopId, t.status, t.id),
    // A phone's orders newest first (the list's search by phone, a customer's page), and, carried
    // in the index so that the order page's risk signals read no order row: when and where to.
    index("orders_shop_phone_idx").on(t.shopId, t.customerPhone, t.id, t.createdAt, t.city),
    index("orders_shop_created_idx").on(t.shopId, t.createdAt),
    /**
     * The orders asked to confirm, by status: the list's "not confirmed" filter walks only those still
     * new. `confirmation` is a column too, not only the WHERE: three equalities are what make the
     * planner prefer it to orders_shop_status_idx (without statistics it counts those, not rows).
     */
    index("orders_shop_awaiting_idx").on(t.shopId, t.confirmation, t.status, t.id, t.createdAt).where(sql`${t.confirmation} = 'awaiting'`),
    check("orders_total_nonneg", sql`${t.total} >= 0`),
    // What couriers still owe (src/settlements): delivered orders whose payment is not received yet.
    index("orders_shop_owed_idx").on(t.shopId, t.id).where(sql`${t.status} = 'delivered' AND ${t.paymentState} IN (${statesSql(PAYMENT_MOVES.received.from)})`),
  ],
);

/** A row that belongs to one order: deleting the order deletes the row. */
const orderRef = () => integer("order_id")
  .notNull()
  .references(() => orders.id, { onDelete: "cascade" });

export const orderItems = sqliteTable(
  "order_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    orderId: orderRef(),
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
    shopId: shopId(),
    orderId: orderRef(),
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

/**
 * Orders per status per shop, maintained by triggers on `orders` (see migrations/0002): the
 * admin's status counts and the new-orders badge read a few rows instead of counting a shop's
 * 100,000 orders on every page.
 */
export const orderCounts = sqliteTable(
  "order_counts",
  {
    shopId: shopId(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.status] }), check("order_counts_nonneg", sql`${t.n} >= 0`)],
);

/**
 * The badge on the admin's Orders tab: the orders waiting for the seller of the shop whose id is
 * `shopId` (its `new` count), as the field `new_orders`. An integer, mapped as order_counts.n so
 * that a folded read carries it as it is (src/db/template.ts).
 */
export const newOrdersOf = (shopId: AnyColumn) =>
  sql<number>`coalesce((SELECT ${orderCounts.n} FROM ${orderCounts} WHERE ${orderCounts.shopId} = ${shopId} AND ${orderCounts.status} = 'new'), 0)`.mapWith(orderCounts.n).as("new_orders");
