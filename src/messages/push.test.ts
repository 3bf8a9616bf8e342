// Contract test of the Web Push transport against the push-service sandbox, run in workerd: the
// sandbox issues a subscription (keeping its private key), verifies our VAPID JWT, TTL, Urgency
// and aes128gcm body, and decrypts the payload; 404/410 become "gone".
import { describe, expect, it } from "vitest";
import { pushTransport } from "./push";
import { renderText } from "./templates/render";
import { failNext, magic, newOrderParams, newVapidKeys, received, sandboxConfig, sandboxUrl } from "./test-helpers";
import type { Message, PushSubscriptionJSON } from "./transport";

async function transport(timeoutMs = 5000, extra: Parameters<typeof sandboxConfig>[0] = {}) {
  const config = await sandboxConfig(extra);
  if (!config.push.ok) throw new Error("push not configured");
  return pushTransport({ config: config.push.value, timeoutMs });
}

async function subscription(): Promise<PushSubscriptionJSON> {
  const res = await fetch(`${sandboxUrl("push")}/__sandbox/subscriptions`, { method: "POST" });
  return (await res.json()) as PushSubscriptionJSON;
}

/** A subscription with real keys whose endpoint is one of the sandbox's magic ids. */
async function magicSubscription(id: string): Promise<PushSubscriptionJSON> {
  const sub = await subscription();
  return { ...sub, endpoint: `${sandboxUrl("push")}/push/${id}` };
}

const idOf = (sub: PushSubscriptionJSON) => sub.endpoint.split("/").pop()!;
const message = (to: PushSubscriptionJSON, overrides: Partial<Message> = {}): Message =>
  ({ channel: "push", to, template: "new_order", params: newOrderParams("ur"), locale: "ur", id: "outbox-77", ...overrides }) as Message;

describe("pushTransport", () => {
  it("pushes an encrypted, VAPID-signed notification the push service accepts and decrypts", async () => {
    const sub = await subscription();
    const outcome = await (await transport()).send(message(sub));
    expect(outcome).toMatchObject({ status: "sent", providerId: expect.stringMatching(new RegExp(`^${sandboxUrl("push")}/message/`)) });

    const [request, ...more] = await received("push", idOf(sub));
    expect(more).toHaveLength(0);
    expect(request!.method).toBe("POST");
    expect(request!.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]{87}$/);
    expect(request!.headers["content-encoding"]).toBe("aes128gcm");
    expect(request!.headers["content-type"]).toBe("application/octet-stream");
    expect(request!.headers.ttl).toBe("86400");
    expect(request!.headers.urgency).toBe("high");
    expect(request!.body).toMatchObject({ rs: 4096, idlen: 65 });
    const text = renderText("new_order", "ur", newOrderParams("ur"));
    expect(request!.payloadJson).toEqual({ title: text.title, body: text.body, url: newOrderParams().link, template: "new_order", tag: "outbox-77" });
  });

  it("gives a template's own TTL and urgency, and no url when it has no link", async () => {
    const sub = await subscription();
    const outcome = await (await transport()).send(message(sub, { template: "order_delivered", params: { shopName: "Kurta Ghar", orderNumber: "#7" }, locale: "en", id: undefined }));
    expect(outcome.status).toBe("sent");
    const [request] = await received("push", idOf(sub));
    expect(request!.headers).toMatchObject({ ttl: "86400", urgency: "low" });
    expect(request!.payloadJson).toMatchObject({ url: null, tag: null, title: "Order #7 delivered" });
  });

  it("says gone on 404 and on 410, so the caller deletes the subscription", async () => {
    const t = await transport();
    expect(await t.send(message(await magicSubscription(magic.push.subscriptions.gone404)))).toMatchObject({ status: "permanent", reason: "gone", providerCode: "404" });
    expect(await t.send(message(await magicSubscription(magic.push.subscriptions.gone410)))).toMatchObject({ status: "permanent", reason: "gone", providerCode: "410" });
  });

  it("is retryable on 429 (with Retry-After) and on 5xx", async () => {
    const t = await transport();
    expect(await t.send(message(await magicSubscription(magic.push.subscriptions.rateLimited)))).toMatchObject({
      status: "retryable",
      reason: "rate_limited",
      retryAfterSeconds: 30,
    });
    expect(await t.send(message(await magicSubscription(magic.push.subscriptions.serverError)))).toMatchObject({ status: "retryable", reason: "provider_unavailable" });
  });

  it("maps a refused VAPID signature (401/403) to bad_credentials", async () => {
    const sub = await subscription();
    await failNext("push", { count: 1, status: 403, to: idOf(sub) });
    expect(await (await transport()).send(message(sub))).toMatchObject({ status: "permanent", reason: "bad_credentials", providerCode: "403" });
  });

  it("maps VAPID keys that are not one pair to bad_credentials", async () => {
    const sub = await subscription();
    const other = await newVapidKeys();
    const outcome = await (await transport(5000, { VAPID_PRIVATE_KEY: other.VAPID_PRIVATE_KEY })).send(message(sub));
    expect(outcome).toMatchObject({ status: "permanent", reason: "bad_credentials" });
    expect(JSON.stringify(outcome)).not.toContain(other.VAPID_PRIVATE_KEY);
  });

  it("refuses an endpoint that is not a push service, and keys that are not a browser's, without a request", async () => {
    const sub = await subscription();
    const t = await transport();
    expect(await t.send(message({ ...sub, endpoint: "https://evil.example/collect" }))).toEqual({
      status: "permanent",
      reason: "invalid_recipient",
      detail: "the endpoint is not a known push service",
    });
    expect(await t.send(message({ ...sub, keys: { ...sub.keys, auth: "AAAA" } }))).toMatchObject({ status: "permanent", reason: "invalid_recipient" });
    expect(await t.send(message("+923001234567" as unknown as PushSubscriptionJSON))).toMatchObject({ status: "permanent", reason: "invalid_recipient" });
    expect(await received("push", idOf(sub))).toEqual([]);
  });

  it("gives a retryable timeout when the push service never answers", async () => {
    expect(await (await transport(300)).send(message(await magicSubscription(magic.push.subscriptions.hang)))).toEqual({
      status: "retryable",
      reason: "timeout",
      detail: "no answer within 300 ms",
    });
  });
});
