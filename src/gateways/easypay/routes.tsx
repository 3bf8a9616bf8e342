/**
 * Easypaisa's hosted checkout, the customer's side. The start route (POST, same-origin) writes a
 * pending attempt and hands her to Easypay's Index.jsf; Easypay sends her browser back to
 * /pay/easypay/return twice: first with an `auth_token` (handed on to Confirm.jsf), then with
 * `status`, `desc` and `orderRefNumber`. That postback is NOT signed, so it is never believed: it
 * records that she came back and puts the transaction inquiry on the queue (src/gateways/jobs.ts),
 * which settles the attempt; her order page says "checking your payment" and looks again through
 * the status route until it is settled.
 */
import { shopQueue } from "../../lib/meter";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../env";
import { attemptByRef, latestAttemptState, noteReturn, startAttempt } from "../attempts";
import { easypayAccount } from "../config";
import { enqueueInquiry } from "../jobs";
import { EXPIRY_MS } from "../jazzcash/fields";
import { env, handOffPage, orderToPay, scope } from "../hand-off";
import { newOrderRef, PATHS, PROVIDER } from "./fields";
import { easypayFields } from "./hash";

export const easypayRoutes = new Hono<AppEnv>();

const RETURN = "/pay/easypay/return";
const NAME = "checkout.gateway.name.easypay";

/** The start route: a pending attempt at the order's total, and the page that posts Easypay's form. */
easypayRoutes.post("/pay/easypay/:token{[A-Za-z0-9_-]{20,64}}", async (c) => {
  const token = c.req.param("token");
  const detail = await orderToPay(c, PROVIDER);
  if (!detail) return c.notFound();
  const back = () => c.redirect(`/orders/${token}`, 303);
  const account = await easypayAccount(scope(c), env(c));
  if (!account) return back();
  const now = Date.now();
  const attempt = await startAttempt(scope(c), detail.order.id, PROVIDER, () => newOrderRef(now));
  if (!attempt) return back();
  const fields = await easypayFields(account.creds.hashKey, {
    storeId: account.creds.storeId,
    amount: attempt.amount,
    orderRefNum: attempt.txnRef,
    postBackURL: `${new URL(c.req.url).origin}${RETURN}`,
    expiresAt: now + EXPIRY_MS,
  });
  return handOffPage(c, `${account.base}${PATHS.form}`, fields, NAME);
});

/** Easypay's two postbacks, as it writes them in the query; anything longer is not Easypay's. */
const tokenLeg = z.object({ auth_token: z.string().regex(/^[A-Za-z0-9_.=+/-]{1,200}$/) });
const statusLeg = z.object({ orderRefNumber: z.string().min(1).max(40), status: z.string().max(20).optional() });

/** Her own payment's answers: never kept by a cache on the way. */
const NO_STORE = "private, no-store";

easypayRoutes.get(RETURN, async (c) => {
  c.header("cache-control", NO_STORE);
  const q = c.req.query();
  const done = statusLeg.safeParse(q);
  if (done.success) {
    const attempt = await attemptByRef(scope(c), PROVIDER, done.data.orderRefNumber);
    if (!attempt) return c.notFound();
    const to = (notice: string) => c.redirect(`/orders/${attempt.orderToken}?payment=${notice}`, 303);
    if (attempt.state !== "pending") return to(attempt.state);
    // She came back: only the inquiry can say whether she paid. Asked once per return.
    if (await noteReturn(scope(c), attempt.id)) c.executionCtx.waitUntil(enqueueInquiry(shopQueue(c), { shopId: c.get("shop").id, txnRef: done.data.orderRefNumber }));
    return to("checking");
  }
  // Neither leg (a bare visit, a bookmark): the shop's home; a malformed token: not Easypay's.
  if (!("auth_token" in q)) return c.redirect("/", 303);
  const step = tokenLeg.safeParse(q);
  if (!step.success) return c.notFound();
  // The first leg: her browser hands the token on to Confirm.jsf, which sends her back with the status.
  const account = await easypayAccount(scope(c), env(c));
  if (!account) return c.notFound();
  return handOffPage(c, `${account.base}${PATHS.confirm}`, { auth_token: step.data.auth_token, postBackURL: `${new URL(c.req.url).origin}${RETURN}` }, NAME);
});

/** Where the "checking" order page looks again: the order's latest Easypaisa attempt, as a notice on her order page. */
easypayRoutes.get("/pay/easypay/status", async (c) => {
  c.header("cache-control", NO_STORE);
  const token = c.req.query("order") ?? "";
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return c.redirect("/", 303);
  const state = await latestAttemptState(scope(c), token, PROVIDER);
  if (!state) return c.notFound();
  return c.redirect(`/orders/${token}?payment=${state === "pending" ? "checking" : state}`, 303);
});
