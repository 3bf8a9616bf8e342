/**
 * Dashboard numbers: orders and sales today and this month, and the last 30 days day by day,
 * in Karachi time, from ONE grouped query over the (shop_id, created_at) index. Cancelled and
 * returned orders are not sales.
 */
import { and, count, eq, gte, notInArray, sql, sum } from "drizzle-orm";
import type { Db } from "../db/client";
import { ph, runTemplates, template } from "../db/template";
import { orders } from "../db/schema";
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
}

/** Orders and sales by Karachi day from a day on (`from`: that day's first instant), one row a day. */
export const ordersByDay = template((db) =>
  db
    .select({ day: sql<number>`CAST((${orders.createdAt} + ${PKT_OFFSET_MS}) / ${DAY_MS} AS INTEGER)`.as("day"), n: count(), revenue: sum(orders.total).mapWith(Number) })
    .from(orders)
    .where(and(eq(orders.shopId, ph("shopId")), gte(orders.createdAt, ph("from")), notInArray(orders.status, ["cancelled", "returned"])))
    .groupBy(sql`day`),
);

/** ordersByDay's values for the dashboard at `now`: from the month's first day or 30 days back, the earlier. */
export function ordersByDayValues(shopId: number, now: number) {
  const todayIdx = karachiDayIndex(now);
  const monthStartIdx = todayIdx - (Number(karachiDate(now).slice(8, 10)) - 1);
  return { shopId, from: Math.min(monthStartIdx, todayIdx - 29) * DAY_MS - PKT_OFFSET_MS };
}

/** The dashboard's numbers from ordersByDay's rows. */
export function dashboardStatsOf(rows: readonly { day: number; n: number; revenue: number | null }[], now: number): DashboardStats {
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
  return { today: stat(todayIdx), month: stat(monthStartIdx), days };
}

export async function dashboardStats(db: Db, shopId: number, now = Date.now()): Promise<DashboardStats> {
  const [rows] = await runTemplates(db, [ordersByDay.bind(ordersByDayValues(shopId, now))]);
  return dashboardStatsOf(rows, now);
}
