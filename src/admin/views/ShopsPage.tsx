import type { Messages } from "../../i18n";
import type { MembershipView } from "../../platform/shops";
import { Document } from "../../ui/Document";
import { TopBar } from "../../ui/TopBar";

/** A seller's shops: switch between them or create another. */
export function ShopsPage({ m, csrf, shops }: { m: Messages; csrf: string; shops: MembershipView[] }) {
  const { t } = m;
  return (
    <Document m={m} title={t("shops.title")} robots="noindex">
      <TopBar m={m} csrf={csrf} brand={t("app.name")} href="/admin" />
      <main class="wrap">
        <h1>{t("shops.title")}</h1>
        <ul class="shops">
          {shops.map((s) => (
            <li key={s.shopId}>
              <a class="btn ghost block" href={`/admin/${s.slug}`}>
                <span>{s.name}</span>
                <span class="muted">{t(s.role === "owner" ? "shops.role.owner" : "shops.role.staff")}</span>
              </a>
            </li>
          ))}
        </ul>
        <div class="stack">
          <a class="btn block" href="/start">
            {t("shops.new")}
          </a>
          <a class="btn ghost block" href="/admin/account">
            {t("account.link")}
          </a>
        </div>
      </main>
    </Document>
  );
}
