/**
 * Discounts: codes a customer types or follows a link with (`/?code=EID10`) and automatic ones
 * (no code), and the discounts each order took. The rule that prices a cart with them lives in
 * one place, src/pricing/; the order's batch only verifies in SQL that the facts it used still
 * hold (src/checkout/order-writes.ts) and counts the use in the same batch.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DISCOUNT_KINDS, DISCOUNT_SCOPES } from "../../pricing/kinds";
import { createdAt, updatedAt } from "./columns";
import { orders } from "./orders";
import { shopId } from "./platform";

/** The kinds (percent, amount, free_delivery) and scopes (order, products, collections) are src/pricing/kinds.ts's lists. */
export { DISCOUNT_KINDS, DISCOUNT_SCOPES };

export const discounts = sqliteTable(
  "discounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    /** Upper-cased as saved and as looked up, so codes are case-insensitive; null: automatic. */
    code: text("code"),
    /** What the seller calls it, and what the customer sees for an automatic discount. */
    title: text("title").notNull().default(""),
    kind: text("kind", { enum: DISCOUNT_KINDS }).notNull(),
    /** percent: 1-100; amount: paisa; free_delivery: 0. */
    value: integer("value").notNull().default(0),
    scope: text("scope", { enum: DISCOUNT_SCOPES }).notNull().default("order"),
    /** JSON array of the product or collection ids of `scope` (empty for the whole order). */
    targets: text("targets").notNull().default("[]"),
    /** Conditions: the eligible lines' subtotal (paisa) and quantity must reach these. */
    minSubtotal: integer("min_subtotal").notNull().default(0),
    minQuantity: integer("min_quantity").notNull().default(0),
    /** The window it applies in (ms since the epoch; the admin reads and writes them in the shop's time zone); null: open. */
    startsAt: integer("starts_at"),
    endsAt: integer("ends_at"),
    /** Orders it may be used on in all; null: no limit. `uses` is counted in the order's own batch. */
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    /** At most one order per customer phone number. */
    oncePerPhone: integer("once_per_phone", { mode: "boolean" }).notNull().default(false),
    /** Whether it applies together with other discounts (an order has at most one code, plus automatic ones). */
    combines: integer("combines", { mode: "boolean" }).notNull().default(false),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("discounts_shop_code_uq").on(t.shopId, t.code), index("discounts_shop_idx").on(t.shopId, t.active, t.id)],
);

/** The discounts an order took, as they were: what it saved, and who used it (once-per-phone, uses and revenue per code). */
export const orderDiscounts = sqliteTable(
  "order_discounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** A plain id (no foreign key): the order outlives the discount. */
    discountId: integer("discount_id").notNull(),
    code: text("code"),
    title: text("title").notNull().default(""),
    kind: text("kind", { enum: DISCOUNT_KINDS }).notNull(),
    /** Paisa the order saved through it (the delivery fee waived, for free delivery). */
    amount: integer("amount").notNull(),
    /** The order's normalised phone, for once-per-phone. */
    phone: text("phone").notNull(),
  },
  (t) => [
    index("order_discounts_shop_order_idx").on(t.shopId, t.orderId),
    index("order_discounts_shop_discount_phone_idx").on(t.shopId, t.discountId, t.phone),
  ],
);
