/**
 * What every gateway's start and return routes share: the shop's scope and the gateways' env, the
 * order a start route may start a payment for, and the hand-off page.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { MessageKey } from "../i18n";
import { renderDocument, sendDocument } from "../lib/render";
import { orderByToken } from "../orders/read";
import { METHODS } from "../payments";
import { personalContext } from "../checkout/views/frame";
import type { GatewayBindings } from "./config";
import { HandOff } from "./views/HandOff";

type C = Context<AppEnv>;

export const scope = (c: C) => ({ db: c.get("db"), shopId: c.get("shop").id });
export const env = (c: C) => c.env as GatewayBindings;

/** A start route's order: this shop's, paid with this provider's method (a cash-on-delivery order never starts a payment); else null. */
export async function orderToPay(c: C, provider: string) {
  const detail = await orderByToken(c.get("db"), c.get("shop").id, c.req.param("token") ?? "");
  return detail && METHODS.some((m) => m.id === detail.order.paymentMethod && m.provider === provider) ? detail : null;
}

/** The hand-off page: `fields` auto-posted to `action`, whose origin joins this page's CSP form-action; never cached. */
export function handOffPage(c: C, action: string, fields: Record<string, string>, gateway: MessageKey) {
  const ctx = personalContext(c.get("shop"), c.req.url, 0);
  const doc = renderDocument(<HandOff shop={c.get("shop")} ctx={ctx} action={action} fields={fields} gateway={gateway} />);
  const csp = doc.csp.replace(/form-action [^;]*/, `form-action 'self' ${new URL(action).origin}`);
  return sendDocument(c, { ...doc, csp }, 200, { "cache-control": "private, no-store", "x-robots-tag": "noindex" });
}

