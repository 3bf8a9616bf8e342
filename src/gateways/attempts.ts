/**
 * Payment attempts through a hosted gateway (payment_attempts): started for an unpaid order of
 * the shop at its total, found again by the gateway's transaction reference within the shop, and
 * settled ONCE. A settlement to "paid" is one D1 batch: the order's payment event (guarded: it
 * gets an order id only while the attempt is still pending, so a second callback or the cron
 * racing the callback aborts the whole batch and changes nothing), the attempt, the order's
 * payment status and the seller's alert in the outbox (its row ids returned for the queue).
 */
import { isGuardFailure } from "../orders/actions";
import { confirmedByPayment } from "../orders/confirmation";
import { legacyStatus, PAYMENT_MOVES, statesSql } from "../payments/states";
import type { Scope } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { ph, runTemplates, sqlTemplate } from "../db/template";
import { sql } from "drizzle-orm";
import { sellerAlertRecipients } from "../messages/seller-alerts";

/** The seller's "Payment received" move (src/payments/states.ts): a gateway's payment follows its rule. */
const RECEIVED = PAYMENT_MOVES.received;
const RECEIVABLE = statesSql(RECEIVED.from);

/** An order's payment may be started while it may still be received and the order is still going ahead. */
const PAYABLE = sql`o.payment_state IN (${RECEIVABLE}) AND o.status NOT IN ('cancelled', 'returned')`;

const START = sqlTemplate<{ id: number; amount: number }>(
  () => sql`INSERT INTO payment_attempts (shop_id, order_id, provider, txn_ref, amount)
SELECT o.shop_id, o.id, ${ph("provider")}, ${ph("txnRef")}, o.total FROM orders o
WHERE o.id = CAST(${ph("orderId")} AS INTEGER) AND o.shop_id = CAST(${ph("shopId")} AS INTEGER) AND ${PAYABLE} AND o.total > 0
RETURNING id, amount`,
);

/**
 * A pending attempt for the order at its total, under `txnRef` (made by the caller, retried on
 * a clash); null when the order is not this shop's or cannot be paid now (paid, cancelled).
 */
export async function startAttempt({ db, shopId }: Scope, orderId: number, provider: string, makeRef: () => string): Promise<{ id: number; txnRef: string; amount: number } | null> {
  for (let i = 0; ; i++) {
    const txnRef = makeRef();
    try {
      const [rows] = await runTemplates(db, [START.bind({ provider, txnRef, orderId, shopId })]);
      const row = rows[0];
      return row ? { id: row.id, txnRef, amount: row.amount } : null;
    } catch (err) {
      if (i < 2 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}

export interface Attempt {
  id: number;
  orderId: number;
  amount: number;
  state: "pending" | "paid" | "failed";
  orderToken: string;
}

const BY_REF = sqlTemplate<{ id: number; order_id: number; amount: number; state: Attempt["state"]; token: string }>(
  () => sql`SELECT a.id, a.order_id, a.amount, a.state, o.token FROM payment_attempts a
JOIN orders o ON o.id = a.order_id AND o.shop_id = a.shop_id
WHERE a.provider = ${ph("provider")} AND a.txn_ref = ${ph("txnRef")} AND a.shop_id = CAST(${ph("shopId")} AS INTEGER)`,
);

/** The shop's attempt under this provider's transaction reference; null for another shop's or an unknown one. */
export async function attemptByRef({ db, shopId }: Scope, provider: string, txnRef: string): Promise<Attempt | null> {
  const [rows] = await runTemplates(db, [BY_REF.bind({ provider, txnRef, shopId })]);
  const r = rows[0];
  return r ? { id: r.id, orderId: r.order_id, amount: r.amount, state: r.state, orderToken: r.token } : null;
}

/** The order's payment event, with an order id only while the attempt is pending (else NOT NULL aborts the batch). */
const PAID_EVENT = sqlTemplate(
  () => sql`INSERT INTO order_events (shop_id, order_id, kind, message)
VALUES (CAST(${ph("shopId")} AS INTEGER),
  (SELECT a.order_id FROM payment_attempts a WHERE a.id = CAST(${ph("attemptId")} AS INTEGER) AND a.shop_id = CAST(${ph("shopId")} AS INTEGER) AND a.state = 'pending'),
  'payment', ${ph("message")})`,
);
const SETTLE = sqlTemplate(
  () => sql`UPDATE payment_attempts SET state = ${ph("state")}, response_code = ${ph("code")}, response = ${ph("response")}, updated_at = cast(unixepoch('subsec') * 1000 as integer)
WHERE id = CAST(${ph("attemptId")} AS INTEGER) AND shop_id = CAST(${ph("shopId")} AS INTEGER) AND state = 'pending'
RETURNING id`,
);
/** The order paid, as the "Payment received" move makes it, from the states that move may leave. */
const ORDER_PAID = sqlTemplate(
  () => sql`UPDATE orders SET payment_state = '${sql.raw(RECEIVED.to)}', payment_status = '${sql.raw(legacyStatus(RECEIVED.to))}', ${confirmedByPayment}, updated_at = cast(unixepoch('subsec') * 1000 as integer)
WHERE id = (SELECT order_id FROM payment_attempts WHERE id = CAST(${ph("attemptId")} AS INTEGER) AND shop_id = CAST(${ph("shopId")} AS INTEGER))
  AND shop_id = CAST(${ph("shopId")} AS INTEGER) AND payment_state IN (${RECEIVABLE})`,
);
const PAID_ALERT = sqlTemplate<{ id: number }>(
  () => sql`INSERT INTO outbox (shop_id, channel, recipient, template, params, locale)
SELECT r.shop_id, r.channel, r.recipient, 'payment_received',
  json_object('orderId', (SELECT order_id FROM payment_attempts WHERE id = CAST(${ph("attemptId")} AS INTEGER) AND shop_id = CAST(${ph("shopId")} AS INTEGER))), r.locale
FROM (${sellerAlertRecipients(ph("shopId"))}) r
RETURNING id`,
);

export type Settled = { settled: false } | { settled: true; state: "paid" | "failed"; messages: number[] };

/**
 * Settles a pending attempt with the gateway's verified answer: "paid" marks the order's payment
 * paid (the seller's "Payment received" move, src/payments/states.ts), writes its event and
 * the seller's `payment_received` alert, in one batch with the attempt; "failed" records the
 * answer on the attempt only; "pending" keeps the attempt waiting (its code noted). An attempt
 * already settled changes nothing (settled: false).
 */
export async function settleGatewayPayment(
  { db, shopId }: Scope,
  attemptId: number,
  answer: { outcome: "paid" | "failed" | "pending"; code: string; response: string; provider: string; txnRef: string },
): Promise<Settled> {
  const base = { shopId, attemptId, code: answer.code, response: answer.response };
  if (answer.outcome === "pending") {
    await runTemplates(db, [SETTLE.bind({ ...base, state: "pending" })]);
    return { settled: false };
  }
  if (answer.outcome === "failed") {
    const [rows] = await runTemplates(db, [SETTLE.bind({ ...base, state: "failed" })]);
    return rows.length ? { settled: true, state: "failed", messages: [] } : { settled: false };
  }
  try {
    const results = await runTemplates(db, [
      PAID_EVENT.bind({ shopId, attemptId, message: `paid: ${answer.provider} ${answer.txnRef}` }),
      ORDER_PAID.bind({ shopId, attemptId }),
      SETTLE.bind({ ...base, state: "paid" }),
      PAID_ALERT.bind({ shopId, attemptId }),
    ]);
    return { settled: true, state: "paid", messages: (results[3] as { id: number }[]).map((r) => r.id) };
  } catch (err) {
    if (isGuardFailure(err)) return { settled: false };
    throw err;
  }
}

const PENDING = sqlTemplate<{ id: number; shop_id: number; provider: string; txn_ref: string; amount: number }>(
  () => sql`SELECT id, shop_id, provider, txn_ref, amount FROM payment_attempts
WHERE state = 'pending' AND created_at <= CAST(${ph("before")} AS INTEGER) AND created_at >= CAST(${ph("after")} AS INTEGER)
ORDER BY updated_at LIMIT CAST(${ph("limit")} AS INTEGER)`,
);

/**
 * Pending attempts of every shop started between `after` and `before`, the longest unasked first
 * (an answer that is still pending touches updated_at), at most `limit`.
 */
export async function pendingAttempts(db: Scope["db"], before: number, after: number, limit: number) {
  const [rows] = await runTemplates(db, [PENDING.bind({ before, after, limit })]);
  return rows.map((r) => ({ id: r.id, shopId: r.shop_id, provider: r.provider, txnRef: r.txn_ref, amount: r.amount }));
}

/** What a customer's return from a gateway whose postback is not signed leaves on the attempt: only that she came back. */
const RETURNED = "returned";
const NOTE_RETURN = sqlTemplate<{ id: number }>(
  () => sql`UPDATE payment_attempts SET response_code = '${sql.raw(RETURNED)}', updated_at = cast(unixepoch('subsec') * 1000 as integer)
WHERE id = CAST(${ph("attemptId")} AS INTEGER) AND shop_id = CAST(${ph("shopId")} AS INTEGER) AND state = 'pending' AND response_code <> '${sql.raw(RETURNED)}'
RETURNING id`,
);

/**
 * Records that the customer came back from the gateway (its postback, unverified): the attempt's
 * code becomes "returned", nothing else. True the first time only (a replayed or refreshed
 * return asks the gateway no more often).
 */
export async function noteReturn({ db, shopId }: Scope, attemptId: number): Promise<boolean> {
  const [rows] = await runTemplates(db, [NOTE_RETURN.bind({ attemptId, shopId })]);
  return rows.length > 0;
}

const LATEST = sqlTemplate<{ state: Attempt["state"] }>(
  () => sql`SELECT a.state FROM payment_attempts a JOIN orders o ON o.id = a.order_id AND o.shop_id = a.shop_id
WHERE o.token = ${ph("token")} AND a.shop_id = CAST(${ph("shopId")} AS INTEGER) AND a.provider = ${ph("provider")}
ORDER BY a.id DESC LIMIT 1`,
);

/** The state of the order's latest attempt with this provider (within the shop); null when none. */
export async function latestAttemptState({ db, shopId }: Scope, token: string, provider: string): Promise<Attempt["state"] | null> {
  const [rows] = await runTemplates(db, [LATEST.bind({ token, shopId, provider })]);
  return rows[0]?.state ?? null;
}
