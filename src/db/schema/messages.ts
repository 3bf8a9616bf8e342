/** The outbox: every message Hatti sends, one row each, written in the batch of the change that causes it. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { LOCALES } from "../../i18n";
import { CHANNELS } from "../../messages/transport";
import { createdAt, updatedAt } from "./columns";
import { shops } from "./platform";

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
