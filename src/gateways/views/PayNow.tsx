/**
 * The order page's gateway section (src/checkout/views/OrderStatusPage.tsx shows it): what the
 * gateway's last answer was, "checking your payment" while Easypaisa's inquiry runs (the page
 * refreshes through the status route until it is settled), and "Pay now with <gateway>" to try
 * again.
 */
import type { MessageKey } from "../../i18n";
import type { StoreContext } from "../../storefront/theme";

/** What the return said, as the order page's `?payment=` shows it. */
export const PAYMENT_NOTICES = ["paid", "failed", "pending", "refused", "checking"] as const;
export type PaymentNotice = (typeof PAYMENT_NOTICES)[number];

/** Good news or news to wait for: a status, not an alert. */
const quiet = (n: PaymentNotice) => n === "paid" || n === "checking";

/** Seconds between two looks while her payment is being checked. */
const CHECK_EVERY_S = 3;

export function PayNow({ ctx, gateway, action, notice, check }: { ctx: StoreContext; gateway: MessageKey; action: string | null; notice: PaymentNotice | null; check: string | null }) {
  const { t } = ctx;
  const name = { gateway: t(gateway) };
  return (
    <>
      {notice && (
        <p class={quiet(notice) ? "co-note" : "co-alert"} role={quiet(notice) ? "status" : "alert"} data-payment={notice}>
          {t(`checkout.gateway.notice.${notice}`, name)}
          {notice === "checking" && check && (
            <>
              {" "}
              <meta http-equiv="refresh" content={`${CHECK_EVERY_S};url=${ctx.url(check)}`} />
              <a href={ctx.url(check)}>{t("checkout.gateway.checkAgain")}</a>
            </>
          )}
        </p>
      )}
      {action && (
        <section class="co-confirm" aria-labelledby="pay-now-title">
          <h2 id="pay-now-title">{t("checkout.gateway.title", name)}</h2>
          <p>{t("checkout.gateway.what", name)}</p>
          <form method="post" action={ctx.url(action)}>
            <button class="co-btn block" type="submit">
              {t("checkout.gateway.button", name)}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
