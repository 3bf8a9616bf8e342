/**
 * Cash-on-delivery confirmation (fewer fake orders). While the shop asks (shops.cod_confirm, on by
 * default), a cash-on-delivery order starts 'awaiting' its customer's confirmation:
 *
 * - the order's own batch (src/checkout/order-writes.ts) marks it (`confirmationOnPlace`) and writes
 *   the customer's message (`confirmRequest`: the cod_confirm_request template, on the shop's
 *   channel, to the order's phone, in the order's language, with the link to her order page);
 * - she confirms on that page (`confirmByCustomer`: one batch, guarded by the state it changes, so a
 *   second tap, or a tap after the seller cancelled or confirmed, changes nothing and says why);
 * - the seller sees "awaiting", "confirmed by the customer", and, once it waited the shop's hours,
 *   "not confirmed after N hours" (`confirmationState`, and the list's filter `lateWhere`): flagged,
 *   never cancelled. Her own confirm (a status change) needs none of this.
 *
 * Both are SQL for the order's batch over the named placeholders `shopId` and `token` (the new
 * order's token): they touch only the order this batch inserted, so a retry of the same checkout
 * key (whose token is the first order's) writes nothing again.
 */
import { and, eq, exists, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Scope } from "../db/client";
import type { ShopRef } from "../db/page-read";
import { orders, shops, type CONFIRMATIONS } from "../db/schema";
import { ph, runTemplates, sqlTemplate, template } from "../db/template";
import type { OrderStatus } from "./status";


/**
 * The confirmation a new order starts with, as an SQL value for the order's INSERT (which reads
 * the shop as `s`): it awaits her when it is cash on delivery and the shop asks.
 */
export const confirmationOnPlace = (payment: SQL | ReturnType<typeof ph>) => sql`CASE WHEN ${payment} = 'cod' AND s.cod_confirm THEN 'awaiting' ELSE 'none' END`;

/**
 * The outbox rows (shop_id, channel, recipient, template, params, locale) the order's batch writes
 * after its INSERT (src/checkout/order-writes.ts, with the seller's alerts): the customer's "please confirm or cancel" message,
 * on the shop's channel (WhatsApp or SMS; none when she turned messages off: the order page still
 * offers confirmation), to the order's phone, in the order's language.
 */
export const confirmRequestRows = sql`SELECT o.shop_id, s.alert_channel, o.customer_phone, 'cod_confirm_request', json_object('orderId', o.id), o.locale
FROM orders o JOIN shops s ON s.id = o.shop_id
WHERE o.shop_id = ${ph("shopId")} AND o.token = ${ph("token")} AND o.confirmation = 'awaiting' AND s.alert_channel <> 'off'`;

/**
 * An order paid is an order confirmed: its payment received (the seller's move, or a gateway's)
 * settles a confirmation still awaiting, in the same UPDATE, so she is no longer asked and the
 * seller sees no "not confirmed" flag. A SET clause's assignment, for orders.
 */
export const confirmedByPayment = sql.raw(`confirmation = CASE WHEN confirmation = 'awaiting' THEN 'confirmed' ELSE confirmation END`);

type Confirmation = (typeof CONFIRMATIONS)[number];
export interface Confirmable {
  status: OrderStatus;
  confirmation: Confirmation;
}

/** Where the customer is asked to confirm: a new order awaiting her (the seller has not moved it on). */
export const customerMayConfirm = (o: Confirmable) => o.status === "new" && o.confirmation === "awaiting";

// The guard, in both statements: the order is still new and awaiting her.
const STILL_AWAITING = sql`shop_id = ${ph("shopId")} AND id = CAST(${ph("orderId")} AS INTEGER) AND status = 'new' AND confirmation = 'awaiting'`;

/** The event first (it reads the state the update then changes): the customer (no actor) confirmed. */
const confirmEvent = sqlTemplate(
  () => sql`INSERT INTO order_events (shop_id, order_id, kind, message) SELECT shop_id, id, 'confirmation', 'confirmed' FROM orders WHERE ${STILL_AWAITING}`,
);
const confirmOrder = sqlTemplate<{ id: number }>(() => sql`UPDATE orders SET confirmation = 'confirmed', updated_at = ${ph("now")} WHERE ${STILL_AWAITING} RETURNING id`);
const stateOf = template((db) =>
  db
    .select({ status: orders.status, confirmation: orders.confirmation })
    .from(orders)
    .where(and(eq(orders.shopId, ph("shopId")), eq(orders.id, ph("orderId")))),
);

/**
 * done: confirmed now; again: she had confirmed it already; cancelled: it was cancelled (by her or
 * the seller); shop: the seller moved it on without her; none: it never asked her.
 */
export type ConfirmOutcome = "done" | "again" | "cancelled" | "shop" | "none";
export const CONFIRM_OUTCOMES: readonly ConfirmOutcome[] = ["done", "again", "cancelled", "shop", "none"];

/** The customer confirms her order: one batch, which changes nothing unless it still awaits her. */
export async function confirmByCustomer({ db, shopId }: Scope, orderId: number, now = Date.now()): Promise<ConfirmOutcome> {
  const values = { shopId, orderId, now };
  const [, confirmed, [state]] = await runTemplates(db, [confirmEvent.bind(values), confirmOrder.bind(values), stateOf.bind(values)]);
  if (confirmed.length) return "done";
  if (!state) return "none";
  if (state.status === "cancelled") return "cancelled";
  if (state.confirmation === "confirmed") return "again";
  return state.confirmation === "awaiting" ? "shop" : "none";
}

/** An order placed at or before this moment, still awaiting her after `hours`, is flagged. */
export const lateCutoff = (hours: number, now: number) => now - hours * HOUR_MS;
const HOUR_MS = 3_600_000;

/** lateCutoff for a shop known by SQL (the admin's batch, src/admin/page.ts): its hours read in the statement. */
export const lateCutoffSql = (shop: ShopRef, now: number | Placeholder<string>): SQL => sql`(${now} - (SELECT ${shops.codConfirmHours} FROM ${shops} WHERE ${shops.id} = ${shop}) * ${HOUR_MS})`;

/** The shop's hours before an order is flagged, and the moment the seller looks (a test's controlled clock). */
export interface ConfirmClock {
  hours: number;
  now: number;
}

/** What the seller sees of it: nothing, awaiting, flagged (waited the shop's hours), or confirmed by the customer. */
export type ConfirmationState = "none" | "awaiting" | "late" | "confirmed";

export function confirmationState(o: Confirmable & { createdAt: number }, hours: number, now: number): ConfirmationState {
  if (o.confirmation === "confirmed") return "confirmed";
  if (!customerMayConfirm(o)) return "none";
  return o.createdAt <= lateCutoff(hours, now) ? "late" : "awaiting";
}

/**
 * The list's "not confirmed" filter: new orders awaiting her, placed at or before `cutoff`. Written
 * for orders_shop_awaiting_idx, a partial index on confirmation = 'awaiting': the literal (a bound
 * value would not prove the index's WHERE) is also its second column; `+created_at` keeps the
 * planner off orders_shop_created_idx, which would sort the page.
 */
export const lateWhere = (cutoff: number | SQL): SQL[] => [
  eq(orders.status, "new"),
  sql`${orders.confirmation} = 'awaiting'`,
  sql`+${orders.createdAt} <= ${cutoff}`,
];
