/**
 * The shop's customers, one row a normalised phone number (orders.customer_phone), kept by the
 * database itself: triggers on `orders` (migrations/triggers/customers.sql) upsert the row when
 * an order is placed and move its counts when an order's status changes, in the statement that
 * changes the order, whatever code path made it (checkout, the seller, the customer's cancel, a
 * restored backup). Only `note` and `tags` are the seller's; every other column is derived.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { shopId } from "./platform";

export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    /** E.164, as checkout's phoneField normalised it: +923001234567. */
    phone: text("phone").notNull(),
    /** The name and city of her latest order. */
    name: text("name").notNull().default(""),
    city: text("city").notNull().default(""),
    orders: integer("orders").notNull().default(0),
    delivered: integer("delivered").notNull().default(0),
    cancelled: integer("cancelled").notNull().default(0),
    returned: integer("returned").notNull().default(0),
    /** Paisa: the totals of her orders that are neither cancelled nor returned. */
    spent: integer("spent").notNull().default(0),
    lastOrderAt: integer("last_order_at").notNull().default(0),
    /** The seller's private note and tags (a JSON array of strings); never shown to the customer. */
    note: text("note").notNull().default(""),
    tags: text("tags").notNull().default("[]"),
    /** Her first order's time; updated_at: the latest change to her orders or to the note and tags. */
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("customers_shop_phone_uq").on(t.shopId, t.phone),
    // The list's two orders, walked by keyset: newest last order first, and biggest spender first.
    index("customers_shop_recent_idx").on(t.shopId, t.lastOrderAt, t.id),
    index("customers_shop_spent_idx").on(t.shopId, t.spent, t.id),
  ],
);
