import type { Messages } from "../../i18n";
import type { OrderStatus } from "../status";

export function StatusPill({ m, status }: { m: Messages; status: OrderStatus }) {
  return <span class={`pill ${status}`}>{m.t(`status.${status}`)}</span>;
}
