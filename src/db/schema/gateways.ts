import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { orders } from "./orders";
import { shopId } from "./platform";

/** What became of a payment sent to a hosted gateway: awaited, paid, failed. */
export const ATTEMPT_STATES = ["pending", "paid", "failed"] as const;

/**
 * One payment of an order through a hosted gateway (src/gateways): written when the customer is
 * sent to the gateway, settled ONCE by the gateway's signed return or the cron's status inquiry
 * (a pending row changes to paid or failed; a settled row never changes again). The transaction
 * reference is unique per provider: a callback names its attempt by it.
 */
export const paymentAttempts = sqliteTable(
  "payment_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    /** The gateway: "jazzcash". */
    provider: text("provider").notNull(),
    /** pp_TxnRefNo (JazzCash), orderRefNum (Easypaisa): ours, unique per provider. */
    txnRef: text("txn_ref").notNull(),
    /** Paisa, as sent to the gateway: a return for another amount is refused. */
    amount: integer("amount").notNull(),
    state: text("state", { enum: ATTEMPT_STATES }).notNull().default("pending"),
    /** The gateway's response code ("000" is JazzCash's success); "" until it answers. */
    responseCode: text("response_code").notNull().default(""),
    /** The gateway's answer, its response fields only (never our credentials), trimmed. */
    response: text("response").notNull().default("{}"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("payment_attempts_provider_ref_uq").on(t.provider, t.txnRef),
    index("payment_attempts_shop_order_idx").on(t.shopId, t.orderId),
    // The cron's inquiry walks the pending attempts of every shop, oldest first.
    index("payment_attempts_state_idx").on(t.state, t.createdAt),
    check("payment_attempts_amount_pos", sql`${t.amount} > 0`),
    check("payment_attempts_state", sql`${t.state} IN ('pending', 'paid', 'failed')`),
  ],
);
