/** The dashboard's "last 30 days": visits, orders, conversion, sales, average order, sources and the best sellers. */
import { formatMoney, language, type Messages } from "../i18n";
import type { Insight, TopProduct } from "./report";

export const insightCss = `
.insight .stats{grid-template-columns:repeat(auto-fit,minmax(140px,1fr))}
.sources{list-style:none;margin:0;padding:0}
.sources li{display:grid;grid-template-columns:1fr auto;gap:4px 12px;padding:8px 0;border-bottom:1px solid var(--line)}
.sources .bar{grid-column:1/-1;height:8px;border-radius:4px;background:var(--line);overflow:hidden}
.sources .bar span{display:block;height:100%;background:var(--brand)}
.top-products{width:100%;border-collapse:collapse;font-size:.95rem}
.top-products th,.top-products td{padding:8px 4px;border-bottom:1px solid var(--line);text-align:start;vertical-align:top}
.top-products td.n{text-align:end;white-space:nowrap}
`;

const percent = (m: Messages, x: number) => new Intl.NumberFormat(language(m.locale).intl, { style: "percent", maximumFractionDigits: 1 }).format(x);

function TopTable({ m, caption, rows, money }: { m: Messages; caption: string; rows: TopProduct[]; money: (n: number) => string }) {
  const { t } = m;
  return (
    <table class="top-products">
      <caption style="text-align:start;font-weight:700;padding:8px 0">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("insight.top.product")}</th>
          <th scope="col" class="n">{t("insight.top.units")}</th>
          <th scope="col" class="n">{t("insight.revenue")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={`${p.productId ?? p.title}`}>
            <td>{p.title}</td>
            <td class="n">{p.units}</td>
            <td class="n">{money(p.revenue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InsightCard({ m, insight, currency }: { m: Messages; insight: Insight; currency: string }) {
  const { t } = m;
  const money = (n: number) => formatMoney(n, currency, m.locale);
  const notYet = t("insight.notYet");
  const stat = (label: string, value: string, note?: string) => (
    <div class="stat">
      <span class="muted">{label}</span>
      <b>{value}</b>
      {note && <span class="muted">{note}</span>}
    </div>
  );
  return (
    <section class="card insight" aria-labelledby="insight-title">
      <h2 id="insight-title" style="margin-top:0">
        {t("insight.title")}
      </h2>
      <div class="stats">
        {stat(t("insight.visits"), String(insight.visits))}
        {stat(t("insight.orders"), String(insight.orders))}
        {stat(
          t("insight.conversion"),
          insight.conversion === null ? notYet : percent(m, insight.conversion),
          insight.conversion === null ? undefined : t("insight.conversionOf", { orders: insight.orders, visits: insight.visits }),
        )}
        {stat(t("insight.revenue"), money(insight.revenue))}
        {stat(t("insight.averageOrder"), insight.averageOrder === null ? notYet : money(insight.averageOrder))}
      </div>
      <h3>{t("insight.sources.title")}</h3>
      {insight.sources.length === 0 ? (
        <p class="muted">{t("insight.sources.empty")}</p>
      ) : (
        <ul class="sources">
          {insight.sources.map(({ source, n }) => {
            const share = n / insight.visits;
            return (
              <li key={source}>
                <span>{t(`insight.source.${source}`)}</span>
                <span>{t("insight.sources.count", { n, share: percent(m, share) })}</span>
                <span class="bar" aria-hidden="true">
                  <span style={`width:${(share * 100).toFixed(1)}%`} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {insight.topByUnits.length === 0 ? (
        <p class="muted">{t("insight.top.empty")}</p>
      ) : (
        <>
          <TopTable m={m} caption={t("insight.top.byUnits")} rows={insight.topByUnits} money={money} />
          <TopTable m={m} caption={t("insight.top.byRevenue")} rows={insight.topByRevenue} money={money} />
        </>
      )}
    </section>
  );
}
