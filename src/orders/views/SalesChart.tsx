import { formatDate, type Messages } from "../../i18n";
import type { DayStat } from "../stats";

export interface SalesChartProps {
  m: Messages;
  days: DayStat[];
  money: (minor: number) => string;
  /** Visits a day, aligned with `days` (src/insight): drawn as a line on a scale of its own. */
  visits?: readonly number[];
}

const W = 300;
const H = 120;
const PAD = 14;

/** Daily sales as a server-drawn SVG bar chart, with a sentence and a table as its text alternative. */
export function SalesChart({ m, days, money, visits }: SalesChartProps) {
  const { t } = m;
  const max = Math.max(1, ...days.map((d) => d.revenue));
  const slot = W / days.length;
  const total = days.reduce((s, d) => s + d.revenue, 0);
  const orders = days.reduce((s, d) => s + d.orders, 0);
  const best = days.reduce((b, d) => (d.revenue > b.revenue ? d : b), days[0]!);
  const label = (d: DayStat) => formatDate(Date.parse(`${d.date}T12:00:00+05:00`), m.locale, false);
  const salesAlt = t("orders.dash.chartAlt", { total: money(total), n: orders, best: label(best), bestTotal: money(best.revenue) });
  const line = visits && visitsLine(m, days, visits, slot, label);
  const alt = line ? `${salesAlt} ${line.alt}` : salesAlt;
  return (
    <figure class="chart card" style="margin:12px 0">
      <figcaption>
        <h2 style="margin-top:0">{t("orders.dash.chartTitle")}</h2>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H + PAD}`} role="img" aria-label={alt} xmlns="http://www.w3.org/2000/svg">
        <line x1="0" y1={H} x2={W} y2={H} stroke="#a8a29e" stroke-width="1" />
        {days.map((d, i) => {
          const h = d.revenue === 0 ? 0 : Math.max(2, Math.round((d.revenue / max) * (H - 4)));
          return (
            <rect key={d.date} x={(i * slot + 1).toFixed(1)} y={H - h} width={(slot - 2).toFixed(1)} height={h} rx="1.5" fill={i === days.length - 1 ? "#b4530a" : "#0f5c4d"}>
              <title>{`${label(d)}: ${money(d.revenue)} (${t("orders.dash.orders", { n: d.orders })})`}</title>
            </rect>
          );
        })}
        {line && <polyline points={line.points} fill="none" stroke="#7c3aed" stroke-width="1.5" stroke-linejoin="round" />}
        <text x="0" y={H + PAD - 2} font-size="10" fill="#57534e">
          {label(days[0]!)}
        </text>
        <text x={W} y={H + PAD - 2} font-size="10" fill="#57534e" text-anchor="end">
          {label(days[days.length - 1]!)}
        </text>
      </svg>
      <p class="muted">{alt}</p>
      <details>
        <summary>{t("orders.dash.chartTable")}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("orders.dash.day")}</th>
              <th scope="col">{t("orders.title")}</th>
              <th scope="col">{t("orders.dash.revenue")}</th>
              {visits && <th scope="col">{t("orders.dash.visits")}</th>}
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.date}>
                <th scope="row">{label(d)}</th>
                <td>{d.orders}</td>
                <td>{money(d.revenue)}</td>
                {visits && <td>{visits[i] ?? 0}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** The visits line's points (through each day's slot centre) and its sentence. */
function visitsLine(m: Messages, days: readonly DayStat[], visits: readonly number[], slot: number, label: (d: DayStat) => string) {
  const most = Math.max(1, ...visits);
  const points = days.map((_, i) => `${(i * slot + slot / 2).toFixed(1)},${(H - ((visits[i] ?? 0) / most) * (H - 4)).toFixed(1)}`).join(" ");
  const busiest = days.reduce((b, _, i) => ((visits[i] ?? 0) > (visits[b] ?? 0) ? i : b), 0);
  const n = visits.reduce((s, v) => s + v, 0);
  return { points, alt: m.t("orders.dash.chartVisitsAlt", { n, best: label(days[busiest]!), bestVisits: visits[busiest] ?? 0 }) };
}
