/**
 * Issue 15, sections 2 and 3, in a real Chromium on a phone: the installable admin and an order
 * alert by Web Push, end to end. The Worker runs with VAPID keys and the live transport, against
 * the push sandbox (scripts/sandboxes/push.mjs), which holds the subscription's private key and
 * decrypts what it receives.
 *
 * - The manifest parses, both icons are PNGs of their sizes; the service worker controls an admin
 *   page after a reload.
 * - Headless Chromium has no push service (pushManager.subscribe fails offline), so the phone's
 *   subscription is made up, with real P-256 keys (the sandbox's), and posted through the
 *   subscribe endpoint from the page with its CSRF token, as the card's script does.
 * - A customer orders: the order's batch writes the push row, the queue sends it, the sandbox
 *   accepts it (201) and decrypts it. That payload is delivered to the service worker through the
 *   DevTools protocol (ServiceWorker.deliverPushMessage): it shows the notification.
 * - A headless browser cannot tap a notification. The tap is driven through the worker's
 *   "notification-tap" message, which runs the same code as notificationclick on the
 *   notification it showed; without a real tap the browser refuses clients.openWindow, so what
 *   this proves is the worker's fallback: the open admin window goes to the order page.
 * - Offline (the context's network off): the orders list reloads from its saved copy, marked;
 *   a page never visited shows the offline page. Log-out: the kept pages are gone.
 */
import { webcrypto } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
// @ts-expect-error plain ES module without types
import { createPushSandbox } from "../../scripts/sandboxes/push.mjs";
import { customerOrders, deliverPush, DEMO, launchBrowser, PHONE } from "./browser";
import { LocalRuntime } from "./server";

const runtime = new LocalRuntime("hatti-push-");
const sandbox = createPushSandbox();
let sandboxUrl = "";
let browser: Browser;
const origin = () => `http://localhost:${runtime.port}`;

beforeAll(async () => {
  sandboxUrl = await sandbox.listen(0, "127.0.0.1");
  const pair = (await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const publicKey = Buffer.from(await webcrypto.subtle.exportKey("raw", pair.publicKey)).toString("base64url");
  const privateKey = (await webcrypto.subtle.exportKey("jwk", pair.privateKey)).d!;
  await runtime.prepare(["demo"], inject("migrated"));
  await runtime.start({
    MESSAGES_TRANSPORT: "live",
    VAPID_PUBLIC_KEY: publicKey,
    VAPID_PRIVATE_KEY: privateKey,
    VAPID_SUBJECT: "mailto:alerts@hatti.pk",
    PUSH_ALLOWED_ORIGINS: sandboxUrl,
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await runtime.stop();
  if (process.env.E2E_LOG) console.log(runtime.output());
  runtime.remove();
  await sandbox.close();
});

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await fn();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}


function pngSize(bytes: Buffer) {
  return { png: bytes.subarray(1, 4).toString("latin1"), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the installable admin and order alerts on a phone", () => {
  let context: BrowserContext;
  let page: Page;

  it("manifest with its icons, and the service worker controls the admin after a reload", async () => {
    context = await browser.newContext(PHONE);
    await context.grantPermissions(["notifications"], { origin: origin() });
    page = await context.newPage();
    page.on("pageerror", (err) => {
      throw err;
    });
    await page.goto(`${origin()}/login`);
    await page.getByLabel("Mobile number or email").fill(DEMO.login);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/admin/);
    await page.goto(`${origin()}/admin/${DEMO.shop}`);

    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = (await (await page.request.get(`${origin()}${href}`)).json()) as { start_url: string; scope: string; display: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ start_url: "/admin/", scope: "/admin/", display: "standalone" });
    const sizes = [];
    for (const icon of manifest.icons) {
      const res = await page.request.get(`${origin()}${icon.src}`);
      expect(res.headers()["content-type"]).toBe("image/png");
      const got = pngSize(await res.body());
      expect(got).toEqual({ png: "PNG", width: Number(icon.sizes.split("x")[0]), height: Number(icon.sizes.split("x")[1]) });
      sizes.push(got.width);
    }
    expect(sizes).toContain(192);
    expect(sizes).toContain(512);

    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${origin()}/admin/sw.js`);
  });

  it("the dashboard offers alerts; a subscription posted from the page gets the next order's push, shown and opening the order", async () => {
    // The card, enhanced: this browser can take alerts and has none yet.
    await expect.poll(() => page.getByRole("button", { name: "Get order alerts on this phone" }).isVisible()).toBe(true);

    const sub = (await (await fetch(`${sandboxUrl}/__sandbox/subscriptions`, { method: "POST" })).json()) as { endpoint: string; keys: { p256dh: string; auth: string } };
    const answer = await page.evaluate(async (s) => {
      const form = document.querySelector<HTMLFormElement>("#push-alerts form")!;
      const csrf = (form.elements.namedItem("_csrf") as HTMLInputElement).value;
      const res = await fetch(form.action, { method: "POST", body: new URLSearchParams({ _csrf: csrf, endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth }) });
      return { status: res.status, body: await res.json() };
    }, sub);
    expect(answer).toEqual({ status: 200, body: { ok: true } });

    const number = await customerOrders(browser, `http://${DEMO.shop}.localhost:${runtime.port}/products/printed-kurta`, { choose: [/^L$/], zone: "Lahore" });
    const id = sub.endpoint.split("/push/")[1]!;
    type Rec = { response: { status: number } | null; payload?: string; payloadJson?: { title: string; body: string; url: string; tag: string } };
    const pushed = await until("the push sandbox to accept the order's push", async () => {
      const { requests } = (await (await fetch(`${sandboxUrl}/__sandbox/requests?to=${id}`)).json()) as { requests: Rec[] };
      return requests.find((r) => r.response?.status === 201 && r.payloadJson);
    });
    const alert = pushed.payloadJson!;
    expect(alert.title + alert.body).toContain(`#${number}`);
    expect(alert.url).toMatch(new RegExp(`^${origin()}/admin/${DEMO.shop}/orders/\\d+$`));

    // The push, delivered to the service worker as the push service would.
    await deliverPush(context, page, origin(), pushed.payload!);
    const shown = await until("the notification", () =>
      page.evaluate(async () => {
        const list = await (await navigator.serviceWorker.ready).getNotifications();
        return list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: (n.data as { url: string }).url }))[0] ?? null;
      }),
    );
    expect(shown).toEqual({ title: alert.title, body: alert.body, tag: alert.tag, url: alert.url });

    // The tap (see the file's comment): the open admin window goes to the order.
    await page.evaluate((tag) => navigator.serviceWorker.controller!.postMessage({ type: "notification-tap", tag }), shown.tag);
    const opened = await until("the order page", async () => context.pages().find((p) => p.url() === alert.url) ?? null);
    await opened.waitForLoadState();
    await expect.poll(() => opened.getByRole("heading", { level: 1 }).textContent()).toContain(`#${number}`);
    expect(opened).toBe(page);
    expect(await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length)).toBe(0);
  });

  it("offline: the orders list shows its saved copy, marked and styled; a page never visited shows the offline page; log-out empties the kept pages", async () => {
    await page.goto(`${origin()}/admin/${DEMO.shop}/orders`);
    await until("the orders list to be kept", () => page.evaluate(async () => (await (await caches.open("hatti-pages-v1")).keys()).some((r) => r.url.endsWith("/orders"))));
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator("[data-offline-copy]").textContent()).toMatch(/^Offline copy, saved at /);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Orders");
    // Styled as it was: the linked stylesheet comes from the worker's cache (the bottom bar is fixed by it).
    expect(await page.locator("nav.bottom-nav").evaluate((n) => getComputedStyle(n).position)).toBe("fixed");
    await page.goto(`${origin()}/admin/${DEMO.shop}/products`);
    expect(await page.getByRole("heading", { level: 1 }).first().textContent()).toBe("You are offline");
    expect(await page.locator('section[lang="ur"][dir="rtl"] h1').textContent()).toBe("آپ آف لائن ہیں");

    await context.setOffline(false);
    await page.goto(`${origin()}/admin/${DEMO.shop}`);
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(`${origin()}/`);
    expect(await page.evaluate(async () => (await caches.has("hatti-pages-v1")) ? (await (await caches.open("hatti-pages-v1")).keys()).length : 0)).toBe(0);
    await context.close();
  });
});
