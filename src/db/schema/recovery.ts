/**
 * Abandoned checkouts (src/recovery): a customer who typed her phone at checkout and has not
 * ordered. One row per shop and phone, updated when she comes back; deleted 30 days after it was
 * last updated (the cron's sweep). An order from that phone marks it (`ordered_at`, by a trigger
 * on orders: migrations/triggers/checkout-intents.sql), so no statement joins the order's batch.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LOCALES } from "../../i18n";
import { createdAt, updatedAt } from "./columns";
import { shopId } from "./platform";

export const checkoutIntents = sqliteTable(
  "checkout_intents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    /** E.164 (+923001234567), as orders.customer_phone stores it. */
    phone: text("phone").notNull(),
    /** As she typed it at checkout; "" when she had not. */
    name: text("name").notNull().default(""),
    /** The cart cookie's encoding (src/checkout/cart.ts): variant ids and quantities, never prices. */
    cart: text("cart").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    /** The restore link's token (/cart/restore/{token}): random, unique across shops. */
    token: text("token").notNull(),
    /**
     * The id of the shop's last order placed a few minutes before the intent (0: none): an order
     * from her phone with a higher id came after it. orders_shop_phone_idx holds (shop_id,
     * customer_phone, id), so "has she ordered since?" is an index-only look-up.
     */
    orderFloor: integer("order_floor").notNull().default(0),
    /** When an order from this phone marked it (the trigger); null while abandoned. */
    orderedAt: integer("ordered_at"),
    /** When the seller last tapped its WhatsApp reminder. */
    remindedAt: integer("reminded_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("checkout_intents_shop_phone_uq").on(t.shopId, t.phone),
    uniqueIndex("checkout_intents_token_uq").on(t.token),
    // The seller's list: not ordered, last seen over an hour ago, newest first (keyset on updated_at, id).
    index("checkout_intents_shop_list_idx").on(t.shopId, t.orderedAt, t.updatedAt),
    // The cron's sweep across every shop: the oldest first, a bounded chunk at a time.
    index("checkout_intents_updated_idx").on(t.updatedAt),
  ],
);
