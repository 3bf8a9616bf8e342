/**
 * Order alerts on a member's phones, under /admin/:shop/push (any member: a staff member's own
 * phone is her opt-in). The dashboard's script (src/client/push-alerts.ts) posts the browser's
 * PushSubscription as a form (with the CSRF token, like every admin form) and reads a JSON answer:
 * { ok: true } or { ok: false, error } with the message to show. Also the push payload's
 * VAPID public key for the page (pushKey).
 */
import { Hono, type Context } from "hono";
import type { AppEnv, Bindings } from "../env";
import type { MessageKey } from "../i18n";
import { readForm, validate } from "../lib/form";
import { messagesConfig, pushEndpointAllowed, type PushConfig } from "../messages/config";
import { PUSH_DEVICES_PER_MEMBER, subscribeSchema, unsubscribeSchema } from "./schema";
import { deviceLabel, subscribe, unsubscribe } from "./subscriptions";

export const pushRoutes = new Hono<AppEnv>();

/** The push channel's settings, or null when push is not configured here (no VAPID keys). */
export function pushConfig(env: Bindings): PushConfig | null {
  const push = messagesConfig(env).push;
  return push.ok ? push.value : null;
}

const refused = (c: Context<AppEnv>, key: MessageKey, status: 400 | 404 | 409) =>
  c.json({ ok: false, error: c.get("t")(key, { max: PUSH_DEVICES_PER_MEMBER }) }, status, { "cache-control": "no-store" });

pushRoutes.post("/subscribe", async (c) => {
  const config = pushConfig(c.env);
  // Not a 5xx: nothing failed, this server has no VAPID keys (the card is not shown then).
  if (!config) return refused(c, "push.unavailable", 404);
  const r = validate(subscribeSchema, await readForm(c));
  if (!r.ok || !pushEndpointAllowed(r.data.endpoint, config)) return refused(c, "push.invalid", 400);
  const label = deviceLabel(c.req.header("user-agent") ?? "");
  const result = await subscribe(c.get("db"), c.get("shop").id, c.get("user")!.id, r.data, label);
  if (result === "full") return refused(c, "push.full", 409);
  return c.json({ ok: true }, 200, { "cache-control": "no-store" });
});

pushRoutes.post("/unsubscribe", async (c) => {
  const r = validate(unsubscribeSchema, await readForm(c));
  if (!r.ok) return refused(c, "push.invalid", 400);
  await unsubscribe(c.get("db"), c.get("shop").id, c.get("user")!.id, r.data.endpoint);
  return c.json({ ok: true }, 200, { "cache-control": "no-store" });
});
