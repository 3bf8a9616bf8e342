/** The admin's own pages: the shop's dashboard (this file), the shop-is-live page and the seller's shops and invitations. */
import { AdminShell } from "../../ui/AdminShell";
import type { DashboardData } from "../stats";
import { InsightCard, insightCss } from "../../insight/InsightCard";
import { DashboardOrders, dashboardCss } from "../../orders/views/DashboardOrders";
import type { AdminChrome } from "../chrome";
import { AlertsCard, alertsCss } from "../../push/AlertsCard";
import pushAlerts from "../../client/push-alerts.gen";
import { ProvePhoneCard } from "../../account/ProvePage";
import { ShareCard } from "../../share/ShareCard";
import { posterHref } from "../../share/ProductShare";
import type { ShareText } from "../../share/texts";

export interface DashboardProps extends AdminChrome {
  shopUrl: string;
  /** The shop's link as shared (in the shop's language). */
  share: ShareText;
  /** The product count, the orders by day and the 30-day report (src/admin/stats.ts). */
  data: DashboardData;
  currency: string;
  /** The VAPID public key when order alerts by push are set up here: the alerts card shows. */
  vapidKey?: string;
  /** Her phone while she has not proven it: the card that asks her to. */
  provePhone?: string;
}

export function Dashboard({ shopUrl, share, data, currency, vapidKey, provePhone, ...chrome }: DashboardProps) {
  const { productCount, stats, insight } = data;
  const { shop } = chrome;
  const { t } = chrome.m;
  return (
    <AdminShell {...chrome} title={t("admin.home.title")} tab="home" css={dashboardCss + insightCss + (vapidKey ? alertsCss : "")} script={vapidKey ? pushAlerts : undefined}>
      <h1>{t("admin.home.title")}</h1>
      {provePhone && <ProvePhoneCard m={chrome.m} csrf={chrome.csrf} phone={provePhone} next={`/admin/${shop.slug}`} />}
      <DashboardOrders m={chrome.m} stats={stats} currency={currency} slug={shop.slug} newOrders={chrome.newOrders} visits={insight.visitsByDay} />
      <InsightCard m={chrome.m} insight={insight} currency={currency} />
      {productCount === 0 && (
        <section class="card">
          <h2>{t("admin.home.firstProduct.title")}</h2>
          <p>{t("admin.home.firstProduct.body")}</p>
          <a class="btn block" href={`/admin/${shop.slug}/products/new`}>
            {t("admin.home.firstProduct.cta")}
          </a>
        </section>
      )}
      {vapidKey && <AlertsCard m={chrome.m} csrf={chrome.csrf} slug={shop.slug} vapidKey={vapidKey} />}
      <ShareCard m={chrome.m} heading={t("share.title.shop")} share={share} posterHref={posterHref(shop.slug)}>
        <a class="btn ghost" href={shopUrl}>
          {t("admin.home.viewShop")}
        </a>
      </ShareCard>
    </AdminShell>
  );
}
