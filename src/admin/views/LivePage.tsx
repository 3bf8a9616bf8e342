import type { Messages } from "../../i18n";
import { AdminShell } from "../../ui/AdminShell";

/** Wizard screen 4: the shop is live. */
export function LivePage({ m, csrf, shop, shopUrl }: { m: Messages; csrf: string; shop: { slug: string; name: string }; shopUrl: string }) {
  const { t } = m;
  const share = `https://wa.me/?text=${encodeURIComponent(t("wizard.live.shareText", { url: shopUrl }))}`;
  return (
    <AdminShell m={m} title={t("wizard.live.title")} shop={shop} csrf={csrf} tab="home">
      <p class="step">{t("signup.step").replace("1", "4")}</p>
      <h1>{t("wizard.live.title")}</h1>
      <p>{t("wizard.live.body")}</p>
      <p class="linkbox" id="shop-link">
        {shopUrl.replace(/^https?:\/\//, "")}
      </p>
      <div class="stack">
        <a class="btn block" href={shopUrl} id="open-shop">
          {t("wizard.live.open")}
        </a>
        <a class="btn ghost block" href={`/admin/${shop.slug}/products/new`}>
          {t("wizard.live.addProduct")}
        </a>
        <a class="btn ghost block" href={share}>
          {t("wizard.live.share")}
        </a>
        <a class="btn ghost block" href={`/admin/${shop.slug}`}>
          {t("wizard.live.dashboard")}
        </a>
      </div>
    </AdminShell>
  );
}
