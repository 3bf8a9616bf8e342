import type { Messages } from "../../i18n";
import { html, raw, type Html } from "../../ui/html";
import { confirmationState, type ConfirmClock, type Confirmable } from "../confirmation";

/**
 * The customer's confirmation of a cash-on-delivery order, as the seller sees it beside the order:
 * awaiting it, flagged once it waited the shop's hours (never cancelled), or confirmed by her.
 * Nothing for an order that never asked her, or that the seller moved on. Written as a string
 * (src/ui/html.ts): the orders list puts it in its rows' markup.
 */
export function confirmationMarkHtml(m: Messages, order: Confirmable & { createdAt: number }, clock: ConfirmClock): Html | null {
  const state = confirmationState(order, clock.hours, clock.now);
  if (state === "none") return null;
  const text = state === "late" ? m.t("orders.confirmation.late", { count: clock.hours }) : m.t(`orders.confirmation.${state}`);
  return html`<span class="pill cf-${state}">${text}</span>`;
}

/** confirmationMarkHtml as a component (the order page). */
export function ConfirmationMark({ m, order, clock }: { m: Messages; order: Confirmable & { createdAt: number }; clock: ConfirmClock }) {
  const mark = confirmationMarkHtml(m, order, clock);
  return mark && raw(mark);
}
