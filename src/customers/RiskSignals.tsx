/** Risk signals in plain words: the order page's list and the orders list's short line. */
import type { Messages, MessageKey, TParams } from "../i18n";
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

/** A row of the orders list: new or returning, and cancels or returns before, in a few words. */
export function ShortSignals({ m, row }: { m: Messages; row: Parameters<typeof shortSignals>[0] }) {
  const list = shortSignals(row);
  return (
    <span class="signals">
      {list.map((s, i) => (
        <span key={s.key} class={s.warn ? "warn" : undefined}>
          {i > 0 && " · "}
          {say(m, s)}
        </span>
      ))}
    </span>
  );
}
