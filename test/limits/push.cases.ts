/**
 * The order-alerts card's forms (src/push/AlertsCard.tsx): the phone's subscription, filled by the
 * card's script from the browser and never typed, so only the fields' caps are checked here; the
 * values are tested in src/push/push.test.ts. The dashboard shows the card when push is set up:
 * it is fetched with VAPID keys.
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";
import { subscribeSchema, unsubscribeSchema } from "../../src/push/schema";
import { newVapidKeys } from "../../src/messages/test-helpers";
import { ROOT, sellerWithShop, type Res } from "../helpers";
import type { FormCase } from "./harness";

type Ctx = Awaited<ReturnType<typeof sellerWithShop>>;
const unused = { valid: () => ({}), post: () => Promise.reject(new Error("not posted")), saved: () => false };

async function dashboardWithPush(s: Ctx, url: string): Promise<Res> {
  const vars = { ...(await newVapidKeys()), VAPID_SUBJECT: "mailto:alerts@hatti.pk" };
  const req = new Request(url, { headers: { cookie: s.client.cookieHeader(url) }, redirect: "manual" });
  const res = await worker.fetch(req, { ...env, ...vars } as never, createExecutionContext());
  return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get("location") };
}

const card = { ...unused, declaredOnly: true, setup: () => sellerWithShop(), page: (s: Ctx) => `${ROOT}/admin/${s.slug}`, get: dashboardWithPush };

export const pushCases: FormCase<Ctx>[] = [
  { ...card, route: "POST /_p/admin/:shop/push/subscribe", schema: subscribeSchema, action: (s) => `${ROOT}/admin/${s.slug}/push/subscribe` },
  { ...card, route: "POST /_p/admin/:shop/push/unsubscribe", schema: unsubscribeSchema, action: (s) => `${ROOT}/admin/${s.slug}/push/unsubscribe` },
];
