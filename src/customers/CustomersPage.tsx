/** The customer list: search, two orders (latest order, spent most), keyset pages, the CSV export. */
import type { AdminChrome } from "../admin/chrome";
import { formatMoney } from "../i18n";
import { localPhone } from "../lib/phone";
import { AdminShell } from "../ui/AdminShell";
import { Filled, SLOT, When } from "../ui/bits";
import { Field } from "../ui/Field";
import { customersCss } from "./css";
import type { CustomerPage } from "./list";
import { CUSTOMER_SEARCH_MAX, CUSTOMER_SORTS, type CustomerListQuery } from "./schemas";

export interface CustomersPageProps extends AdminChrome {
  page: CustomerPage;
  query: CustomerListQuery;
  currency: string;
}

export function CustomersPage({ page, query, currency, ...chrome }: CustomersPageProps) {
  const { m, shop } = chrome;
  const { t } = m;
  const base = `/admin/${shop.slug}/customers`;
  const href = (q: { sort?: string; q?: string; after?: string }) => {
    const p = new URLSearchParams();
    if (q.q) p.set("q", q.q);
    if (q.sort && q.sort !== "recent") p.set("sort", q.sort);
    if (q.after) p.set("after", q.after);
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <AdminShell {...chrome} title={t("customers.title")} tab="orders" css={customersCss}>
      <h1>{t("customers.title")}</h1>
      <nav aria-label={t("customers.sort.label")}>
        <ul class="chips">
          {CUSTOMER_SORTS.map((s) => (
            <li key={s}>
              <a href={href({ sort: s, q: query.q })} aria-current={query.sort === s ? "page" : undefined}>
                {t(`customers.sort.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={base} class="search" role="search">
        {query.sort !== "recent" && <input type="hidden" name="sort" value={query.sort} />}
        <Field name="q" type="search" label={t("customers.search")} value={query.q} maxLength={CUSTOMER_SEARCH_MAX} />
        <button class="btn" type="submit">
          {t("customers.searchButton")}
        </button>
      </form>
      {query.q && (
        <p>
          <a href={href({ sort: query.sort })}>{t("customers.clearSearch")}</a>
        </p>
      )}
      {page.rows.length === 0 ? (
        <p class="card">{query.q || query.after ? t("customers.noneFound") : t("customers.none")}</p>
      ) : (
        <ul class="olist">
          {page.rows.map((c) => (
            <li key={c.id}>
              <a href={`${base}/${c.id}`}>
                <span class="num" dir="auto">
                  {c.name}
                </span>
                <span class="amt">{t("customers.spent", { amount: formatMoney(c.spent, currency, m.locale) })}</span>
                <bdi class="meta" dir="ltr">
                  {localPhone(c.phone)}
                </bdi>
                <span class="meta">
                  {t("customers.orders", { count: c.orders })}
                  {c.returned > 0 && <> · {t("customers.returns", { count: c.returned })}</>}
                </span>
                <span class="meta">
                  <bdi>{c.city}</bdi> ·{" "}
                  <Filled text={t("customers.lastOrder", { date: SLOT })}>
                    <When ms={c.lastOrderAt} locale={m.locale} />
                  </Filled>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="row">
        {query.after && (
          <a class="btn ghost" href={href({ sort: query.sort, q: query.q })}>
            {t("customers.firstPage")}
          </a>
        )}
        {page.next && (
          <a class="btn ghost" href={href({ sort: query.sort, q: query.q, after: page.next })} rel="next">
            {t("customers.more")}
          </a>
        )}
      </p>
      <section class="card">
        <p>
          <a class="btn ghost block" href={`${base}/export`} download>
            {t("customers.export")}
          </a>
        </p>
        <p class="hint">{t("customers.exportHint")}</p>
      </section>
    </AdminShell>
  );
}
