/** The outbox: every message Hatti sends, one row each, written in the batch of the change that causes it. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LOCALES } from "../../i18n";
import { CHANNELS } from "../../messages/transport";
import { createdAt, updatedAt } from "./columns";
import { shops, users } from "./platform";

/**
 * pending: waiting for the queue (or for its retry); sent: the provider took it; failed: the
 * provider refused it for good (a bad number, a template not approved); dead: the queue gave up
 * on it after its retries (the dead-letter queue's consumer marks it).
 */
export const OUTBOX_STATES = ["pending", "sent", "failed", "dead"] as const;

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The shop the message is about; null for an account's own messages (a log-in code). */
    shopId: integer("shop_id").references(() => shops.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    /** E.164 number, email address, or a push subscription's JSON. */
    recipient: text("recipient").notNull(),
    /** A template id (src/messages/templates). */
    template: text("template").notNull(),
    /**
     * JSON: what the message is about (e.g. {"orderId": 12}); the template's text parameters
     * are read from it when the message is sent (src/messages/outbox.ts), in the shop.
     */
    params: text("params").notNull().default("{}"),
    locale: text("locale", { enum: LOCALES }).notNull(),
    state: text("state", { enum: OUTBOX_STATES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    providerId: text("provider_id"),
    /** The last Outcome that was not `sent`: its reason and detail (secrets scrubbed). */
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("outbox_state_idx").on(t.state, t.updatedAt), index("outbox_shop_idx").on(t.shopId, t.createdAt)],
);

/**
 * A phone (a browser's push subscription) that hears a shop's new orders: one row a device and a
 * shop, made by its member tapping "Get order alerts on this phone" (that tap is a staff member's
 * opt-in). One device of an owner of several shops has one endpoint and a row in each shop.
 * Deleted when the push service answers 404/410 (src/messages/outbox.ts), with its member (user
 * cascade) or shop; capped per member and shop (src/push/schema.ts), so an order's fan-out is bounded.
 */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: integer("shop_id")
      .notNull()
      .references(() => shops.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The push service's URL for this browser (https on a known push service: pushEndpointAllowed). */
    endpoint: text("endpoint").notNull(),
    /** base64url of the browser's P-256 public key (65 bytes) and its 16-byte auth secret. */
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    /** What the phone is, from its user agent ("Android · Chrome"), for her to recognise it. */
    label: text("label").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("push_subscriptions_shop_endpoint_uq").on(t.shopId, t.endpoint), index("push_subscriptions_shop_user_idx").on(t.shopId, t.userId)],
);
