/** The order page's gateway section: "Pay now" for an unpaid order of a shop that takes JazzCash, and the return's notice. */
import { mayMove } from "../payments/states";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { OrderDetail } from "../orders/read";
import { personalContext } from "../checkout/views/frame";
import { PAYMENT_NOTICES, PayNow } from "./views/PayNow";

/** An order the customer may still pay online: unpaid, going ahead, with something to pay. */
const payable = (o: OrderDetail["order"]) => mayMove("received", o.paymentState) && o.status !== "cancelled" && o.status !== "returned" && o.total > 0;

/**
 * The section, or null. Whether the shop takes JazzCash comes with the storefront's cached shop
 * record (its saved providers): the order page stays one D1 round trip.
 */
export function payNowFor(c: Context<AppEnv>, detail: OrderDetail) {
  const notice = PAYMENT_NOTICES.find((n) => n === c.req.query("payment")) ?? null;
  const { order } = detail;
  const action = payable(order) && c.var.shop.providers?.includes("jazzcash") ? `/pay/jazzcash/${order.token}` : null;
  if (!action && !notice) return null;
  return <PayNow ctx={personalContext(c.var.shop, c.req.url, 0)} action={action} notice={notice} />;
}
