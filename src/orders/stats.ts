/**
 * Dashboard numbers: orders and sales today and this month, and the last 30 days day by day,
 * in Karachi time, from ONE grouped query over the (shop_id, created_at) index; and, in the same
 * round trip, the orders of those 30 days that took a discount and what they saved. Cancelled
 * and returned orders are not sales.
 */
import { and, count, eq, gte, notInArray, sql, sum } from "drizzle-orm";
import type { Db } from "../db/client";
import type { ShopRef } from "../db/page-read";
import { ph, runTemplates, template, type Builder } from "../db/template";
import { orderDiscounts, orders } from "../db/schema";
import { DAY_MS, karachiDate, karachiDayIndex, PKT_OFFSET_MS } from "./dates";

export interface DayStat {
  /** "YYYY-MM-DD" in Karachi. */
  date: string;
  orders: number;
  revenue: number;
}

export interface DashboardStats {
  today: { orders: number; revenue: number };
  month: { orders: number; revenue: number };
  /** Oldest first, 30 entries ending today. */
  days: DayStat[];
  /** The last 30 days' orders that took a discount, and what the discounts saved (paisa, waived delivery fees included). */
  discounts: { orders: number; saved: number };
}

const NOT_SALES = ["cancelled", "returned"] as const;

/**
 * The shop and the instant a dashboard query reads from: values, or named placeholders when the
 * query is a template (the same query, written once, either way).
 */
export type ShopArg = ShopRef | ReturnType<typeof ph>;
export type FromArg<V = number> = V | ReturnType<typeof ph>;
const byName = { shop: ph("shopId"), from: ph("from") };

/** Orders since `from` that took a discount and what they saved: the orders' (shop_id, created_at) range first, then each one's discounts. */
export const discountedSinceQuery = (db: Builder, shop: ShopArg, from: FromArg) =>
  db
    .select({ orders: sql<number>`count(DISTINCT ${orders.id})`.mapWith(Number), saved: sql<number>`coalesce(sum(${orderDiscounts.amount}), 0)`.mapWith(Number) })
    .from(orders)
    .innerJoin(orderDiscounts, and(eq(orderDiscounts.shopId, shop), eq(orderDiscounts.orderId, orders.id)))
    .where(and(eq(orders.shopId, shop), gte(orders.createdAt, from), notInArray(orders.status, [...NOT_SALES])));
export const discountedSince = template((db) => discountedSinceQuery(db, byName.shop, byName.from));

/** Orders and sales by Karachi day from a day on (`from`: that day's first instant), one row a day. */
export const ordersByDayQuery = (db: Builder, shop: ShopArg, from: FromArg) =>
  db
    .select({ day: sql<number>`CAST((${orders.createdAt} + ${PKT_OFFSET_MS}) / ${DAY_MS} AS INTEGER)`.as("day"), n: count(), revenue: sum(orders.total).mapWith(Number) })
    .from(orders)
    .where(and(eq(orders.shopId, shop), gte(orders.createdAt, from), notInArray(orders.status, [...NOT_SALES])))
    .groupBy(sql`day`);
export const ordersByDay = template((db) => ordersByDayQuery(db, byName.shop, byName.from));

/** ordersByDay's values for the dashboard at `now`: from the month's first day or 30 days back, the earlier. */
export function ordersByDayValues(shopId: number, now: number) {
  const todayIdx = karachiDayIndex(now);
  const monthStartIdx = todayIdx - (Number(karachiDate(now).slice(8, 10)) - 1);
  return { shopId, from: Math.min(monthStartIdx, todayIdx - 29) * DAY_MS - PKT_OFFSET_MS };
}

/** discountedSince's values for the dashboard at `now`: the last 30 Karachi days. */
export const discountedSinceValues = (shopId: number, now: number) => ({ shopId, from: (karachiDayIndex(now) - 29) * DAY_MS - PKT_OFFSET_MS });

/** The dashboard's numbers from ordersByDay's and discountedSince's rows. */
export function dashboardStatsOf(rows: readonly { day: number; n: number; revenue: number | null }[], taken: readonly { orders: number; saved: number }[], now: number): DashboardStats {
  const todayIdx = karachiDayIndex(now);
  const monthStartIdx = todayIdx - (Number(karachiDate(now).slice(8, 10)) - 1);
  const byDay = new Map(rows.map((r) => [Number(r.day), r]));
  const stat = (from: number) => {
    let o = 0;
    let r = 0;
    for (let d = from; d <= todayIdx; d++) {
      o += byDay.get(d)?.n ?? 0;
      r += byDay.get(d)?.revenue ?? 0;
    }
    return { orders: o, revenue: r };
  };
  const days: DayStat[] = [];
  for (let d = todayIdx - 29; d <= todayIdx; d++) {
    const row = byDay.get(d);
    days.push({ date: new Date(d * DAY_MS).toISOString().slice(0, 10), orders: row?.n ?? 0, revenue: row?.revenue ?? 0 });
  }
  return { today: stat(todayIdx), month: stat(monthStartIdx), days, discounts: { orders: taken[0]?.orders ?? 0, saved: taken[0]?.saved ?? 0 } };
}

export async function dashboardStats(db: Db, shopId: number, now = Date.now()): Promise<DashboardStats> {
  const [rows, taken] = await runTemplates(db, [ordersByDay.bind(ordersByDayValues(shopId, now)), discountedSince.bind(discountedSinceValues(shopId, now))]);
  return dashboardStatsOf(rows, taken, now);
}
