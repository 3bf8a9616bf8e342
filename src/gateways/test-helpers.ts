/**
 * What the gateways' workerd tests share: a shop whose owner saved a gateway's sandbox
 * credentials, a customer who places an order paid with a gateway's method (the checkout answers
 * a 307 to the start route, which her browser posts), the hand-off form's fields, and the order's
 * payment as D1 holds it (its state, events, alerts and attempts), read in the shop's shard
 * (src/db/shards.ts), and the cron's inquiry run over every database as the cron runs it.
 */
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { credentialsKey } from "../credentials/seal";
import { saveCredentials } from "../credentials/store";
import { cronEnvs } from "../db/shards";
import { inquirePendingPayments } from "./cron";
import type { GatewayBindings } from "./config";
import { shopD1, shopDb } from "../../test/helpers";
import { customerAtCheckout, customerForm, shopWithCatalogue } from "../../test/checkout-fixtures";

export type Shop = Awaited<ReturnType<typeof shopWithCatalogue>>;

/** A shop with a catalogue whose owner saved these credentials for the provider. */
export async function gatewayShop(provider: string, creds: Record<string, string>): Promise<Shop> {
  const s = await shopWithCatalogue();
  await saveCredentials({ db: await shopDb(s.seller.shopId), shopId: s.seller.shopId }, (await credentialsKey(env as never))!, provider, creds);
  return s;
}

/** A customer orders the dupatta paid with `method`: "Place order" sends her (307) to the gateway's start route. */
export async function placeOnline(s: Shop, method: string) {
  const { client, headers, key, basis, page } = await customerAtCheckout(s.origin, [[s.dupatta.id, 1]]);
  expect(page.text, `the checkout offers ${method}`).toContain(`value="${method}"`);
  // Offering it costs the checkout page no round trip: the shop's providers come with its cached record.
  expect(page.headers.get("server-timing")).toContain("d1q;dur=1,");
  const res = await client.post(`${s.origin}/checkout`, { ...customerForm({ payment: method }), key, basis, zone: String(s.zone.id) }, { csrf: false, headers });
  expect(res.status, res.text.slice(0, 300)).toBe(307);
  const [, start, token] = /^(\/pay\/[a-z]+\/([A-Za-z0-9_-]{20,64}))$/.exec(res.location ?? "") ?? [];
  expect(start, `redirected to ${res.location}`).toBeTruthy();
  const row = await (await shopD1(s.seller.shopId)).prepare("SELECT id, number FROM orders WHERE shop_id = ? AND token = ?").bind(s.seller.shopId, token).first<{ id: number; number: number }>();
  return { client, token: token!, start: start!, path: `/orders/${token}`, id: row!.id, number: row!.number };
}

const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The hand-off page's form: its action and hidden fields. */
export function handOffForm(html: string): { action: string; fields: Record<string, string> } {
  const action = unescape(/<form method="post" action="([^"]+)" data-autosubmit/.exec(html)![1]!);
  return { action, fields: Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)])) };
}

/** The order's payment as D1 holds it. */
export async function paymentState(orderId: number, shopId: number) {
  const d1 = await shopD1(shopId);
  const o = await d1.prepare("SELECT payment_status, payment_state, confirmation FROM orders WHERE shop_id = ? AND id = ?").bind(shopId, orderId).first<{ payment_status: string; payment_state: string; confirmation: string }>();
  const events = await d1.prepare("SELECT count(*) AS n FROM order_events WHERE shop_id = ? AND order_id = ? AND kind = 'payment'").bind(shopId, orderId).first<{ n: number }>();
  const alerts = await d1.prepare("SELECT count(*) AS n FROM outbox WHERE shop_id = ? AND template = 'payment_received' AND json_extract(params, '$.orderId') = ?").bind(shopId, orderId).first<{ n: number }>();
  const attempts = await d1.prepare("SELECT state, amount, response_code FROM payment_attempts WHERE shop_id = ? AND order_id = ? ORDER BY id").bind(shopId, orderId).all<{ state: string; amount: number; response_code: string }>();
  return { paid: o!.payment_status === "paid" && o!.payment_state === "paid", confirmation: o!.confirmation, events: events!.n, alerts: alerts!.n, attempts: attempts.results };
}

/** The cron's inquiry step as `scheduled` runs it (src/messages/queue.ts): in every database that holds attempts. */
export async function inquireEverywhere(env: GatewayBindings, now: number, timeoutMs: number): Promise<void> {
  for (const e of cronEnvs(env)) await inquirePendingPayments(e, now, timeoutMs);
}

/** A shop's payment attempt by its reference, backdated `ms` (as if made that long ago). */
export async function backdateAttempt(shopId: number, txnRef: string, ms: number): Promise<void> {
  await (await shopD1(shopId)).prepare("UPDATE payment_attempts SET created_at = created_at - ?, updated_at = updated_at - ? WHERE shop_id = ? AND txn_ref = ?").bind(ms, ms, shopId, txnRef).run();
}

/** A shop's saved credentials for a provider, as D1 holds them (sealed, with hints). */
export async function credentialsRow(shopId: number, provider: string) {
  return (await shopD1(shopId)).prepare("SELECT sealed, hints FROM shop_credentials WHERE shop_id = ? AND provider = ?").bind(shopId, provider).first();
}

/** The shard a shop's work runs in (src/db/shards.ts): a queue body handed to the consumer by hand carries it. */
export async function shardOfShop(shopId: number): Promise<number> {
  return (await env.DB.prepare("SELECT shard FROM shops WHERE id = ?").bind(shopId).first<{ shard: number }>())!.shard;
}
