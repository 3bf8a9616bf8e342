/**
 * Hosted gateways (JazzCash here; Easypaisa in easypay/routes.tsx): the start route (after "Place
 * order" with the gateway's payment method, or "Pay now" on her order page to try again) starts an
 * attempt and hands her to the gateway; JazzCash's return, posted by her browser from the
 * gateway's page, is believed only when its hash verifies under the shop's integrity salt, it
 * names a pending attempt of this shop, its merchant is the shop's and its amount is the
 * attempt's. The cron's status inquiry settles attempts whose return never came (cron.ts). The
 * seller's credentials page: admin-routes.tsx.
 */
import { shopQueue } from "../lib/meter";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { readForm } from "../lib/form";
import { enqueueGathered } from "../messages/outbox";
import { attemptByRef, settleGatewayPayment, startAttempt } from "./attempts";
import { jazzcashAccount } from "./config";
import { easypayRoutes } from "./easypay/routes";
import { env, handOffPage, orderToPay, scope } from "./hand-off";
import { hashMatches } from "./jazzcash/hash";
import { newTxnRef, outcomeOf, PATHS, PROVIDER, requestFields, trimmedResponse } from "./jazzcash/fields";

export const gatewayRoutes = new Hono<AppEnv>();
gatewayRoutes.route("/", easypayRoutes);

/** Where the gateway posts back: exempt from the storefront's same-origin check (src/app.ts), its hash is its proof. */
export const GATEWAY_RETURNS = ["/pay/jazzcash/return"] as const;

/** The start route: a pending attempt at the order's total, and the page that posts it to JazzCash. */
gatewayRoutes.post("/pay/jazzcash/:token{[A-Za-z0-9_-]{20,64}}", async (c) => {
  const token = c.req.param("token");
  const back = () => c.redirect(`/orders/${token}`, 303);
  const detail = await orderToPay(c, PROVIDER);
  if (!detail) return c.notFound();
  const account = await jazzcashAccount(scope(c), env(c));
  if (!account) return back();
  const now = Date.now();
  const attempt = await startAttempt(scope(c), detail.order.id, PROVIDER, () => newTxnRef(now));
  if (!attempt) return back();
  const origin = new URL(c.req.url).origin;
  const fields = await requestFields(account.creds, {
    txnRef: attempt.txnRef,
    amount: attempt.amount,
    orderNumber: detail.order.number,
    shopName: c.get("shop").name,
    returnUrl: `${origin}${GATEWAY_RETURNS[0]}`,
    now,
  });
  return handOffPage(c, `${account.base}${PATHS.form}`, fields, "checkout.gateway.name.jazzcash");
});

/** What a return must carry; anything longer than JazzCash sends is not a JazzCash return. */
const returnSchema = z.object({
  pp_TxnRefNo: z.string().min(1).max(40),
  pp_Amount: z.string().regex(/^\d{1,12}$/),
  pp_MerchantID: z.string().max(40),
  pp_ResponseCode: z.string().max(10),
  pp_SecureHash: z.string().max(128),
});

/**
 * JazzCash's return (POSTed by the customer's browser from the gateway's page). Refused, and the
 * order left as it was: a malformed return, an unknown or another shop's transaction, a hash that
 * does not verify, another merchant, another amount. A settled attempt is never settled again.
 */
gatewayRoutes.post(GATEWAY_RETURNS[0], async (c) => {
  const posted = await readForm(c);
  const parsed = returnSchema.safeParse(posted);
  if (!parsed.success) return c.notFound();
  const r = parsed.data;
  const attempt = await attemptByRef(scope(c), PROVIDER, r.pp_TxnRefNo);
  if (!attempt) return c.notFound();
  const to = (notice: string) => c.redirect(`/orders/${attempt.orderToken}?payment=${notice}`, 303);
  const account = await jazzcashAccount(scope(c), env(c));
  if (!account || !(await hashMatches(account.creds.salt, posted))) return to("refused");
  if (r.pp_MerchantID !== account.creds.merchantId || Number(r.pp_Amount) !== attempt.amount) return to("refused");
  if (attempt.state !== "pending") return to(attempt.state === "paid" ? "paid" : "failed");
  const outcome = outcomeOf(r.pp_ResponseCode);
  const result = await settleGatewayPayment(scope(c), attempt.id, {
    outcome,
    code: r.pp_ResponseCode,
    response: trimmedResponse(posted),
    provider: PROVIDER,
    txnRef: r.pp_TxnRefNo,
  });
  if (result.settled && result.messages.length) c.executionCtx.waitUntil(enqueueGathered(shopQueue(c), result.messages));
  return to(outcome);
});
