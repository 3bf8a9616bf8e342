import type { ComponentChildren } from "preact";
import { formatDate } from "../../i18n";
import { isOwnRider } from "../../orders/courier";
import { trackingUrlForOrder } from "../../couriers/tracking-link";
import type { ConfirmOutcome } from "../../orders/confirmation";
import type { OrderDetail } from "../../orders/read";
import type { StoreContext } from "../../storefront/theme";
import type { Shop } from "../../tenancy/shop-cache";
import type { PaymentOption } from "../../payments";
import { OrderTotals } from "../../orders/views/OrderTotals";
import { StoreFrame } from "./frame";
import { PaymentBlock, type ProofState } from "./PaymentBlock";
import { isPaymentState } from "../../payments/states";

export interface OrderStatusPageProps {
  shop: Shop;
  ctx: StoreContext;
  detail: OrderDetail;
  /** The shop's current account for the order's payment method (null for cash on delivery). */
  payment: PaymentOption | null;
  /** wa.me link to the seller with the order prefilled; null when the shop has no WhatsApp. */
  whatsappUrl: string | null;
  placed: boolean;
  /** Where the customer cancels the order herself; null once the seller confirmed it. */
  cancel: string | null;
  /** After a cancel: done, or too late (the seller confirmed it meanwhile). */
  cancelled: "done" | "late" | null;
  /** Where the customer confirms her cash-on-delivery order, while it awaits her; null otherwise. */
  confirm: string | null;
  /** After a confirm: what it did (src/orders/confirmation.ts). */
  confirmed: ConfirmOutcome | null;
  /** A hosted gateway's "Pay now" and its last answer (src/gateways/views/PayNow.tsx). */
  pay?: ComponentChildren;
  /** Proof of payment (src/payments/proof.ts): for a transfer, her screenshot and transaction ID. */
  proof: ProofState;
}

export function OrderStatusPage({ shop, ctx, detail, payment, whatsappUrl, placed, cancel, cancelled, confirm, confirmed, pay, proof }: OrderStatusPageProps) {
  const { t, money } = ctx;
  const { order, items, events } = detail;
  const number = `#${order.number}`;
  const total = money(order.total);
  const trackingUrl = ["shipped", "delivered"].includes(order.status) ? trackingUrlForOrder(order) : "";
  return (
    <StoreFrame shop={shop} ctx={ctx} title={t("checkout.order.title", { number })}>
      {placed && (
        <p class="co-note" role="status">
          <b>{t("checkout.order.thanks")}</b> {t("checkout.order.keepLink")}
        </p>
      )}
      {cancelled && (
        <p class={cancelled === "done" ? "co-note" : "co-alert"} role={cancelled === "done" ? "status" : "alert"}>
          {t(cancelled === "done" ? "checkout.order.cancelDone" : "checkout.order.cancelLate")}
        </p>
      )}
      {confirmed && (
        <p class={confirmed === "cancelled" ? "co-alert" : "co-note"} role={confirmed === "cancelled" ? "alert" : "status"}>
          {t(`checkout.order.confirm.${confirmed}`)}
        </p>
      )}
      <h1>{t("checkout.order.title", { number })}</h1>
      <p>
        {t("checkout.order.status")}: <span class="co-status">{t(`status.${order.status}`)}</span>
      </p>
      {confirm && (
        <section class="co-confirm" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t("checkout.order.confirmTitle")}</h2>
          <p>{t("checkout.order.confirmWhat", { number, total })}</p>
          <form method="post" action={ctx.url(confirm)}>
            <button class="co-btn block" type="submit">
              {t("checkout.order.confirmButton")}
            </button>
          </form>
        </section>
      )}
      {!confirmed && order.confirmation === "confirmed" && <p class="co-note">{t("checkout.order.confirmed")}</p>}
      {order.status === "shipped" && isOwnRider(order.courier) && <p class="co-note">{t("checkout.order.ownRider")}</p>}
      {order.status === "shipped" && order.trackingNumber && !isOwnRider(order.courier) && (
        <p class="co-note">{t("checkout.order.tracking", { courier: order.courier, tracking: order.trackingNumber })}</p>
      )}
      {trackingUrl && (
        <a class="co-btn block" href={trackingUrl} rel="noopener noreferrer" target="_blank" data-track>
          {t("checkout.order.trackParcel")}
        </a>
      )}
      {whatsappUrl && (
        <a class="co-btn block" href={whatsappUrl} rel="noopener">
          {t("checkout.order.whatsapp")}
        </a>
      )}

      <PaymentBlock ctx={ctx} order={order} payment={payment} proof={proof} />
      {pay}

      <h2>{t("checkout.order.items")}</h2>
      <ul class="co-lines">
        {items.map((i) => (
          <li class="co-line" key={i.id}>
            <div>
              <span class="t">{i.title}</span>
              {i.variantTitle && <div class="v">{i.variantTitle}</div>}
              <div class="v">
                {i.quantity} × {money(i.price)}
              </div>
            </div>
            <div class="amt">{money(i.price * i.quantity)}</div>
          </li>
        ))}
      </ul>
      <OrderTotals t={t} money={money} order={order} discounts={detail.discounts} deliveryLabel={t("checkout.deliveryTo", { zone: order.zoneName })} class="co-sum" />

      <h2>{t("checkout.order.deliverTo")}</h2>
      <p class="co-note">
        {order.customerName}
        <br />
        <span class="co-ltr">{order.customerPhone}</span>
        <br />
        {order.address}
        <br />
        {order.city}
      </p>

      {cancel && (
        <details class="co-note co-cancel">
          <summary>{t("checkout.order.cancel")}</summary>
          <p>{t("checkout.order.cancelWhat")}</p>
          <form method="post" action={ctx.url(cancel)}>
            <button class="co-btn ghost block" type="submit">
              {t("checkout.order.cancelConfirm", { number })}
            </button>
          </form>
        </details>
      )}

      <h2>{t("checkout.order.history")}</h2>
      <ol class="co-steps">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={new Date(e.createdAt).toISOString()}>{formatDate(e.createdAt, ctx.locale)}</time>
            {e.kind === "created" ? t("checkout.event.created")
              : e.kind === "confirmation" ? t("checkout.event.confirmed")
              : e.kind === "payment" ? t("checkout.event.payment", { state: t(`checkout.payment.state.${isPaymentState(e.toStatus) ? e.toStatus : "unpaid"}`) })
              : t(`status.${(e.toStatus ?? "new") as "new"}`)}
          </li>
        ))}
      </ol>
    </StoreFrame>
  );
}
