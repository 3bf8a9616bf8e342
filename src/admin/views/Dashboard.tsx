import type { Messages } from "../../i18n";
import { AdminShell } from "../../ui/AdminShell";

export interface DashboardProps {
  m: Messages;
  csrf: string;
  shop: { slug: string; name: string };
  shopUrl: string;
  productCount: number;
}

export function Dashboard({ m, csrf, shop, shopUrl, productCount }: DashboardProps) {
  const { t } = m;
  return (
    <AdminShell m={m} title={t("admin.home.title")} shop={shop} csrf={csrf} tab="home">
      <h1>{t("admin.home.title")}</h1>
      {productCount === 0 && (
        <section class="card">
          <h2>{t("admin.home.firstProduct.title")}</h2>
          <p>{t("admin.home.firstProduct.body")}</p>
          <a class="btn block" href={`/admin/${shop.slug}/products/new`}>
            {t("admin.home.firstProduct.cta")}
          </a>
        </section>
      )}
      <section class="card">
        <h2>{t("admin.home.shareTitle")}</h2>
        <p class="linkbox">{shopUrl.replace(/^https?:\/\//, "")}</p>
        <a class="btn ghost block" href={shopUrl}>
          {t("admin.home.viewShop")}
        </a>
      </section>
    </AdminShell>
  );
}
