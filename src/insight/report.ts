/**
 * The seller's 30-day report: visits (src/insight/visits.ts), orders and sales (the dashboard's
 * own rows by day, src/orders/stats.ts), conversion, average order, top products and sources.
 * Its queries are templates the dashboard runs in its one batch (src/admin/stats.ts). The
 * order queries read only the window's orders through the (shop_id, created_at) index, however
 * many orders the shop has had before; cancelled and returned orders are not sales.
 */
import { and, desc, eq, gte, max, notInArray, sql, sum } from "drizzle-orm";
import { orderItems, orders } from "../db/schema";
import { ph, template, type Builder } from "../db/template";
import type { DayStat, FromArg, ShopArg } from "../orders/stats";
import { SOURCES, type Source } from "./sources";

/** Products on each top list. */
export const TOP_PRODUCTS = 5;
/** The report's window in days, ending today. */
export const REPORT_DAYS = 30;

export interface TopProduct {
  productId: number | null;
  /** The title on its latest order. */
  title: string;
  units: number;
  /** Its lines' prices times quantities (before an order's discount), in minor units. */
  revenue: number;
}

const units = sql<number>`sum(${orderItems.quantity})`.mapWith(Number);
const revenue = sql<number>`sum(${orderItems.price} * ${orderItems.quantity})`.mapWith(Number);

/** The window's best sellers by units or by revenue (a template below; the dashboard's page read too). */
export const topByQuery = (order: "units" | "revenue", db: Builder, shop: ShopArg, from: FromArg) =>
    db
      .select({
        productId: orderItems.productId,
        // SQLite takes a bare column from the row of the query's one max(): the latest order's title.
        title: orderItems.title,
        units: units.as("units"),
        revenue: revenue.as("revenue"),
        latest: max(orderItems.orderId),
      })
      .from(orders)
      .innerJoin(orderItems, and(eq(orderItems.shopId, orders.shopId), eq(orderItems.orderId, orders.id)))
      .where(and(eq(orders.shopId, shop), gte(orders.createdAt, from), notInArray(orders.status, ["cancelled", "returned"])))
      .groupBy(orderItems.productId)
      .orderBy(...(order === "units" ? [desc(sql`units`), desc(sql`revenue`)] : [desc(sql`revenue`), desc(sql`units`)]), orderItems.productId)
      .limit(TOP_PRODUCTS);
const topBy = (order: "units" | "revenue") => template((db) => topByQuery(order, db, ph("shopId"), ph("from")));

/** The window's best sellers by units and by revenue. */
export const topByUnits = topBy("units");
export const topByRevenue = topBy("revenue");

export interface Insight {
  visits: number;
  orders: number;
  revenue: number;
  /** Orders per visit, 0..1; null with no visits counted. */
  conversion: number | null;
  /** Revenue per order; null with no orders. */
  averageOrder: number | null;
  /** Visits a day, aligned with the days of the sales chart. */
  visitsByDay: number[];
  /** Visits by source, most first; sources with none left out. */
  sources: { source: Source; n: number }[];
  topByUnits: TopProduct[];
  topByRevenue: TopProduct[];
}

type TopRow = { productId: number | null; title: string; units: number; revenue: number };
const top = (rows: readonly TopRow[]): TopProduct[] => rows.map(({ productId, title, units, revenue }) => ({ productId, title, units, revenue }));

/** The report from the dashboard's rows: its 30 days, the visit rows since the first of them, the top lists. */
export function insightOf(days: readonly DayStat[], visitRows: readonly { day: string; source: Source; n: number }[], byUnits: readonly TopRow[], byRevenue: readonly TopRow[]): Insight {
  const index = new Map(days.map((d, i) => [d.date, i]));
  const visitsByDay = days.map(() => 0);
  const bySource = new Map<Source, number>();
  for (const r of visitRows) {
    const i = index.get(r.day);
    if (i === undefined) continue;
    visitsByDay[i]! += r.n;
    bySource.set(r.source, (bySource.get(r.source) ?? 0) + r.n);
  }
  const visits = visitsByDay.reduce((s, n) => s + n, 0);
  const orderCount = days.reduce((s, d) => s + d.orders, 0);
  const revenueTotal = days.reduce((s, d) => s + d.revenue, 0);
  const sources = SOURCES.filter((s) => bySource.has(s))
    .map((source) => ({ source, n: bySource.get(source)! }))
    .sort((a, b) => b.n - a.n);
  return {
    visits,
    orders: orderCount,
    revenue: revenueTotal,
    conversion: visits > 0 ? orderCount / visits : null,
    averageOrder: orderCount > 0 ? Math.round(revenueTotal / orderCount) : null,
    visitsByDay,
    sources,
    topByUnits: top(byUnits),
    topByRevenue: top(byRevenue),
  };
}
