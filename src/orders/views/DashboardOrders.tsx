import { formatMoney, type Messages } from "../../i18n";
import type { DashboardStats } from "../stats";
import { ordersCss } from "./css";
import { SalesChart } from "./SalesChart";

export { ordersCss as dashboardCss };

/** The dashboard's order block: new orders waiting, today and this month, what discounts saved in 30 days (a link to them), the 30-day chart. */
export function DashboardOrders({ m, stats, currency, slug, newOrders, visits }: { m: Messages; stats: DashboardStats; currency: string; slug: string; newOrders: number; visits?: readonly number[] }) {
  const { t } = m;
  const money = (n: number) => formatMoney(n, currency, m.locale);
  return (
    <>
      {newOrders > 0 && (
        <a class="btn block" href={`/admin/${slug}/orders?status=new`}>
          {t("orders.dash.newOrders", { n: newOrders })}
        </a>
      )}
      <div class="stats" style="margin-top:12px">
        <div class="stat">
          <span class="muted">{t("orders.dash.today")}</span>
          <b>{money(stats.today.revenue)}</b>
          <span>{t("orders.dash.orders", { n: stats.today.orders })}</span>
        </div>
        <div class="stat">
          <span class="muted">{t("orders.dash.month")}</span>
          <b>{money(stats.month.revenue)}</b>
          <span>{t("orders.dash.orders", { n: stats.month.orders })}</span>
        </div>
      </div>
      <p>
        <a class="tap" href={`/admin/${slug}/discounts`}>
          {stats.discounts.orders ? t("orders.dash.discounts", { count: stats.discounts.orders, saved: money(stats.discounts.saved) }) : t("orders.dash.noDiscounts")}
        </a>
      </p>
      <SalesChart m={m} days={stats.days} money={money} visits={visits} />
    </>
  );
}
