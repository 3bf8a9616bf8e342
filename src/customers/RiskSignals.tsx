/** Risk signals in plain words: the order page's list and the orders list's short line. */
import type { Messages, MessageKey, TParams } from "../i18n";
import { html, type Html } from "../ui/html";
import { riskSignals, shortSignals, type RiskFacts, type Signal } from "./risk";

const say = (m: Messages, s: Signal) => (m.t as (key: MessageKey, params: TParams) => string)(s.key, s.params);

/** Beside an order: her history with the shop, then what is unusual, and a link to her page. */
export function RiskList({ m, risk, customerHref }: { m: Messages; risk: RiskFacts; customerHref: string | null }) {
  return (
    <>
      <h3>{m.t("customers.risk.title")}</h3>
      <ul class="risk">
        {riskSignals(risk).map((s) => (
          <li key={s.key} class={s.warn ? "warn" : undefined}>
            {say(m, s)}
          </li>
        ))}
      </ul>
      {customerHref && (
        <p>
          <a class="tap" href={customerHref}>{m.t("customers.risk.view")}</a>
        </p>
      )}
    </>
  );
}

/**
 * A row of the orders list: new or returning, and cancels or returns before, in a few words.
 * Written as a string (src/ui/html.ts): the list puts it in its rows' markup.
 */
export function shortSignalsHtml(m: Messages, row: Parameters<typeof shortSignals>[0]): Html {
  const list = shortSignals(row).map((s, i) => (s.warn ? html`<span class="warn">${i > 0 ? " · " : ""}${say(m, s)}</span>` : html`<span>${i > 0 ? " · " : ""}${say(m, s)}</span>`));
  return html`<span class="signals">${list}</span>`;
}
