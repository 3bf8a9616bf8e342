/**
 * The order page's gateway section: "Pay now" only for an unpaid order whose payment method is a
 * gateway of the shop (she came back without paying: she may try again), and the return's notice.
 */
import { mayMove } from "../payments/states";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { MessageKey } from "../i18n";
import type { OrderDetail } from "../orders/read";
import { METHODS } from "../payments";
import { personalContext } from "../checkout/views/frame";
import { PAYMENT_NOTICES, PayNow } from "./views/PayNow";

/** An order the customer may still pay online: unpaid, going ahead, with something to pay. */
const payable = (o: OrderDetail["order"]) => mayMove("received", o.paymentState) && o.status !== "cancelled" && o.status !== "returned" && o.total > 0;

/** The gateway's name as the order page says it ("JazzCash", "Easypaisa"). */
const nameOf = (provider: string): MessageKey => (provider === "easypay" ? "checkout.gateway.name.easypay" : "checkout.gateway.name.jazzcash");

/**
 * The section, or null. Whether the shop takes the gateway comes with the storefront's cached
 * shop record (its saved providers): the order page stays one D1 round trip.
 */
export function payNowFor(c: Context<AppEnv>, detail: OrderDetail) {
  const { order } = detail;
  const provider = METHODS.find((m) => m.id === order.paymentMethod)?.provider;
  if (!provider) return null;
  const asked = PAYMENT_NOTICES.find((n) => n === c.req.query("payment")) ?? null;
  // Settled while she waited: the order says so, whatever the link said.
  const notice = asked === "checking" && order.paymentState === "paid" ? "paid" : asked;
  const action = payable(order) && notice !== "checking" && c.get("shop").providers?.includes(provider) ? `/pay/${provider}/${order.token}` : null;
  if (!action && !notice) return null;
  const check = notice === "checking" ? `/pay/${provider}/status?order=${order.token}` : null;
  return <PayNow ctx={personalContext(c.get("shop"), c.req.url, 0)} gateway={nameOf(provider)} action={action} notice={notice} check={check} />;
}
