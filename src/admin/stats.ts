/**
 * The dashboard's numbers in ONE D1 round trip: the product count, orders and sales by day
 * (src/orders/stats.ts) and the 30-day report of what is selling (src/insight/report.ts), as
 * one page read (src/db/page-read.ts): the admin runs it in the batch of the seller's session
 * check, every statement filtering by the ShopRef.
 */
import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { products } from "../db/schema";
import { insightOf, REPORT_DAYS, topByQuery, type Insight } from "../insight/report";
import { visitsSinceQuery } from "../insight/visits";
import { DAY_MS, karachiDayIndex, PKT_OFFSET_MS } from "../orders/dates";
import { dashboardStatsOf, discountedSinceQuery, discountedSinceValues, ordersByDayQuery, ordersByDayValues, type DashboardStats } from "../orders/stats";

export interface DashboardData {
  productCount: number;
  stats: DashboardStats;
  insight: Insight;
}

/** The dashboard's read at `now`: six statements, each filtering by the shop. */
export function dashboardRead(now = Date.now()) {
  const first = karachiDayIndex(now) - (REPORT_DAYS - 1);
  const from = first * DAY_MS - PKT_OFFSET_MS;
  return pageRead(
    (db, shop: ShopRef) =>
      [
        db.select({ n: count() }).from(products).where(eq(products.shopId, shop)),
        ordersByDayQuery(db, shop, ordersByDayValues(0, now).from),
        visitsSinceQuery(db, shop, new Date(first * DAY_MS).toISOString().slice(0, 10)),
        topByQuery("units", db, shop, from),
        topByQuery("revenue", db, shop, from),
        discountedSinceQuery(db, shop, discountedSinceValues(0, now).from),
      ] as const,
    ([n, dayRows, visitRows, byUnits, byRevenue, taken]): DashboardData => {
      const stats = dashboardStatsOf(dayRows, taken, now);
      return { productCount: n[0]?.n ?? 0, stats, insight: insightOf(stats.days, visitRows, byUnits, byRevenue) };
    },
  );
}

export function dashboardData(db: Db, shopId: number, now = Date.now()): Promise<DashboardData> {
  return runRead(db, shopId, dashboardRead(now));
}
