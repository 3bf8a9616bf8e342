/**
 * Reading one order with its items and events, in one D1 round trip, always within a shop:
 * by id (seller) or by its unguessable token (customer). Another shop's order is not found.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { orderEvents, orderItems, orders } from "../db/schema";

type OrderRow = typeof orders.$inferSelect;
type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;

export interface OrderDetail {
  order: OrderRow;
  items: OrderItemRow[];
  events: OrderEventRow[];
}

async function loadOrder(db: Db, shopId: number, match: SQL): Promise<OrderDetail | null> {
  const id = sql`(SELECT ${orders.id} FROM ${orders} WHERE ${orders.shopId} = ${shopId} AND ${match})`;
  const [found, items, events] = await db.batch([
    db.select().from(orders).where(and(eq(orders.shopId, shopId), match)).limit(1),
    db.select().from(orderItems).where(and(eq(orderItems.shopId, shopId), eq(orderItems.orderId, id))).orderBy(asc(orderItems.id)),
    db.select().from(orderEvents).where(and(eq(orderEvents.shopId, shopId), eq(orderEvents.orderId, id))).orderBy(asc(orderEvents.id)),
  ]);
  const order = found[0];
  return order ? { order, items, events } : null;
}

export function orderById(db: Db, shopId: number, id: number): Promise<OrderDetail | null> {
  return loadOrder(db, shopId, sql`${orders.id} = ${id}`);
}

export function orderByToken(db: Db, shopId: number, token: string): Promise<OrderDetail | null> {
  return loadOrder(db, shopId, sql`${orders.token} = ${token}`);
}

/** Events a customer may see: creation, status changes and shipping, her own confirmation, never private notes. */
export function publicEvents(events: readonly OrderEventRow[]): OrderEventRow[] {
  return events.filter((e) => !e.private && (e.kind === "created" || e.kind === "status" || e.kind === "confirmation"));
}
