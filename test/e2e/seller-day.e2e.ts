/**
 * Issue 15's "done when", in one journey on a 360 px phone, against a Worker that sends through
 * the providers' local sandboxes (MESSAGES_TRANSPORT live: the WhatsApp Cloud API sandbox and the
 * Web Push sandbox, scripts/sandboxes/), never the dev transport:
 *
 * 1. She signs up and opens her shop in four screens; orders will reach her on the mobile she
 *    signed up with.
 * 2. The dashboard asks her to confirm that number: the code goes by WhatsApp (the sandbox took
 *    it), she reads it from /dev/outbox and types it back.
 * 3. She adds a product, then taps "Get order alerts on this phone". Nothing to install by hand:
 *    the admin's service worker registered itself and controls the page.
 *    Headless Chromium has no push service (pushManager.subscribe fails offline), so subscribe()
 *    alone is stood in for, answering with a subscription of the push sandbox, which holds its
 *    private key: the card's own script, permission prompt included, does the rest.
 * 4. A customer orders from her shop on another phone. The seller's outbox shows the WhatsApp
 *    message (sent: the WhatsApp sandbox took it) and the push (sent: the push sandbox took it and
 *    decrypted it), both with the order's number; the push, delivered to her phone's service
 *    worker through the DevTools protocol, shows the notification with that number.
 */
import { webcrypto } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ES module without types
import { startSandboxes } from "../../scripts/sandboxes/index.mjs";
import { customerOrders, deliverPush, launchBrowser, PHONE } from "./browser";
import { LocalRuntime } from "./server";

const runtime = new LocalRuntime("hatti-day-");
let sandboxes: { urls: Record<"whatsapp" | "sms" | "email" | "push", string>; close(): Promise<void> };
let browser: Browser;
const origin = () => `http://localhost:${runtime.port}`;
const shopOrigin = (slug: string) => `http://${slug}.localhost:${runtime.port}`;
const SMALL = { width: 360, height: 740 };

beforeAll(async () => {
  sandboxes = await startSandboxes({ basePort: 0 });
  const pair = (await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  await runtime.prepare([], inject("migrated"));
  await runtime.start({
    MESSAGES_TRANSPORT: "live",
    WHATSAPP_TOKEN: "dev-whatsapp-token",
    WHATSAPP_PHONE_NUMBER_ID: "100000000000001",
    WHATSAPP_API_BASE: sandboxes.urls.whatsapp,
    VAPID_PUBLIC_KEY: Buffer.from(await webcrypto.subtle.exportKey("raw", pair.publicKey)).toString("base64url"),
    VAPID_PRIVATE_KEY: (await webcrypto.subtle.exportKey("jwk", pair.privateKey)).d!,
    VAPID_SUBJECT: "mailto:alerts@hatti.pk",
    PUSH_ALLOWED_ORIGINS: sandboxes.urls.push,
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await runtime.stop();
  if (process.env.E2E_LOG) console.log(runtime.output());
  runtime.remove();
  await sandboxes?.close();
});

type Row = { channel: string; to: string; template: string; state: string; title: string | null; body: string | null; lastError: string | null };

/** Polls /dev/outbox.json until `pick` finds what it wants among the rows. */
async function fromOutbox<T>(what: string, pick: (rows: Row[]) => T | undefined): Promise<T> {
  const end = Date.now() + 30_000;
  for (;;) {
    const { messages } = (await (await fetch(`${origin()}/dev/outbox.json`)).json()) as { messages: Row[] };
    const got = pick(messages);
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(messages.slice(0, 5))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);


describe("the seller's day on her phone", () => {
  it("signs up, proves her number with the code from /dev/outbox, turns alerts on; an order reaches her WhatsApp and her phone", async () => {
    const phone = `03${String(Date.now()).slice(-9)}`;
    const e164 = `+92${phone.slice(1)}`;
    const slug = `saima-${Date.now().toString(36)}`;
    const sub = (await (await fetch(`${sandboxes.urls.push}/__sandbox/subscriptions`, { method: "POST" })).json()) as { endpoint: string; keys: { p256dh: string; auth: string } };

    const context = await browser.newContext(PHONE);
    await context.grantPermissions(["notifications"], { origin: origin() });
    // The one stand-in (see the file's comment): the browser's push service.
    await context.addInitScript((s) => {
      if (typeof PushManager === "undefined") return;
      let current: object | null = null;
      const made = { endpoint: s.endpoint, expirationTime: null, toJSON: () => ({ endpoint: s.endpoint, expirationTime: null, keys: s.keys }), unsubscribe: async () => ((current = null), true) };
      PushManager.prototype.subscribe = async function () {
        return (current = made) as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return current as PushSubscription | null;
      };
    }, sub);
    const page = await context.newPage();
    page.on("pageerror", (err) => {
      throw err;
    });
    await page.setViewportSize(SMALL);

    // 1. Sign up and open the shop: four screens.
    await page.goto(`${origin()}/signup`);
    await page.getByLabel("Your name").fill("Saima Bibi");
    await page.getByLabel("Mobile number or email").fill(phone);
    await page.getByLabel("Password").fill("my secret 123");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/start$/);
    await page.getByLabel("Shop name").fill("Saima's Kitchen");
    await page.getByLabel("Shop address").fill(slug);
    await expect.poll(() => page.locator("#slug-status").textContent()).toContain("is available");
    await page.getByRole("button", { name: "Next" }).click();
    await page.waitForURL(/\/start\/theme/);
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Open my shop" }).click();
    await page.waitForURL(new RegExp(`/admin/${slug}/live$`));
    expect(await page.locator("#whatsapp-number").textContent()).toBe(`Orders will reach you on WhatsApp at ${phone.slice(0, 4)} ${phone.slice(4)}.`);

    // 2. The dashboard asks her to confirm her number; the code comes by WhatsApp.
    await page.goto(`${origin()}/admin/${slug}`);
    await page.locator("#prove-phone").getByRole("button", { name: "Send me a code" }).click();
    const code = await fromOutbox("the verification code", (rows) =>
      rows.find((r) => r.to === e164 && r.template === "verification_code" && r.state === "sent")?.body?.match(/\b(\d{6})\b/)?.[1],
    );
    expect(await overflow(page)).toBe(0);
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.waitForURL(new RegExp(`/admin/${slug}`));
    await page.goto(`${origin()}/admin/account`);
    expect(await page.locator("#phone .proven").textContent()).toBe("✓ Confirmed");

    // 3. A product, then alerts on this phone. The service worker installed itself.
    await page.goto(`${origin()}/admin/${slug}/products/new`);
    await page.getByLabel("Title").fill("Chicken biryani, family pack (serves 4)");
    await page.getByLabel("Price (Rs)").fill("1,850");
    await page.getByLabel("Stock", { exact: true }).fill("12");
    await page.getByRole("button", { name: "Save" }).first().click();
    await page.waitForURL(new RegExp(`/admin/${slug}/products/\\d+`));
    // It is on her shop's home page at once.
    await page.goto(shopOrigin(slug));
    const productUrl = await page.getByRole("link", { name: "Chicken biryani, family pack (serves 4)" }).first().evaluate((a) => (a as HTMLAnchorElement).href);
    await page.goto(`${origin()}/admin/${slug}`);
    expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/admin/manifest.webmanifest");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${origin()}/admin/sw.js`);
    await page.getByRole("button", { name: "Get order alerts on this phone" }).click();
    await expect.poll(async () => ((await page.locator('[data-push-state="on"]').isVisible()) ? "on" : await page.locator("#push-alerts").innerText()), { timeout: 20_000 }).toBe("on");
    expect(await page.locator('[data-push-state="on"]').innerText()).toContain("Order alerts are on for this phone.");
    expect(await overflow(page)).toBe(0);

    // 4. A customer orders: her WhatsApp and her phone hear of it, with the order's number.
    const number = await customerOrders(browser, productUrl);
    const whatsapp = await fromOutbox("the WhatsApp message", (rows) => rows.find((r) => r.template === "new_order" && r.channel === "whatsapp" && r.to === e164 && r.body?.includes(`#${number}`) && r.state !== "pending"));
    expect(whatsapp).toMatchObject({ state: "sent", lastError: null });
    const push = await fromOutbox("the push", (rows) => rows.find((r) => r.template === "new_order" && r.channel === "push" && r.to.includes(sub.endpoint) && r.state !== "pending"));
    expect(push).toMatchObject({ state: "sent", lastError: null });
    expect(`${push.title} ${push.body}`).toContain(`#${number}`);

    const id = sub.endpoint.split("/push/")[1]!;
    type Rec = { response: { status: number } | null; payload?: string; payloadJson?: { title: string; body: string; url: string } };
    const { requests } = (await (await fetch(`${sandboxes.urls.push}/__sandbox/requests?to=${id}`)).json()) as { requests: Rec[] };
    const delivered = requests.find((r) => r.response?.status === 201 && r.payloadJson)!;
    expect(delivered.payloadJson!.url).toMatch(new RegExp(`^${origin()}/admin/${slug}/orders/\\d+$`));

    await deliverPush(context, page, origin(), delivered.payload!);
    await expect
      .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => `${n.title} ${n.body}`).join("\n")), { timeout: 20_000 })
      .toContain(`#${number}`);
    expect(await overflow(page)).toBe(0);
    await context.close();
  });
});
