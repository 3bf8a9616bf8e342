/**
 * The dashboard's numbers in ONE D1 round trip: the product count, orders and sales by day
 * (src/orders/stats.ts) and the 30-day report of what is selling (src/insight/report.ts), as
 * one batch of templates.
 */
import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { products } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { insightOf, REPORT_DAYS, topByRevenue, topByUnits, type Insight } from "../insight/report";
import { visitsSince } from "../insight/visits";
import { DAY_MS, karachiDayIndex, PKT_OFFSET_MS } from "../orders/dates";
import { dashboardStatsOf, discountedSince, discountedSinceValues, ordersByDay, ordersByDayValues, type DashboardStats } from "../orders/stats";

const productCount = template((db) => db.select({ n: count() }).from(products).where(eq(products.shopId, ph("shopId"))));

export interface DashboardData {
  productCount: number;
  stats: DashboardStats;
  insight: Insight;
}

export async function dashboardData(db: Db, shopId: number, now = Date.now()): Promise<DashboardData> {
  const first = karachiDayIndex(now) - (REPORT_DAYS - 1);
  const window = { shopId, from: first * DAY_MS - PKT_OFFSET_MS };
  const [n, dayRows, visitRows, byUnits, byRevenue, taken] = await runTemplates(db, [
    productCount.bind({ shopId }),
    ordersByDay.bind(ordersByDayValues(shopId, now)),
    visitsSince.bind({ shopId, from: new Date(first * DAY_MS).toISOString().slice(0, 10) }),
    topByUnits.bind(window),
    topByRevenue.bind(window),
    discountedSince.bind(discountedSinceValues(shopId, now)),
  ]);
  const stats = dashboardStatsOf(dayRows, taken, now);
  return { productCount: n[0]?.n ?? 0, stats, insight: insightOf(stats.days, visitRows, byUnits, byRevenue) };
}
