import type { Messages } from "../../i18n";
import { html, raw, type Html } from "../../ui/html";
import type { OrderStatus } from "../status";

/** The status's pill as a string (src/ui/html.ts), for the orders list's rows. */
export const statusPillHtml = (m: Messages, status: OrderStatus): Html => html`<span class="pill ${status}">${m.t(`status.${status}`)}</span>`;

export function StatusPill({ m, status }: { m: Messages; status: OrderStatus }) {
  return raw(statusPillHtml(m, status));
}
