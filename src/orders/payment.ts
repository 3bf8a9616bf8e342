/**
 * The payment's state changes (src/payments/states.ts), each ONE atomic batch: the order event
 * (kind "payment", from and to the state), the order's state (payment_status kept in step), and
 * the message it implies in the outbox, its ids returned for the queue. Guarded like every change
 * (src/orders/actions.ts): the event's order id is taken only while the order's state is one the
 * move may leave, so a double tap or a state changed meanwhile changes nothing and sends nothing.
 *
 * - the seller: "Payment received" (-> paid), "Not received" (proof_sent -> awaiting_proof; the
 *   customer is told: payment_not_received, on the shop's channel, to the order's phone), refunded;
 * - the customer: her proof of transfer, a screenshot and the transaction ID (-> proof_sent; the
 *   seller is told: payment_proof_sent, to her alert recipients like new_order);
 * - many orders at once (a courier's settlement, src/settlements): moveMany, the same SQL.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Scope } from "../db/client";
import { ph, runTemplates, sqlTemplate, type Bound } from "../db/template";
import { sellerAlertRecipients } from "../messages/seller-alerts";
import { legacyStatus, PAYMENT_MOVES, statesSql, type PaymentMove } from "../payments/states";
import { isGuardFailure, type Actor } from "./actions";
import { confirmedByPayment } from "./confirmation";

/** The orders a move may leave among those `target` selects (one order, or a settlement's set): THE rule of each move. */
const movable = (move: PaymentMove, target: SQL) => sql`${target} AND shop_id = ${ph("shopId")} AND payment_state IN (${statesSql(PAYMENT_MOVES[move].from)})`;

/** The order's new state: payment_status kept in step, and a COD confirmation still awaited settled by the payment. */
const moveOrder = (move: PaymentMove, target: SQL, extra: SQL = sql``) => {
  const { to } = PAYMENT_MOVES[move];
  return sql`UPDATE orders SET payment_state = '${sql.raw(to)}', payment_status = '${sql.raw(legacyStatus(to))}'${to === "paid" ? sql`, ${confirmedByPayment}` : sql``}, updated_at = ${ph("now")}${extra} WHERE ${movable(move, target)}`;
};

/** The guarded event and the order's new state of one move; `proof` sets the screenshot and the ID too. */
function moveTemplates(move: PaymentMove) {
  const { to } = PAYMENT_MOVES[move];
  const where = movable(move, sql`id = CAST(${ph("orderId")} AS INTEGER)`);
  const proof = move === "proofSent" ? sql`, payment_proof = ${ph("proof")}, payment_reference = ${ph("reference")}` : sql``;
  return {
    event: sqlTemplate(
      () => sql`INSERT INTO order_events (shop_id, order_id, kind, from_status, to_status, message, actor_user_id, actor_name)
VALUES (${ph("shopId")}, (SELECT id FROM orders WHERE ${where}), 'payment', (SELECT payment_state FROM orders WHERE ${where}), '${sql.raw(to)}', '', ${ph("actorId")}, ${ph("actorName")})`,
    ),
    order: sqlTemplate(() => moveOrder(move, sql`id = CAST(${ph("orderId")} AS INTEGER)`, proof)),
  };
}

/**
 * A seller's move over many orders at once (a courier's settlement: src/settlements), as two
 * statements for the caller's batch, in this order: an event for each order of `target` the move
 * may leave (message: `ph("message")`), then those orders' new state. Unguarded: an order already
 * moved is simply not among them (the settlement says how many were marked).
 * `chosen` selects those orders' ids (for a count written before them in the same batch).
 * Placeholders: shopId, now, actorId, actorName, message, and the target's own.
 */
export function moveMany(move: SellerMove, target: SQL): { chosen: SQL; events: SQL; orders: SQL } {
  return {
    chosen: sql`SELECT id FROM orders WHERE ${movable(move, target)}`,
    events: sql`INSERT INTO order_events (shop_id, order_id, kind, from_status, to_status, message, actor_user_id, actor_name)
SELECT shop_id, id, 'payment', payment_state, '${sql.raw(PAYMENT_MOVES[move].to)}', ${ph("message")}, ${ph("actorId")}, ${ph("actorName")} FROM orders WHERE ${movable(move, target)}`,
    orders: moveOrder(move, target),
  };
}

const MOVES = Object.fromEntries((Object.keys(PAYMENT_MOVES) as PaymentMove[]).map((m) => [m, moveTemplates(m)])) as Record<PaymentMove, ReturnType<typeof moveTemplates>>;

/** The customer's message: on the shop's channel (none when it is off), to the order's phone, in its language. */
const toCustomer = (template: string): SQL => sql`INSERT INTO outbox (shop_id, channel, recipient, template, params, locale)
SELECT o.shop_id, s.alert_channel, o.customer_phone, '${sql.raw(template)}', json_object('orderId', o.id), o.locale
FROM orders o JOIN shops s ON s.id = o.shop_id
WHERE o.shop_id = ${ph("shopId")} AND o.id = CAST(${ph("orderId")} AS INTEGER) AND s.alert_channel <> 'off'
RETURNING id`;

/** The seller's alert, to each of her recipients (sellerAlertRecipients). */
const toSeller = (template: string): SQL => sql`INSERT INTO outbox (shop_id, channel, recipient, template, params, locale)
SELECT r.shop_id, r.channel, r.recipient, '${sql.raw(template)}', json_object('orderId', CAST(${ph("orderId")} AS INTEGER)), r.locale
FROM (${sellerAlertRecipients(ph("shopId"))}) r
RETURNING id`;

const MESSAGES: Partial<Record<PaymentMove, ReturnType<typeof sqlTemplate<{ id: number }>>>> = {
  notReceived: sqlTemplate<{ id: number }>(() => toCustomer("payment_not_received")),
  proofSent: sqlTemplate<{ id: number }>(() => toSeller("payment_proof_sent")),
};

export type PaymentResult = { ok: true; messages: number[] } | { ok: false; reason: "stale" };


async function run({ db, shopId }: Scope, move: PaymentMove, orderId: number, actor: Actor, extra: { proof?: string; reference?: string } = {}): Promise<PaymentResult> {
  const values = { shopId, orderId, actorId: actor.userId, actorName: actor.name, now: Date.now(), proof: extra.proof ?? "", reference: extra.reference ?? "" };
  const t = MOVES[move];
  const message = MESSAGES[move];
  const stmts: Bound<unknown>[] = [t.event.bind(values), t.order.bind(values)];
  if (message) stmts.push(message.bind(values));
  try {
    const results = await runTemplates(db, stmts);
    return { ok: true, messages: message ? (results.at(-1) as { id: number }[]).map((r) => r.id) : [] };
  } catch (err) {
    if (isGuardFailure(err)) return { ok: false, reason: "stale" };
    throw err;
  }
}

/** The seller's moves: received, not received, refunded. */
export type SellerMove = Exclude<PaymentMove, "proofSent">;

export const movePayment = (scope: Scope, orderId: number, move: SellerMove, actor: Actor) => run(scope, move, orderId, actor);

/** The customer's proof: the screenshot's R2 key (already stored) and the transaction ID she typed. */
export const sendProof = (scope: Scope, orderId: number, proof: { key: string; reference: string }) =>
  run(scope, "proofSent", orderId, { userId: null, name: "" }, { proof: proof.key, reference: proof.reference });
