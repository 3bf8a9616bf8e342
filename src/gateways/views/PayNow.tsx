/**
 * The order page's "Pay now with JazzCash" section (src/checkout/views/OrderStatusPage.tsx shows
 * it): the button that starts a hosted payment, and what the gateway's last answer was.
 */
import type { StoreContext } from "../../storefront/theme";

/** What the return said, as the order page's `?payment=` shows it. */
export const PAYMENT_NOTICES = ["paid", "failed", "pending", "refused"] as const;
export type PaymentNotice = (typeof PAYMENT_NOTICES)[number];

export function PayNow({ ctx, action, notice }: { ctx: StoreContext; action: string | null; notice: PaymentNotice | null }) {
  const { t } = ctx;
  return (
    <>
      {notice && (
        <p class={notice === "paid" ? "co-note" : "co-alert"} role={notice === "paid" ? "status" : "alert"} data-payment={notice}>
          {t(`checkout.gateway.notice.${notice}`)}
        </p>
      )}
      {action && (
        <section class="co-confirm" aria-labelledby="pay-now-title">
          <h2 id="pay-now-title">{t("checkout.gateway.title")}</h2>
          <p>{t("checkout.gateway.what")}</p>
          <form method="post" action={ctx.url(action)}>
            <button class="co-btn block" type="submit">
              {t("checkout.gateway.button")}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
