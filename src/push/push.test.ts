/**
 * Order alerts by push, in workerd with real D1: the subscribe/unsubscribe endpoints (zod, the
 * endpoint's host, CSRF, members only, the cap per member and shop), the order's fan-out in its
 * own batch (the owner's and opted-in staff's phones, in their languages; none for another shop,
 * none for a member who left), and a push service's "gone" deleting the phone's subscription.
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox, pushSubscriptions } from "../db/schema";
import type { Bindings } from "../env";
import worker from "../index";
import { Client, ROOT, shopDb, signUp, TEST_CSRF, type Res } from "../../test/helpers";
import { syncMembers } from "../db/members";
import { shopSourceOf } from "../db/shards";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { createTransport } from "../messages";
import type { MessagesEnv } from "../messages/config";
import { deliver } from "../messages/outbox";
import { newVapidKeys, received, sandboxConfig, sandboxUrl } from "../messages/test-helpers";
import { PUSH_DEVICES_PER_MEMBER, PUSH_ENDPOINT_MAX, subscribeSchema } from "./schema";
import { deviceLabel, subscribe } from "./subscriptions";

const ANDROID = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";

/** The Worker with push set up (VAPID keys), as production would have it. */
let pushEnv: Bindings & MessagesEnv;
beforeAll(async () => {
  pushEnv = { ...(env as unknown as Bindings), ...(await newVapidKeys()), VAPID_SUBJECT: "mailto:alerts@hatti.pk" };
});

/** A request through the Worker with push configured, with the client's cookies (like Client.fetch). */
async function viaPushEnv(client: Client, url: string, init: RequestInit = {}): Promise<Res> {
  const headers = new Headers(init.headers);
  const cookie = client.cookieHeader(url);
  if (cookie) headers.set("cookie", cookie);
  const res = await worker.fetch(new Request(url, { ...init, headers, redirect: "manual" }), pushEnv, createExecutionContext());
  return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get("location") };
}

/** A browser's PushSubscription, as its JSON gives it: a real P-256 point and auth secret. */
async function phone(host = "https://fcm.googleapis.com/fcm/send/") {
  const pair = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"])) as CryptoKeyPair;
  const raw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const id = b64(crypto.getRandomValues(new Uint8Array(105))); // FCM's endpoints are about 150 characters
  return { endpoint: `${host}${id}`, p256dh: b64(raw), auth: b64(crypto.getRandomValues(new Uint8Array(16))) };
}

function post(client: Client, slug: string, path: "subscribe" | "unsubscribe", form: Record<string, string>, opts: { csrf?: boolean } = {}) {
  client.cookies(new URL(ROOT).host).set("hatti_csrf", TEST_CSRF);
  const body = new URLSearchParams(opts.csrf === false ? form : { _csrf: TEST_CSRF, ...form });
  return viaPushEnv(client, `${ROOT}/admin/${slug}/push/${path}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ROOT, "user-agent": ANDROID },
  });
}

const rowsOfShop = async (shopId: number) => (await shopDb(shopId)).select().from(pushSubscriptions).where(eq(pushSubscriptions.shopId, shopId)).all();
const userIdOf = async (shopId: number, role: "owner" | "staff" = "owner") =>
  (await env.DB.prepare("SELECT user_id AS id FROM memberships WHERE shop_id = ? AND role = ?").bind(shopId, role).first<{ id: number }>())!.id;

async function staffOf(shopId: number, name: string, locale: "en" | "ur" = "en") {
  const staff = await signUp({ name });
  const id = (await env.DB.prepare("SELECT id FROM users WHERE phone = ?").bind(`+92${staff.login.slice(1)}`).first<{ id: number }>())!.id;
  await env.DB.prepare("UPDATE users SET locale = ? WHERE id = ?").bind(locale, id).run();
  await env.DB.prepare("INSERT INTO memberships (shop_id, user_id, role) VALUES (?, ?, 'staff')").bind(shopId, id).run();
  await syncMembers(shopSourceOf(env), shopId); // as accepting an invitation does (src/db/members.ts)
  return { ...staff, id };
}

describe("the dashboard's alerts card", () => {
  it("shows with the VAPID public key when push is set up, and not without it", async () => {
    const s = await shopWithCatalogue();
    const page = await viaPushEnv(s.seller.client, `${ROOT}/admin/${s.seller.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-key="${pushEnv.VAPID_PUBLIC_KEY}"`);
    expect(page.text).toContain("Get order alerts on this phone");
    expect(page.text).toContain(`action="/admin/${s.seller.slug}/push/subscribe"`);
    const plain = await s.seller.client.get(`${ROOT}/admin/${s.seller.slug}`);
    expect(plain.text).not.toContain('id="push-alerts"');
  });
});

describe("subscribe and unsubscribe", () => {
  it("stores this phone for the member in the shop, renews it on a second post, and turns it off", async () => {
    const s = await shopWithCatalogue();
    const p = await phone();
    const res = await post(s.seller.client, s.seller.slug, "subscribe", p);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ ok: true });
    expect(await rowsOfShop(s.seller.shopId)).toMatchObject([{ userId: await userIdOf(s.seller.shopId), endpoint: p.endpoint, p256dh: p.p256dh, auth: p.auth, label: "Android · Chrome" }]);
    const renewed = { ...p, auth: (await phone()).auth };
    expect((await post(s.seller.client, s.seller.slug, "subscribe", renewed)).status).toBe(200);
    expect(await rowsOfShop(s.seller.shopId)).toMatchObject([{ endpoint: p.endpoint, auth: renewed.auth }]);
    expect((await post(s.seller.client, s.seller.slug, "unsubscribe", { endpoint: p.endpoint })).status).toBe(200);
    expect(await rowsOfShop(s.seller.shopId)).toEqual([]);
  });

  it("refuses what is not a push subscription, with the message to show, and stores nothing", async () => {
    const s = await shopWithCatalogue();
    const p = await phone();
    const max = subscribeSchema.shape.endpoint.maxLength!;
    expect(max).toBe(PUSH_ENDPOINT_MAX);
    const bad: Record<string, string>[] = [
      { ...p, endpoint: "https://evil.example/push/1" }, // not a push service: the Worker would post anywhere
      { ...p, endpoint: p.endpoint.replace("https:", "http:") },
      { ...p, endpoint: `https://fcm.googleapis.com/fcm/send/${"a".repeat(max + 1 - "https://fcm.googleapis.com/fcm/send/".length)}` }, // one past the cap
      { ...p, p256dh: "<script>" },
      { ...p, auth: "" },
      { endpoint: p.endpoint },
    ];
    for (const form of bad) {
      const res = await post(s.seller.client, s.seller.slug, "subscribe", form);
      expect(res.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(JSON.parse(res.text)).toEqual({ ok: false, error: "This phone's alert details were not accepted. Reload the page and try again." });
    }
    // At the cap exactly, it is accepted.
    const atCap = { ...p, endpoint: `https://fcm.googleapis.com/fcm/send/${"a".repeat(max - "https://fcm.googleapis.com/fcm/send/".length)}` };
    expect((await post(s.seller.client, s.seller.slug, "subscribe", atCap)).status).toBe(200);
    expect(await rowsOfShop(s.seller.shopId)).toHaveLength(1);
  });

  it("needs the CSRF token, a member of the shop, and push set up", async () => {
    const s = await shopWithCatalogue();
    const p = await phone();
    expect((await post(s.seller.client, s.seller.slug, "subscribe", p, { csrf: false })).status).toBe(403);
    const stranger = await signUp();
    expect((await post(stranger.client, s.seller.slug, "subscribe", p)).status).toBe(404);
    expect((await post(new Client(), s.seller.slug, "subscribe", p)).status).toBe(303); // to the log-in
    const noPush = await s.seller.client.post(`${ROOT}/admin/${s.seller.slug}/push/subscribe`, p);
    expect(noPush.status).toBe(404);
    expect(JSON.parse(noPush.text).error).toBe("Order alerts are not set up on this server yet.");
    expect(await rowsOfShop(s.seller.shopId)).toEqual([]);
  });

  it(`keeps ${PUSH_DEVICES_PER_MEMBER} phones a member and shop: one more is refused, a known one renewed, another member unaffected`, async () => {
    const s = await shopWithCatalogue();
    const phones = await Promise.all(Array.from({ length: PUSH_DEVICES_PER_MEMBER + 1 }, () => phone()));
    for (const p of phones.slice(0, PUSH_DEVICES_PER_MEMBER)) expect((await post(s.seller.client, s.seller.slug, "subscribe", p)).status).toBe(200);
    const over = await post(s.seller.client, s.seller.slug, "subscribe", phones[PUSH_DEVICES_PER_MEMBER]!);
    expect(over.status).toBe(409);
    expect(JSON.parse(over.text).error).toBe(`Alerts are on for ${PUSH_DEVICES_PER_MEMBER} phones already. Turn one off on that phone first.`);
    expect((await post(s.seller.client, s.seller.slug, "subscribe", phones[0]!)).status).toBe(200);
    expect(await rowsOfShop(s.seller.shopId)).toHaveLength(PUSH_DEVICES_PER_MEMBER);
    const staff = await staffOf(s.seller.shopId, "Bilal");
    expect((await post(staff.client, s.seller.slug, "subscribe", phones[PUSH_DEVICES_PER_MEMBER]!)).status).toBe(200);
  });

  it("is per shop: a phone on in one shop is not on in another, and one member cannot turn off another's phone", async () => {
    const a = await shopWithCatalogue();
    const b = await shopWithCatalogue();
    const p = await phone();
    await post(a.seller.client, a.seller.slug, "subscribe", p);
    expect(await rowsOfShop(b.seller.shopId)).toEqual([]);
    // B's owner posting A's endpoint to her own shop touches only her shop.
    await post(b.seller.client, b.seller.slug, "unsubscribe", { endpoint: p.endpoint });
    expect(await rowsOfShop(a.seller.shopId)).toHaveLength(1);
    const staff = await staffOf(a.seller.shopId, "Bilal");
    await post(staff.client, a.seller.slug, "unsubscribe", { endpoint: p.endpoint });
    expect(await rowsOfShop(a.seller.shopId)).toHaveLength(1);
  });

  it("labels the phone from its user agent", () => {
    expect(deviceLabel(ANDROID)).toBe("Android · Chrome");
    expect(deviceLabel("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1")).toBe("iPhone · Safari");
    expect(deviceLabel("x".repeat(5000))).toBe("");
  });
});

describe("a new order reaches every phone with alerts on, in the order's own batch", () => {
  it("one push row a phone of the owner and of staff who opted in, in their languages; none for staff without, a member who left, or another shop", async () => {
    const s = await shopWithCatalogue();
    const other = await shopWithCatalogue();
    const ownerId = await userIdOf(s.seller.shopId);
    const optedIn = await staffOf(s.seller.shopId, "Bilal", "ur");
    await staffOf(s.seller.shopId, "Hina"); // no phone subscribed: no push
    const left = await staffOf(s.seller.shopId, "Kamran");
    const [own1, own2, staffPhone, leftPhone, otherPhone] = await Promise.all([phone(), phone(), phone(), phone(), phone()]);
    await subscribe(await shopDb(s.seller.shopId), s.seller.shopId, ownerId, own1, "Android · Chrome");
    await subscribe(await shopDb(s.seller.shopId), s.seller.shopId, ownerId, own2, "Android · Chrome");
    await subscribe(await shopDb(s.seller.shopId), s.seller.shopId, optedIn.id, staffPhone, "Android · Chrome");
    await subscribe(await shopDb(s.seller.shopId), s.seller.shopId, left.id, leftPhone, "Android · Chrome");
    await env.DB.prepare("DELETE FROM memberships WHERE shop_id = ? AND user_id = ?").bind(s.seller.shopId, left.id).run();
    await syncMembers(shopSourceOf(env), s.seller.shopId); // as removing her does
    await subscribe(await shopDb(other.seller.shopId), other.seller.shopId, await userIdOf(other.seller.shopId), otherPhone, "Android · Chrome");

    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    // The seller's messages (not the customer's COD confirmation request: src/orders/confirmation.test.ts).
    const rows = await (await shopDb(s.seller.shopId)).select().from(outbox).where(and(eq(outbox.shopId, s.seller.shopId), ne(outbox.template, "cod_confirm_request"))).all();
    const push = rows.filter((r) => r.channel === "push");
    expect(rows.filter((r) => r.channel === "whatsapp")).toHaveLength(1);
    const byEndpoint = new Map(push.map((r) => [JSON.parse(r.recipient).endpoint as string, r]));
    expect([...byEndpoint.keys()].sort()).toEqual([own1.endpoint, own2.endpoint, staffPhone.endpoint].sort());
    expect(JSON.parse(byEndpoint.get(own1.endpoint)!.recipient)).toEqual({ endpoint: own1.endpoint, keys: { p256dh: own1.p256dh, auth: own1.auth } });
    expect(byEndpoint.get(own1.endpoint)).toMatchObject({ template: "new_order", params: JSON.stringify({ orderId: order.id }), locale: "en" });
    expect(byEndpoint.get(staffPhone.endpoint)!.locale).toBe("ur");
    expect(await (await shopDb(other.seller.shopId)).select().from(outbox).where(eq(outbox.shopId, other.seller.shopId)).all()).toEqual([]);

    // A retry of the same checkout writes none again (the batch's token rule): covered for the
    // WhatsApp row in src/messages/outbox.test.ts; the push rows share its statement.
    expect(push.length).toBe(3);
  });
});

describe("a push service's answer", () => {
  /** A pending push row for a fresh order, to a subscription at the push sandbox. */
  async function pushRow(endpoint: string) {
    const s = await shopWithCatalogue();
    const order = await placeOrderAt(s.origin, s.zone.id, [[s.dupatta.id, 1]]);
    const keys = (await (await fetch(`${sandboxUrl("push")}/__sandbox/subscriptions`, { method: "POST" })).json()) as { endpoint: string; keys: { p256dh: string; auth: string } };
    const sub = { endpoint: endpoint || keys.endpoint, p256dh: keys.keys.p256dh, auth: keys.keys.auth };
    await subscribe(await shopDb(s.seller.shopId), s.seller.shopId, await userIdOf(s.seller.shopId), sub, "");
    const row = await (await shopDb(s.seller.shopId))
      .insert(outbox)
      .values({ shopId: s.seller.shopId, channel: "push", recipient: JSON.stringify({ endpoint: sub.endpoint, keys: keys.keys }), template: "new_order", params: JSON.stringify({ orderId: order.id }), locale: "en" })
      .returning()
      .get();
    return { s, order, row, sub };
  }

  it("410 Gone: the row fails and the phone's subscription is deleted in the shop (other shops' rows for it stay)", async () => {
    const gone = `${sandboxUrl("push")}/push/gone-410`;
    const { s, row } = await pushRow(gone);
    const elsewhere = await shopWithCatalogue();
    await subscribe(await shopDb(elsewhere.seller.shopId), elsewhere.seller.shopId, await userIdOf(elsewhere.seller.shopId), { endpoint: gone, p256dh: (await phone()).p256dh, auth: (await phone()).auth }, "");
    const transport = createTransport(await sandboxConfig());
    expect(await deliver(await shopDb(row.shopId!), transport, row.id, ROOT)).toEqual({ ack: true });
    const after = await (await shopDb(row.shopId!)).select().from(outbox).where(eq(outbox.id, row.id)).get();
    expect(after).toMatchObject({ state: "failed", attempts: 1 });
    expect(after!.lastError).toMatch(/^permanent gone: HTTP 410/);
    expect(await rowsOfShop(s.seller.shopId)).toEqual([]);
    expect(await (await shopDb(elsewhere.seller.shopId)).select().from(pushSubscriptions).where(and(eq(pushSubscriptions.shopId, elsewhere.seller.shopId), eq(pushSubscriptions.endpoint, gone))).all()).toHaveLength(1);
  });

  it("201: the push carries the order number and a link to the order page; the subscription stays", async () => {
    const { s, order, row, sub } = await pushRow("");
    const transport = createTransport(await sandboxConfig());
    expect(await deliver(await shopDb(row.shopId!), transport, row.id, ROOT)).toEqual({ ack: true });
    expect((await (await shopDb(row.shopId!)).select().from(outbox).where(eq(outbox.id, row.id)).get())!.state).toBe("sent");
    const [req] = await received("push", sub.endpoint.split("/push/")[1]!);
    const payload = req!.payloadJson as { title: string; body: string; url: string; tag: string };
    expect(payload.url).toBe(`${ROOT}/admin/${s.seller.slug}/orders/${order.id}`);
    expect(`${payload.title} ${payload.body}`).toContain(`#${order.number}`);
    expect(payload.tag).toBe(String(row.id));
    expect(await rowsOfShop(s.seller.shopId)).toHaveLength(1);
  });
});
