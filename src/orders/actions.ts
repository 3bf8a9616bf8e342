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
import { orderEvents, orders, variants } from "../db/schema";
import { OWN_RIDER } from "./courier";
import type { OrderDetail } from "./read";
import { canTransition, RESTOCKS, type OrderStatus } from "./status";

export interface Actor {
  userId: number;
  name: string;
}


export type ActionResult = { ok: true } | { ok: false; reason: "notAllowed" | "stale" };

const now = () => Date.now();
type Batch = [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

/** The guard that refuses a change to an order that moved on meanwhile: its event row gets no order id. */
const isGuardFailure = (err: unknown) => causeChainIncludes(err, "NOT NULL constraint failed: order_events.order_id");

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

export async function changeStatus({ db, shopId }: Scope, detail: OrderDetail, change: StatusChange, actor: Actor): Promise<ActionResult> {
  const { order, items } = detail;
  if (!canTransition(change.from, change.to)) return { ok: false, reason: "notAllowed" };
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
  return guarded(db, statements);
}

export async function markPaid({ db, shopId }: Scope, orderId: number, actor: Actor): Promise<ActionResult> {
  return guarded(db, [
    db.insert(orderEvents).values({
      shopId,
      orderId: idWhile(shopId, orderId, sql`${orders.paymentStatus} = 'pending'`),
      kind: "payment",
      message: "paid",
      actorUserId: actor.userId,
      actorName: actor.name,
    }),
    db
      .update(orders)
      .set({ paymentStatus: "paid", updatedAt: now() })
      .where(and(eq(orders.id, orderId), eq(orders.shopId, shopId), eq(orders.paymentStatus, "pending"))),
  ]);
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
