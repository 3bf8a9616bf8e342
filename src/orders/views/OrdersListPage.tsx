import type { AdminChrome } from "../../admin/chrome";
import { ORDER_STATUSES } from "../../db/schema";
import { formatMoney, type Messages } from "../../i18n";
import { whenHtml } from "../../ui/bits";
import { AdminShell } from "../../ui/AdminShell";
import { Field } from "../../ui/Field";
import { Html, html, KeptFragments, raw } from "../../ui/html";
import { confirmationState, type ConfirmClock } from "../confirmation";
import type { ListQuery, OrderPage } from "../list";
import { confirmationMarkHtml } from "./ConfirmationMark";
import { ordersCss } from "./css";
import { ExportForm, type ExportFormProps } from "./ExportForm";
import { BulkBook } from "../../couriers/views/BulkBook";
import { statusPillHtml } from "./StatusPill";
import { shortSignalsHtml } from "../../customers/RiskSignals";
import { riskCss } from "../../customers/css";

export interface OrdersListProps extends AdminChrome {
  page: OrderPage;
  query: ListQuery;
  /** For each order's confirmation mark (src/orders/confirmation.ts). */
  clock: ConfirmClock;
  /** The shop asks COD customers to confirm: the "not confirmed" filter is offered. */
  asksConfirmation: boolean;
  exportForm?: Omit<ExportFormProps, "m" | "base">;
  /** Bookings just sent from the list (src/couriers), when she comes back from booking. */
  booked?: number;
}

/**
 * An order's row, written as a string (src/ui/html.ts): thirty rows of twenty vnodes each were
 * most of the list's rendering CPU. The same markup the JSX made.
 */
export function orderRow(o: OrderPage["rows"][number], base: string, m: Messages, clock: ConfirmClock): Html {
  const { t } = m;
  return html`<li><a href="${base}/${o.id}"><span class="num">#${o.number}</span><span class="amt">${formatMoney(o.total, o.currency, m.locale)}</span><span>${o.customerName}</span>${statusPillHtml(m, o.status)}<span class="meta">${o.city} · ${whenHtml(o.createdAt, m.locale)}</span><span class="meta">${t(`checkout.pay.${o.paymentMethod}`)} · ${t(`payment.state.${o.paymentState}`)}</span>${shortSignalsHtml(m, o)}<span class="cf">${confirmationMarkHtml(m, o, clock)}</span></a></li>`;
}

/** The rows written lately, by order id (src/ui/html.ts KeptFragments). */
const keptRows = new KeptFragments<number>();

/**
 * An order's row as kept in the isolate, with everything it is made of: every value of the
 * order's row as read, her language, the list's path, and what the clock makes of the order's
 * confirmation (with the shop's hours it names). Thirty rows written again on every visit were
 * two thirds of the list's render.
 */
export function keptOrderRow(o: OrderPage["rows"][number], base: string, m: Messages, clock: ConfirmClock): Html {
  return keptRows.get(o.id, [m.locale, base, confirmationState(o, clock.hours, clock.now), clock.hours, ...Object.values(o)], () => orderRow(o, base, m, clock));
}

const CURRENT = new Html(' aria-current="page"');

/** A filter chip, as markup: its label and, for a status, how many orders have it. */
const chipHtml = (to: string, current: boolean, label: string, count?: number): Html =>
  html`<li><a href="${to}"${current ? CURRENT : null}>${label}${count === undefined ? null : html` <span>${count}</span>`}</a></li>`;

export function OrdersListPage({ page, query, clock, asksConfirmation, exportForm, booked, ...chrome }: OrdersListProps) {
  const { m, shop } = chrome;
  const { t } = m;
  const base = `/admin/${shop.slug}/orders`;
  const late = query.lateBefore !== undefined;
  const href = (q: { status?: string; q?: string; before?: number; late?: boolean }) => {
    const p = new URLSearchParams();
    if (q.status) p.set("status", q.status);
    if (q.late) p.set("late", "1");
    if (q.q) p.set("q", q.q);
    if (q.before) p.set("before", String(q.before));
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <AdminShell {...chrome} title={t("orders.title")} tab="orders" css={ordersCss + riskCss}>
      <h1>{t("orders.title")}</h1>
      <p>
        <a class="btn ghost" href={`/admin/${shop.slug}/abandoned`}>
          {t("recovery.link")}
        </a>
        <a href={`/admin/${shop.slug}/customers`}>{t("customers.title")} ›</a>
      </p>
      <nav aria-label={t("orders.filterLabel")}>
        <ul class="chips">
          {raw(
            html`${[
              chipHtml(href({ q: query.q }), !query.status && !late, t("orders.all"), page.total),
              ...ORDER_STATUSES.map((s) => chipHtml(href({ status: s, q: query.q }), query.status === s, t(`status.${s}`), page.counts[s] ?? 0)),
              asksConfirmation || late ? chipHtml(href({ late: true, q: query.q }), late, t("orders.confirmation.filter")) : html``,
            ]}`,
          )}
        </ul>
      </nav>
      <form method="get" action={base} class="search" role="search">
        {query.status && <input type="hidden" name="status" value={query.status} />}
        {late && <input type="hidden" name="late" value="1" />}
        <Field name="q" type="search" label={t("orders.search")} value={query.q} maxLength={80} />
        <button class="btn" type="submit">
          {t("orders.searchButton")}
        </button>
      </form>
      {query.q && (
        <p>
          <a href={href({ status: query.status, late })}>{t("orders.clearSearch")}</a>
        </p>
      )}
      {page.rows.length === 0 ? (
        <p class="card">{page.total === 0 ? t("orders.none") : t("orders.noneFound")}</p>
      ) : (
        <ul class="olist">{raw(html`${page.rows.map((o) => keptOrderRow(o, base, m, clock))}`)}</ul>
      )}
      <p class="row">
        {query.before && (
          <a class="btn ghost" href={href({ status: query.status, q: query.q, late })}>
            {t("orders.newest")}
          </a>
        )}
        {page.next && (
          <a class="btn ghost" href={href({ status: query.status, q: query.q, late, before: page.next })} rel="next">
            {t("orders.older")}
          </a>
        )}
      </p>
      <BulkBook m={m} csrf={chrome.csrf} slug={chrome.shop.slug} rows={page.rows} booked={booked} />
      <ExportForm m={m} base={base} {...exportForm} />
    </AdminShell>
  );
}
