/** The discounts list: each code (or automatic discount) in words, its window, uses, revenue and an on/off button. */
import type { AdminChrome } from "../admin/chrome";
import { formatDate, formatMoney, type Messages } from "../i18n";
import { DAY_MS, PKT_OFFSET_MS } from "../orders/dates";
import { AdminShell } from "../ui/AdminShell";
import { ActionButton, BackLink } from "../ui/bits";
import { cmsCss } from "../ui/cms-css";
import { targetsOf, type DiscountListRow, type DiscountPage, type DiscountRow } from "./discounts";
import { offerWords } from "./words";

export const discountsCss = `${cmsCss}
.plist .tag.on{background:#dcfce7;color:var(--ok)}
.plist .tag.off,.plist .tag.ended,.plist .tag.usedUp{background:#fee2e2;color:var(--err)}
.plist p{margin:4px 0}
.code{direction:ltr;unicode-bidi:isolate;font-family:ui-monospace,monospace}
`;

type State = "on" | "off" | "ended" | "scheduled" | "usedUp";

/** Where a discount stands now: off, ended, not started, used up, or on. */
function stateOf(d: Pick<DiscountRow, "active" | "startsAt" | "endsAt" | "maxUses" | "uses">, now: number): State {
  if (!d.active) return "off";
  if (d.endsAt !== null && d.endsAt <= now) return "ended";
  if (d.startsAt !== null && d.startsAt > now) return "scheduled";
  if (d.maxUses !== null && d.uses >= d.maxUses) return "usedUp";
  return "on";
}

/** An instant at a Karachi midnight is a day's edge: the date alone (an end there: the day before, to its end). */
const atMidnight = (ms: number) => (ms + PKT_OFFSET_MS) % DAY_MS === 0;
function when(ms: number, m: Messages, end: boolean): string {
  if (atMidnight(ms)) return formatDate(end ? ms - 1 : ms, m.locale, false);
  return formatDate(ms, m.locale);
}

/** "1 Dec 2026 to 10 Dec 2026", "From ...", "Until ...", or "No dates". */
function windowWords(m: Messages, d: Pick<DiscountRow, "startsAt" | "endsAt">): string {
  const { t } = m;
  const start = d.startsAt === null ? null : when(d.startsAt, m, false);
  const end = d.endsAt === null ? null : when(d.endsAt, m, true);
  if (start && end) return t("discounts.window.between", { start, end });
  if (start) return t("discounts.window.from", { start });
  if (end) return t("discounts.window.until", { end });
  return t("discounts.window.always");
}

/** Its name in the list: the code, or "Automatic: title". */
const nameOf = (m: Messages, d: Pick<DiscountRow, "code" | "title">) => d.code ?? m.t("discounts.automatic", { title: d.title });

/** What it gives and on what, with its conditions: "10% off on 3 products, orders of Rs 2,000 or more". */
function describe(m: Messages, money: (n: number) => string, d: DiscountRow, targets: number): string {
  const { t } = m;
  const parts = [
    `${offerWords(t, money, d)} ${d.scope === "order" ? t("discounts.scope.order") : t(`discounts.scope.${d.scope}`, { count: targets })}`,
  ];
  if (d.minSubtotal > 0) parts.push(t("discounts.cond.minSubtotal", { amount: money(d.minSubtotal) }));
  if (d.minQuantity > 0) parts.push(t("discounts.cond.minQuantity", { count: d.minQuantity }));
  if (d.oncePerPhone) parts.push(t("discounts.cond.oncePerPhone"));
  if (d.combines) parts.push(t("discounts.cond.combines"));
  return parts.join(", ");
}

export interface ListPageProps extends AdminChrome {
  page: DiscountPage;
  after?: number;
  currency: string;
  now: number;
  /** Why the last on/off tap changed nothing. */
  alert?: string;
}

function Row({ p, d }: { p: ListPageProps; d: DiscountListRow }) {
  const { m } = p;
  const { t } = m;
  const b = `/admin/${p.shop.slug}/discounts`;
  const money = (n: number) => formatMoney(n, p.currency, m.locale);
  const state = stateOf(d, p.now);
  const name = nameOf(m, d);
  const toggle = `${b}/${d.id}/active${p.after ? `?after=${p.after}` : ""}`;
  return (
    <li id={`d${d.id}`}>
      <div class="phead">
        <a href={`${b}/${d.id}`} class={d.code ? "code" : undefined} dir="auto">
          {name}
        </a>
        <span class={`tag ${state}`}>{t(`discounts.state.${state}`)}</span>
      </div>
      <p>{describe(m, money, d, targetsOf(d).length)}</p>
      <p class="muted">{windowWords(m, d)}</p>
      <p>
        {d.maxUses === null ? t("discounts.uses", { uses: d.uses }) : t("discounts.usesOf", { uses: d.uses, max: d.maxUses })} ·{" "}
        {t("discounts.revenue", { amount: money(d.revenue), count: d.orders })}
      </p>
      <div class="acts">
        <ActionButton
          action={toggle}
          csrf={p.csrf}
          name="active"
          value={d.active ? "off" : "on"}
          label={d.active ? t("discounts.turnOff") : t("discounts.turnOn")}
          aria={d.active ? t("discounts.turnOffWhat", { what: name }) : t("discounts.turnOnWhat", { what: name })}
        />
      </div>
    </li>
  );
}

export function ListPage(p: ListPageProps) {
  const { t } = p.m;
  const b = `/admin/${p.shop.slug}/discounts`;
  const { rows, total, nextAfter } = p.page;
  return (
    <AdminShell {...p} title={t("discounts.title")} tab="shop" css={discountsCss}>
      <BackLink m={p.m} href={`/admin/${p.shop.slug}/shop`} label={t("admin.shop.title")} />
      <h1>{t("discounts.title")}</h1>
      {p.alert && (
        <p class="alert" role="alert">
          {p.alert}
        </p>
      )}

      <p class="muted">{t("discounts.hint")}</p>
      <a class="btn block" href={`${b}/new`}>
        + {t("discounts.add")}
      </a>
      {total === 0 ? (
        <p class="card">{t("discounts.empty")}</p>
      ) : (
        <h2>{t("discounts.count", { count: total })}</h2>
      )}
      <ul class="plist">
        {rows.map((d) => (
          <Row key={d.id} p={p} d={d} />
        ))}
      </ul>
      <div class="acts">
        {p.after && (
          <a class="btn small ghost" href={b}>
            {t("collections.firstPage")}
          </a>
        )}
        {nextAfter && (
          <a class="btn small ghost" href={`${b}?after=${nextAfter}`} rel="next">
            {t("common.more")}
          </a>
        )}
      </div>
    </AdminShell>
  );
}
