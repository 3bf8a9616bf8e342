/**
 * Shipments: an order handed to a courier (src/couriers). Written by the seller's "Book" in state
 * `booking`; the queue consumer calls the courier and records its tracking number and label (or
 * the error, with a Retry); the cron's tracking sync moves it on. One open shipment an order.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { orders } from "./orders";
import { shopId } from "./platform";

export const SHIPMENT_STATES = ["booking", "booked", "failed", "in_transit", "delivered", "returned", "cancelled"] as const;

export const shipments = sqliteTable(
  "shipments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** A courier id from the registry (src/couriers/index.ts). */
    courier: text("courier").notNull(),
    state: text("state", { enum: SHIPMENT_STATES }).notNull().default("booking"),
    trackingNumber: text("tracking_number").notNull().default(""),
    /** The courier's own label: a link it gave, and the PDF kept in R2 under the shop's prefix. */
    labelUrl: text("label_url").notNull().default(""),
    labelKey: text("label_key").notNull().default(""),
    weightGrams: integer("weight_grams").notNull(),
    codPaisa: integer("cod_paisa").notNull(),
    /** The courier's own words for where it is ("Out For Delivery"). */
    providerStatus: text("provider_status").notNull().default(""),
    /** Why the last call failed (a Result's reason and detail, never a secret). */
    lastError: text("last_error").notNull().default(""),
    attempts: integer("attempts").notNull().default(0),
    /** When the tracking sync last asked the courier (0: never). */
    checkedAt: integer("checked_at").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("shipments_shop_order_idx").on(t.shopId, t.orderId, t.id),
    // One open shipment an order: a double tap on Book writes one row.
    uniqueIndex("shipments_open_uq").on(t.shopId, t.orderId).where(sql`${t.state} IN ('booking', 'booked', 'failed', 'in_transit')`),
    // The cron's indexes, across shops on purpose (its sweep is of every shop's shipments, so no
    // shop_id first): partial, holding only the open rows it looks for, ordered by when they are
    // due. Every per-shop read (the order's page, a shipment of the shop) goes by
    // shipments_shop_order_idx or the primary key instead (src/couriers/plans.test.ts).
    // The tracking sync's open shipments, least recently asked first.
    index("shipments_sync_idx").on(t.checkedAt, t.id).where(sql`${t.state} IN ('booked', 'in_transit')`),
    // Bookings whose queue job was lost (untouched for a while): the cron enqueues them again.
    index("shipments_booking_idx").on(t.updatedAt).where(sql`${t.state} = 'booking'`),
    // A courier's settlement file names its shipments by tracking number (src/settlements).
    index("shipments_shop_tracking_idx").on(t.shopId, t.courier, t.trackingNumber),
    check("shipments_amounts_nonneg", sql`${t.weightGrams} > 0 AND ${t.codPaisa} >= 0`),
  ],
);
