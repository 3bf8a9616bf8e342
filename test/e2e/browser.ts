/**
 * Helpers for browser tests: a real Chromium (system package, never downloaded) driven by
 * playwright-core on a phone viewport with touch.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const DEMO = { login: "03001234567", password: "hatti-demo-2026", shop: "demo" } as const;
/**
 * The third demo seller (scripts/lib/demo-shops.mjs): three shops of the five she may own, so a
 * test can open one more for itself (Ayesha's fifth is admin.e2e.ts's).
 */
export const DEMO_RANI = { login: "03001234569", password: DEMO.password, shop: "demo-jewel" } as const;

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
} as const;

export function chromePath(): string | null {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

export function port(): number {
  return inject("port");
}

/** http://localhost:PORT/path — the platform and seller admin. */
export function platformUrl(path = "/"): string {
  return `http://localhost:${port()}${path}`;
}

/** http://SLUG.localhost:PORT/path — a shop's storefront (Chromium resolves *.localhost to loopback). */
export function shopUrl(slug: string, path = "/"): string {
  return `http://${slug}.localhost:${port()}${path}`;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromePath();
  if (!executablePath) throw new Error("No Chromium found: install it (apt-get install chromium) or set CHROME_PATH");
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A fresh phone-sized context (own cookies) and a page in it. */
export async function phonePage(browser: Browser, opts: { javaScriptEnabled?: boolean; locale?: string; device?: typeof PHONE | typeof PHONE_360 } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...(opts.device ?? PHONE), javaScriptEnabled: opts.javaScriptEnabled ?? true, locale: opts.locale ?? "en-PK" });
  const page = await context.newPage();
  page.on("pageerror", (err) => {
    throw err;
  });
  return { context, page };
}

/** Logs in through the real form. */
export async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto(platformUrl("/login"));
  await page.getByLabel("Mobile number or email").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/admin|\/start/);
}

/** Opens a new shop for the logged-in seller through the wizard, on `theme`; returns its slug. */
export async function openShop(page: Page, name: string, theme: string, slug = `${name.split(" ")[0]!.toLowerCase()}-${Date.now().toString(36)}`): Promise<string> {
  await page.goto(platformUrl("/start"));
  await page.getByLabel("Shop name").fill(name);
  await page.getByLabel("Shop address").fill(slug);
  await expect.poll(() => page.locator("#slug-status").textContent(), { timeout: 15_000 }).toContain("is available");
  await page.getByRole("button", { name: "Next" }).click();
  await page.waitForURL(/\/start\/theme/);
  await page.locator(`input[value="${theme}"]`).check();
  await page.getByRole("button", { name: "Open my shop" }).click();
  await page.waitForURL(new RegExp(`/admin/${slug}/live$`));
  return slug;
}

/**
 * A finger on `handle` drags it to `toY` (px from the viewport's top) in 8 steps: touch events
 * through the DevTools protocol, as a finger makes them (the page sees Pointer Events of type
 * "touch"). Returns the handle's box, for its size.
 */
export async function fingerDrag(context: BrowserContext, page: Page, handle: Locator, toY: number): Promise<{ width: number; height: number }> {
  const box = (await handle.boundingBox())!;
  const cdp = await context.newCDPSession(page);
  const x = box.x + box.width / 2;
  const from = box.y + box.height / 2;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y: from }] });
  for (let i = 1; i <= 8; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: from + ((toY - from) * i) / 8 }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
  return box;
}

/** The phone at 360 px wide: the smallest screen the admin and the shop are made for. */
export const PHONE_360 = { ...PHONE, viewport: { width: 360, height: 740 } } as const;

/**
 * A customer on her own 360 px phone orders one item (cash on delivery) from a product page,
 * picking the option labels in `choose` and the delivery zone named `zone` (else the first);
 * returns the order's number.
 */
export async function customerOrders(browser: Browser, productUrl: string, opts: { choose?: RegExp[]; zone?: string } = {}): Promise<string> {
  const context = await browser.newContext(PHONE_360);
  const page = await context.newPage();
  await page.goto(productUrl);
  for (const label of opts.choose ?? []) await page.locator("#picker label", { hasText: label }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.waitForURL(/\/cart$/);
  await page.getByRole("link", { name: "Checkout" }).click();
  await page.waitForURL(/\/checkout$/);
  await page.getByLabel("Full name").fill("Ayesha Siddiqui");
  await page.getByLabel("Mobile number").fill("0321 5559876");
  await page.getByLabel("City").fill("Lahore");
  await page.getByLabel("Full address (house, street, area)").fill("House 7, Street 2, Johar Town");
  const zones = page.locator('input[name="zone"]');
  await (opts.zone ? page.locator(".co-choice", { hasText: opts.zone }).locator("input") : zones.first()).check();
  await page.locator(".co-choice", { hasText: "Cash on delivery" }).locator("input").check();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/orders\/[A-Za-z0-9_-]{20,}\?placed=1$/);
  const heading = (await page.getByRole("heading", { level: 1 }).textContent())!;
  await context.close();
  return /#(\d+)/.exec(heading)![1]!;
}

/**
 * Delivers a push message to the admin's service worker as a push service would, through the
 * DevTools protocol (headless Chromium has no push service of its own): `data` is the payload the
 * push sandbox decrypted.
 */
export async function deliverPush(context: BrowserContext, page: Page, origin: string, data: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const registration = new Promise<string>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }: { registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] }) => {
      const ours = registrations.find((r) => r.scopeURL === `${origin}/admin/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.deliverPushMessage", { origin: `${origin}/`, registrationId: await registration, data });
}
