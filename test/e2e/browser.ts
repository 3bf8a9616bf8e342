/**
 * Helpers for browser tests: a real Chromium (system package, never downloaded) driven by
 * playwright-core on a phone viewport with touch.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

export const DEMO = { login: "03001234567", password: "hatti-demo-2026", shop: "demo" } as const;

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
export async function phonePage(browser: Browser, opts: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: opts.javaScriptEnabled ?? true, locale: opts.locale ?? "en-PK" });
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
