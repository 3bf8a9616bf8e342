/** The seller's abandoned checkouts: who, when, what and its value today, and a one-tap WhatsApp reminder. */
import type { AdminChrome } from "../../admin/chrome";
import { formatMoney } from "../../i18n";
import { localPhone } from "../../lib/phone";
import { ActionButton, When } from "../../ui/bits";
import { AdminShell } from "../../ui/AdminShell";
import { ordersCss } from "../../orders/views/css";
import { formatCursor, type AbandonedPage as Page } from "../abandoned";

export interface AbandonedPageProps extends AdminChrome {
  page: Page;
  currency: string;
  /** Not the first page: offer the way back to the newest. */
  paged: boolean;
}

const css = `.abandoned{list-style:none;margin:0;padding:0}
.abandoned li{padding:12px;margin:0 0 8px;background:var(--card);border:1px solid var(--line);border-radius:var(--radius)}
.abandoned .who{display:flex;justify-content:space-between;gap:12px;font-weight:700}
.abandoned .meta{color:var(--muted);font-size:.9rem;margin:2px 0}
.abandoned ul{margin:6px 0;padding-inline-start:20px}`;

export function AbandonedPage({ page, currency, paged, ...chrome }: AbandonedPageProps) {
  const { m, shop, csrf } = chrome;
  const { t } = m;
  const base = `/admin/${shop.slug}/abandoned`;
  const money = (n: number) => formatMoney(n, currency, m.locale);
  return (
    <AdminShell {...chrome} title={t("recovery.title")} tab="orders" css={ordersCss + css}>
      <h1>{t("recovery.title")}</h1>
      <p class="hint">{t("recovery.intro")}</p>
      {page.rows.length === 0 ? (
        <p class="card">{t("recovery.none")}</p>
      ) : (
        <ul class="abandoned">
          {page.rows.map((r) => (
            <li key={r.id}>
              <p class="who">
                <span>{r.name || t("recovery.noName")}</span>
                <span>{money(r.value)}</span>
              </p>
              <p class="meta">
                <bdi dir="ltr">{localPhone(r.phone)}</bdi> · <When ms={r.updatedAt} locale={m.locale} />
              </p>
              <ul>
                {r.lines.map((l, n) => (
                  <li key={n}>
                    {l.quantity} × {l.title}
                    {l.variantTitle !== "Default" ? ` (${l.variantTitle})` : ""} · {money(l.price * l.quantity)}
                  </li>
                ))}
              </ul>
              {r.gone > 0 && <p class="meta">{t("recovery.gone", { count: r.gone })}</p>}
              {r.remindedAt !== null && (
                <p class="meta">
                  {t("recovery.reminded")} <When ms={r.remindedAt} locale={m.locale} />
                </p>
              )}
              <ActionButton action={`${base}/${r.id}/remind`} csrf={csrf} label={t(r.remindedAt === null ? "recovery.remind" : "recovery.remindAgain")} ghost={false} />
            </li>
          ))}
        </ul>
      )}
      <p class="row">
        {paged && (
          <a class="btn ghost" href={base}>
            {t("recovery.newest")}
          </a>
        )}
        {page.next && (
          <a class="btn ghost" href={`${base}?after=${formatCursor(page.next)}`} rel="next">
            {t("recovery.older")}
          </a>
        )}
      </p>
    </AdminShell>
  );
}
