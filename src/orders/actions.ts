/**
 * Seller changes to an order, each ONE atomic batch that also records an order event with who
 * made it. A change is guarded by the state the seller saw: the event is inserted first with its
 * order id taken from a sub-select that matches only while the order is still in that state; when
 * it no longer is (a double submit, another staff member), the NOT NULL order_id fails and the
 * whole batch, restock included, is rolled back. So a cancel can never restock twice.
 */
import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db, Scope } from "../db/client";
import { causeChainIncludes } from "../db/errors";
import { ph, runTemplates, sqlTemplate, type Bound } from "../db/template";
import { orderEvents, orders, variants } from "../db/schema";
import { sellerAlertRecipients } from "../messages/seller-alerts";
import { OWN_RIDER } from "./courier";
import type { OrderDetail } from "./read";
import { canTransition, RESTOCKS, type OrderStatus } from "./status";

/** Who changed the order: a member of the shop, or (userId null) the customer herself. */
export interface Actor {
  userId: number | null;
  name: string;
}


export type ActionResult = { ok: true } | { ok: false; reason: "notAllowed" | "stale" };

const now = () => Date.now();
type Batch = [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

/** The guard that refuses a change to an order that moved on meanwhile: its event row gets no order id. */
/** The guard of every order change (the event's order id taken only while the change may happen) failed: nothing was written. */
export const isGuardFailure = (err: unknown) => causeChainIncludes(err, "NOT NULL constraint failed: order_events.order_id");

async function guarded(db: Db, statements: BatchItem<"sqlite">[]): Promise<ActionResult> {
  try {
    await db.batch(statements as Batch);
    return { ok: true };
  } catch (err) {
    if (isGuardFailure(err)) return { ok: false, reason: "stale" };
    throw err;
  }
}

/** The order's id while `condition` holds, else NULL (which the event's NOT NULL refuses). */
const idWhile = (shopId: number, orderId: number, condition: ReturnType<typeof sql>) =>
  sql`(SELECT ${orders.id} FROM ${orders} WHERE ${orders.id} = ${orderId} AND ${orders.shopId} = ${shopId} AND ${condition})`;

export interface StatusChange {
  from: OrderStatus;
  to: OrderStatus;
  courier?: string;
  tracking?: string;
}

/** The statements of a status change: its guarded event, the order, and the restock it implies. */
function statusStatements(db: Db, shopId: number, detail: OrderDetail, change: StatusChange, actor: Actor): BatchItem<"sqlite">[] {
  const { order, items } = detail;
  const id = order.id;
  const shipping = change.to === "shipped" ? { courier: change.courier ?? "", trackingNumber: change.tracking ?? "" } : {};
  // The event keeps what the customer may be told: the courier company and its tracking number.
  const message = change.to === "shipped" && change.courier !== OWN_RIDER ? `${change.courier} ${change.tracking}`.trim() : "";
  const statements: BatchItem<"sqlite">[] = [
    db.insert(orderEvents).values({
      shopId,
      orderId: idWhile(shopId, id, sql`${orders.status} = ${change.from}`),
      kind: "status",
      fromStatus: change.from,
      toStatus: change.to,
      message,
      actorUserId: actor.userId,
      actorName: actor.name,
    }),
    db
      .update(orders)
      .set({ status: change.to, updatedAt: now(), ...shipping })
      .where(and(eq(orders.id, id), eq(orders.shopId, shopId), eq(orders.status, change.from))),
  ];
  if (RESTOCKS.has(change.to)) {
    for (const item of items) {
      if (!item.stockTracked || item.variantId === null) continue;
      statements.push(
        db
          .update(variants)
          .set({ stock: sql`${variants.stock} + ${item.quantity}` })
          .where(and(eq(variants.id, item.variantId), eq(variants.shopId, shopId))),
      );
    }
  }
  return statements;
}

/** A drizzle statement as a Bound for runTemplates (its SQL and parameters; it returns nothing we read). */
const asBound = (q: BatchItem<"sqlite">): Bound<null> => ({ ...(q as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL(), map: () => null });

/**
 * The statements of a status change (guarded event, order, restock) as Bounds, for a caller that
 * writes them in ONE batch with its own rows (runTemplates): a courier's booking ships the order
 * in the batch that records the booking and tells the customer. null when the rule refuses the
 * move; a stale order fails the whole batch (isGuardFailure).
 */
export function statusChangeBounds({ db, shopId }: Scope, detail: OrderDetail, change: StatusChange, actor: Actor): Bound<null>[] | null {
  if (!canTransition(change.from, change.to)) return null;
  return statusStatements(db, shopId, detail, change, actor).map(asBound);
}

export async function changeStatus({ db, shopId }: Scope, detail: OrderDetail, change: StatusChange, actor: Actor): Promise<ActionResult> {
  if (!canTransition(change.from, change.to)) return { ok: false, reason: "notAllowed" };
  return guarded(db, statusStatements(db, shopId, detail, change, actor));
}

/** Where the customer may still cancel the order herself: before the seller confirmed it. */
export const customerMayCancel = (status: OrderStatus) => status === "new";

/** The seller's alert of a cancel by the customer, for the queue (D1 binds a number as REAL, hence the CAST). */
const CANCEL_ALERT = sqlTemplate<{ id: number }>(
  () => sql`INSERT INTO outbox (shop_id, channel, recipient, template, params, locale)
SELECT r.shop_id, r.channel, r.recipient, 'order_cancelled_by_customer', json_object('orderId', CAST(${ph("orderId")} AS INTEGER)), r.locale
FROM (${sellerAlertRecipients(ph("shopId"))}) r
RETURNING id`,
);

/**
 * The customer cancels her order from its page: the change (restock included) and the seller's
 * alert (sellerAlertRecipients) in one batch, guarded like a seller's change, so a double tap or a
 * seller who confirmed meanwhile changes nothing and tells nobody. The outbox rows, for the queue.
 */
export async function cancelByCustomer({ db, shopId }: Scope, detail: OrderDetail): Promise<ActionResult & { messages?: number[] }> {
  const from = detail.order.status;
  if (!customerMayCancel(from)) return { ok: false, reason: "notAllowed" };
  // One batch through runTemplates: drizzle's D1 batch cannot bind the parameters of a raw SQL
  // statement (the alert), so the change's statements go as their SQL and parameters too.
  const change = statusStatements(db, shopId, detail, { from, to: "cancelled" }, { userId: null, name: "" }).map(asBound);
  const alert = CANCEL_ALERT.bind({ shopId, orderId: detail.order.id });
  try {
    const results = await runTemplates(db, [...change, alert]);
    return { ok: true, messages: (results.at(-1) as { id: number }[]).map((m) => m.id) };
  } catch (err) {
    if (isGuardFailure(err)) return { ok: false, reason: "stale" };
    throw err;
  }
}

export async function addNote({ db, shopId }: Scope, orderId: number, note: string, actor: Actor): Promise<ActionResult> {
  return guarded(db, [
    db.insert(orderEvents).values({
      shopId,
      orderId: idWhile(shopId, orderId, sql`1`),
      kind: "note",
      message: note,
      private: true,
      actorUserId: actor.userId,
      actorName: actor.name,
    }),
  ]);
}
