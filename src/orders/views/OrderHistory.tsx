import type { Messages } from "../../i18n";
import { When } from "../../ui/bits";
import type { OrderEventRow } from "../read";
import type { OrderStatus } from "../status";
import { isPaymentState } from "../../payments/states";

function EventLine({ m, e }: { m: Messages; e: OrderEventRow }) {
  const { t } = m;
  const st = (s: string | null) => t(`status.${(s ?? "new") as OrderStatus}`);
  const ps = (s: string | null) => t(`payment.state.${(isPaymentState(s) ? s : "unpaid")}`);
  const what =
    e.kind === "created" ? t("orders.event.created")
    : e.kind === "status" ? t("orders.event.status", { from: st(e.fromStatus), to: st(e.toStatus) })
    : e.kind === "payment" && e.toStatus ? t("orders.event.paymentState", { from: ps(e.fromStatus), to: ps(e.toStatus) })
    : e.kind === "payment" ? t("orders.event.payment")
    : e.kind === "confirmation" ? t("orders.event.confirmation")
    : e.kind === "shipping" ? t("couriers.event.shipping")
    : t("orders.event.note");
  return (
    <li>
      <When ms={e.createdAt} locale={m.locale} />
      <div>
        <b>{what}</b> {e.private && <span class="pill">{t("orders.order.private")}</span>}{" "}
        {(e.kind === "status" || (e.kind === "payment" && e.toStatus === "proof_sent")) && e.actorUserId === null ? (
          <span class="who">{t("orders.order.byCustomer")}</span>
        ) : (
          e.actorName && <span class="who">{t("orders.order.by", { name: e.actorName })}</span>
        )}
      </div>
      {e.message && e.kind !== "payment" && <p class="note-text">{e.message}</p>}
    </li>
  );
}

/** Every change to the order, newest first, with who made it and when. */
export function OrderHistory({ m, events }: { m: Messages; events: OrderEventRow[] }) {
  return (
    <ol class="events">
      {[...events].reverse().map((e) => (
        <EventLine m={m} e={e} key={e.id} />
      ))}
    </ol>
  );
}
