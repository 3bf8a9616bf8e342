/**
 * The README's pictures of every theme: each demo shop on a 390x844 phone, in English and in
 * Urdu, its home page, a product page and the cart with that product in it, saved as JPEG to
 * docs/screenshots/ (`<theme>-<en|ur>-<home|product|cart>.jpg`). Each page is also checked as
 * a customer sees it: one <h1>, the page's direction, nothing wider than the phone, every photo
 * in view loaded, the header's name clear of the cart.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE, shopUrl } from "./browser";
import { DEMO_SHOPS } from "./demo-shops";

const OUT = path.join(import.meta.dirname, "../../docs/screenshots");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function shoot(page: Page, dir: "ltr" | "rtl", file: string) {
  expect(await page.locator("html").getAttribute("dir")).toBe(dir);
  expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
  // The shop's name and the cart (with its count) never overlap in the header.
  const [brand, cart] = await Promise.all([page.locator("header .brand").first().boundingBox(), page.locator("header a.cart").first().boundingBox()]);
  const apart = !brand || !cart || brand.x + brand.width <= cart.x || cart.x + cart.width <= brand.x || brand.y + brand.height <= cart.y || cart.y + cart.height <= brand.y;
  expect(apart, `${file}: the shop's name ${JSON.stringify(brand)} and the cart ${JSON.stringify(cart)} overlap`).toBe(true);
  await page.waitForFunction(() =>
    Array.from(document.images)
      .filter((i) => i.getBoundingClientRect().top < innerHeight && i.loading !== "lazy")
      .every((i) => i.complete && i.naturalWidth > 0),
  );
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, file), type: "jpeg", quality: 72 });
}

describe("every theme on a phone, in English and Urdu", () => {
  for (const shop of DEMO_SHOPS) {
    for (const [lang, slug, dir] of [["en", shop.slug, "ltr"], ["ur", shop.urdu, "rtl"]] as const) {
      it(`${shop.theme}, ${lang}: home, product, cart`, async () => {
        const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 1, locale: lang === "ur" ? "ur-PK" : "en-PK", reducedMotion: "reduce" });
        const page = await context.newPage();
        await page.goto(shopUrl(slug, "/"));
        await shoot(page, dir, `${shop.theme}-${lang}-home.jpg`);
        const product = await page.locator('main a[href^="/products/"]').first().getAttribute("href");
        await page.goto(shopUrl(slug, product!));
        await shoot(page, dir, `${shop.theme}-${lang}-product.jpg`);
        await page.locator('form[action$="/cart/add"] [type=submit]').first().click();
        await page.waitForURL(/\/cart$/);
        await shoot(page, dir, `${shop.theme}-${lang}-cart.jpg`);
        await context.close();
      });
    }
  }
});
