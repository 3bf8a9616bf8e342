import { formatMoney, type Messages } from "../../i18n";
import { mayMove, type PaymentMove } from "../../payments/states";
import { Form } from "../../ui/Form";
import type { OrderDetail } from "../read";

/** A payment button: its move in a hidden field (src/orders/schemas.ts paymentMoveSchema). */
function MoveButton({ action, csrf, move, label, ghost }: { action: string; csrf: string; move: PaymentMove; label: string; ghost?: boolean }) {
  return (
    <Form action={action} csrf={csrf}>
      <input type="hidden" name="move" value={move} />
      <button class={ghost ? "btn ghost block" : "btn block"} type="submit">
        {label}
      </button>
    </Form>
  );
}

/**
 * The order page's payment card: the method and the payment's state, the customer's screenshot and
 * transaction ID when she sent them, and the buttons the state allows (Payment received, Not
 * received, refunded).
 */
export function PaymentSection({ m, order, base, csrf }: { m: Messages; order: OrderDetail["order"]; base: string; csrf: string }) {
  const { t } = m;
  const state = order.paymentState;
  const action = `${base}/payment`;
  return (
    <section class="card" id="payment">
      <h2>{t("orders.order.payment")}</h2>
      <p>
        {t(`checkout.pay.${order.paymentMethod}`)} · <b class="pay-state">{t(`payment.state.${state}`)}</b>
      </p>
      {order.paymentReference && <p class="ltr" dir="ltr">{t("orders.order.reference", { ref: order.paymentReference })}</p>}
      {order.paymentProof && (
        <figure class="proof">
          <a href={`${base}/proof`} target="_blank" rel="noopener">
            <img src={`${base}/proof`} alt={t("orders.payment.proofAlt", { number: `#${order.number}` })} loading="lazy" width={320} />
          </a>
          <figcaption class="muted">{t("orders.payment.proof")}</figcaption>
        </figure>
      )}
      {state === "proof_sent" && <p class="hint muted">{t("orders.payment.checkHint", { total: formatMoney(order.total, order.currency, m.locale) })}</p>}
      {mayMove("received", state) && <MoveButton action={action} csrf={csrf} move="received" label={t(state === "proof_sent" ? "orders.payment.received" : "orders.order.markPaid")} ghost={state !== "proof_sent"} />}
      {mayMove("notReceived", state) && <MoveButton action={action} csrf={csrf} move="notReceived" label={t("orders.payment.notReceived")} ghost />}
      {mayMove("refunded", state) && <MoveButton action={action} csrf={csrf} move="refunded" label={t("orders.payment.refund")} ghost />}
    </section>
  );
}
