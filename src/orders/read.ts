/**
 * Reading one order with its items, events and the discounts it took, in one D1 round trip,
 * always within a shop: by id (the seller's page, with the look-ups of its risk signals:
 * src/customers/risk.ts) or by its unguessable token (customer). Another shop's order is not found.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { orderDiscounts, orderEvents, orderItems, orders } from "../db/schema";
import { riskFacts, riskQueries, type RiskFacts } from "../customers/risk";

type OrderRow = typeof orders.$inferSelect;
type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;
/** A discount the order took, as it was then (its code or title, kind and what it saved). */
type OrderDiscountRow = Pick<typeof orderDiscounts.$inferSelect, "discountId" | "code" | "title" | "kind" | "amount">;

export interface OrderDetail {
  order: OrderRow;
  items: OrderItemRow[];
  events: OrderEventRow[];
  /** In the order they were taken; a waived delivery fee is one of kind free_delivery (the order's delivery_fee is then 0). */
  discounts: OrderDiscountRow[];
}

/** The order, its items, its events and its discounts: four statements of one batch. */
function orderStatements(db: Db, shopId: ShopRef, match: SQL) {
  const id = sql`(SELECT ${orders.id} FROM ${orders} WHERE ${orders.shopId} = ${shopId} AND ${match})`;
  return [
    db.select().from(orders).where(and(eq(orders.shopId, shopId), match)).limit(1),
    db.select().from(orderItems).where(and(eq(orderItems.shopId, shopId), eq(orderItems.orderId, id))).orderBy(asc(orderItems.id)),
    db.select().from(orderEvents).where(and(eq(orderEvents.shopId, shopId), eq(orderEvents.orderId, id))).orderBy(asc(orderEvents.id)),
    db
      .select({ discountId: orderDiscounts.discountId, code: orderDiscounts.code, title: orderDiscounts.title, kind: orderDiscounts.kind, amount: orderDiscounts.amount })
      .from(orderDiscounts)
      .where(and(eq(orderDiscounts.shopId, shopId), eq(orderDiscounts.orderId, id)))
      .orderBy(asc(orderDiscounts.id)),
  ] as const;
}

async function loadOrder(db: Db, shopId: number, match: SQL): Promise<OrderDetail | null> {
  const [found, items, events, discounts] = await db.batch(orderStatements(db, shopId, match));
  const order = found[0];
  return order ? { order, items, events, discounts } : null;
}

export interface SellerOrderDetail extends OrderDetail {
  /** What the seller is told about the customer beside the order (src/customers/risk.ts). */
  risk: RiskFacts;
}

/** The seller's order page's read: the order and the risk signals' look-ups, in the same one round trip (null: not hers). */
export const sellerOrderRead = (id: number) =>
  pageRead(
    (db, shop) => [...orderStatements(db, shop, sql`${orders.id} = ${id}`), ...riskQueries(db, shop, id)] as const,
    ([found, items, events, discounts, ...risk]): SellerOrderDetail | null => {
      const order = found[0];
      return order ? { order, items, events, discounts, risk: riskFacts(order, risk) } : null;
    },
  );

export function orderForSeller(db: Db, shopId: number, id: number): Promise<SellerOrderDetail | null> {
  return runRead(db, shopId, sellerOrderRead(id));
}

/** The order with its items, events and discounts (null: not this shop's), without the risk look-ups: the packing slip's read. */
export const orderRead = (id: number) =>
  pageRead(
    (db, shop) => orderStatements(db, shop, sql`${orders.id} = ${id}`),
    ([found, items, events, discounts]): OrderDetail | null => {
      const order = found[0];
      return order ? { order, items, events, discounts } : null;
    },
  );

/** The order's payment screenshot's key (null: not this shop's order; "" when it has none): the proof's read. */
export const orderProofRead = (id: number) =>
  pageRead(
    (db, shop) => [db.select({ proof: orders.paymentProof }).from(orders).where(and(eq(orders.shopId, shop), eq(orders.id, id)))] as const,
    ([found]) => found[0]?.proof ?? null,
  );

export function orderByToken(db: Db, shopId: number, token: string): Promise<OrderDetail | null> {
  return loadOrder(db, shopId, sql`${orders.token} = ${token}`);
}

/** Events a customer may see: creation, status changes and shipping, her own confirmation, never private notes. */
export function publicEvents(events: readonly OrderEventRow[]): OrderEventRow[] {
  return events.filter((e) => !e.private && (e.kind === "created" || e.kind === "status" || e.kind === "confirmation" || (e.kind === "payment" && e.toStatus !== null)));
}
