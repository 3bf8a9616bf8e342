import type { Messages } from "../../i18n";
import type { MembershipView } from "../../platform/shops";
import { Document } from "../../ui/Document";
import { Form } from "../../ui/Form";

/** A seller's shops: switch between them or create another. */
export function ShopsPage({ m, csrf, shops }: { m: Messages; csrf: string; shops: MembershipView[] }) {
  const { t } = m;
  return (
    <Document m={m} title={t("shops.title")} robots="noindex">
      <header class="top">
        <a class="brand" href="/admin">
          {t("app.name")}
        </a>
        <Form action="/logout" csrf={csrf} class="inline">
          <button class="btn ghost small" type="submit">
            {t("nav.logout")}
          </button>
        </Form>
      </header>
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
