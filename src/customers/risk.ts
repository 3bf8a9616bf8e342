/**
 * Risk signals beside an order, per phone number within the shop, as plain words (never a
 * score): her other orders and how many were delivered, cancelled or returned (from her
 * customers row), a city different from her earlier orders', and many orders in a short time
 * (both from orders_shop_phone_idx alone: the index carries id, created_at and city). The
 * look-ups are statements for the order page's own batch (src/orders/read.ts): no round trip
 * of their own.
 */
import { and, desc, eq, lt, sql, type AnyColumn } from "drizzle-orm";
import type { Db } from "../db/client";
import type { ShopRef } from "../db/page-read";
import { customers, orders } from "../db/schema";
import type { MessageKey } from "../i18n";
import type { OrderStatus } from "../orders/status";

/** Many orders in a short time: this many or more from one number within BURST_WINDOW_MS. */
export const BURST_ORDERS = 3;
export const BURST_WINDOW_MS = 24 * 3600_000;
/** Her earlier orders whose cities are compared with this order's. */
const EARLIER_CITIES = 10;
/** Orders around this one read to count a burst; reaching it is a burst whatever the rest. */
const NEARBY_MAX = 50;

/** The three look-ups, by the order's id within the shop (its phone and time read in SQL). */
export function riskQueries(db: Db, shopId: ShopRef, orderId: number) {
  const own = (col: AnyColumn) => sql`(SELECT ${col} FROM ${orders} WHERE ${orders.shopId} = ${shopId} AND ${orders.id} = ${orderId})`;
  const samePhone = and(eq(orders.shopId, shopId), eq(orders.customerPhone, own(orders.customerPhone)));
  return [
    db
      .select({ id: customers.id, orders: customers.orders, delivered: customers.delivered, cancelled: customers.cancelled, returned: customers.returned })
      .from(customers)
      .where(and(eq(customers.shopId, shopId), eq(customers.phone, own(orders.customerPhone))))
      .limit(1),
    db
      .select({ createdAt: orders.createdAt })
      .from(orders)
      // `+created_at`: a filter on the phone's index entries, not a range of orders_shop_created_idx
      // to walk (a busy shop's every order of those two days, each read from the table).
      .where(and(samePhone, sql`+${orders.createdAt} BETWEEN ${own(orders.createdAt)} - ${BURST_WINDOW_MS} AND ${own(orders.createdAt)} + ${BURST_WINDOW_MS}`))
      .limit(NEARBY_MAX),
    db.select({ city: orders.city }).from(orders).where(and(samePhone, lt(orders.id, orderId))).orderBy(desc(orders.id)).limit(EARLIER_CITIES),
  ] as const;
}

type Results<T extends readonly { all(): Promise<unknown> }[]> = { [K in keyof T]: Awaited<ReturnType<T[K]["all"]>> };
export type RiskRows = Results<ReturnType<typeof riskQueries>>;

export interface RiskFacts {
  /** Her customers row (a link to her page); null only for an order the triggers never saw. */
  customerId: number | null;
  /** Her orders other than this one, and of those how many were delivered, cancelled, returned. */
  others: number;
  delivered: number;
  cancelled: number;
  returned: number;
  /** The cities of her earlier orders (newest first, as typed) when none is this order's city. */
  otherCities: string[];
  /** The most orders from her number within BURST_WINDOW_MS of each other, this one among them. */
  burst: number;
}

const sameCity = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The most of `times` within any window of `width` that holds `at`. */
export function busiestWindow(times: number[], at: number, width = BURST_WINDOW_MS): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (const start of sorted) {
    if (start > at || start < at - width) continue;
    best = Math.max(best, sorted.filter((x) => x >= start && x <= start + width).length);
  }
  return best;
}

export function riskFacts(order: { status: OrderStatus; city: string; createdAt: number }, [found, nearby, earlier]: RiskRows): RiskFacts {
  const c = found[0];
  const own = (s: OrderStatus) => (order.status === s ? 1 : 0);
  const cities = earlier.map((e) => e.city);
  return {
    customerId: c?.id ?? null,
    others: Math.max(0, (c?.orders ?? 1) - 1),
    delivered: Math.max(0, (c?.delivered ?? 0) - own("delivered")),
    cancelled: Math.max(0, (c?.cancelled ?? 0) - own("cancelled")),
    returned: Math.max(0, (c?.returned ?? 0) - own("returned")),
    otherCities: cities.length && !cities.some((x) => sameCity(x, order.city)) ? [...new Map(cities.map((x) => [x.trim().toLowerCase(), x.trim()])).values()] : [],
    burst: busiestWindow(nearby.map((n) => n.createdAt), order.createdAt),
  };
}

export interface Signal {
  key: MessageKey;
  params: Record<string, string | number>;
  /** Something to look at before sending (a warning), or plain good news. */
  warn: boolean;
}

/** What the order page says, in order: her history first, then what is unusual. */
export function riskSignals(f: RiskFacts): Signal[] {
  const out: Signal[] = [];
  if (f.others === 0) out.push({ key: "customers.risk.first", params: {}, warn: false });
  else out.push({ key: "customers.risk.others", params: { count: f.others, delivered: f.delivered }, warn: false });
  if (f.cancelled) out.push({ key: "customers.risk.cancelled", params: { count: f.cancelled }, warn: true });
  if (f.returned) out.push({ key: "customers.risk.returned", params: { count: f.returned }, warn: true });
  if (f.otherCities.length) out.push({ key: "customers.risk.city", params: { cities: f.otherCities.slice(0, 3).join(", ") }, warn: true });
  if (f.burst >= BURST_ORDERS) out.push({ key: "customers.risk.burst", params: { count: f.burst, hours: BURST_WINDOW_MS / 3600_000 }, warn: true });
  return out;
}

/** The orders list's short form, from her customers row joined to each order (no look-up of its own). */
export function shortSignals(o: { status: OrderStatus; customerOrders: number | null; customerCancelled: number | null; customerReturned: number | null }): Signal[] {
  const others = Math.max(0, (o.customerOrders ?? 1) - 1);
  const cancelled = Math.max(0, (o.customerCancelled ?? 0) - (o.status === "cancelled" ? 1 : 0));
  const returned = Math.max(0, (o.customerReturned ?? 0) - (o.status === "returned" ? 1 : 0));
  const out: Signal[] = [others ? { key: "customers.short.others", params: { count: others }, warn: false } : { key: "customers.short.first", params: {}, warn: false }];
  if (cancelled) out.push({ key: "customers.short.cancelled", params: { count: cancelled }, warn: true });
  if (returned) out.push({ key: "customers.short.returned", params: { count: returned }, warn: true });
  return out;
}
