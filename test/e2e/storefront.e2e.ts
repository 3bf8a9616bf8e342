/**
 * A customer on a phone, for each theme and in Urdu, with JavaScript on and off: home ->
 * collection -> product -> pick a variant -> add to cart -> the cart. Saves a phone screenshot
 * of each theme's home page to test/e2e/screenshots/ (shown in the README).
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipSize } from "../storefront-html";
import { launchBrowser, phonePage, shopUrl } from "./browser";
import { DEMO_SHOPS } from "./demo-shops";

const SHOTS = path.join(import.meta.dirname, "screenshots");
/** Every storefront page's HTML with its inline CSS, gzipped (src/storefront/budgets.test.ts checks the themes' defaults). */
const HTML_BUDGET = 14 * 1024;

/** The demo shops seeded by scripts/seed.mjs. */
const SHOPS = [
  { slug: "demo", shot: "classic", collection: "lawn", product: "embroidered-lawn-suit", choose: ["M", "Mint"], add: "Add to cart", cart: "Cart", dir: "ltr" },
  { slug: "demo-bazaar", shot: "bazaar", collection: null, product: null, choose: [], add: "Add to cart", cart: "Cart", dir: "ltr" },
  { slug: "demo-minimal", shot: "minimal", collection: "lawn", product: "embroidered-lawn-suit", choose: ["M", "Mint"], add: "Add to cart", cart: "Cart", dir: "ltr" },
  { slug: "demo-bakery", shot: "bakery", collection: "cakes", product: null, choose: [], add: "Add to cart", cart: "Cart", dir: "ltr" },
  { slug: "demo-jewel", shot: "jewel", collection: null, product: null, choose: [], add: "Add to cart", cart: "Cart", dir: "ltr" },
  { slug: "demo-urdu", shot: "classic-urdu", collection: "lawn", product: "embroidered-lawn-suit", choose: ["M", "Mint"], add: "ٹوکری میں ڈالیں", cart: "ٹوکری", dir: "rtl" },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Nothing sticks out sideways on a 390 px phone. */
async function fitsPhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

describe("the seeded demo home pages", () => {
  it("open with their drawn banner photo, loaded first, and stay within the page budget", async () => {
    const { page, context } = await phonePage(browser, { javaScriptEnabled: false });
    for (const slug of DEMO_SHOPS.flatMap((s) => [s.slug, s.urdu])) {
      const res = (await page.goto(shopUrl(slug, "/")))!;
      expect(await gzipSize(await res.text()), `${slug} gzipped`).toBeLessThanOrEqual(HTML_BUDGET);
      const banner = page.locator("main section").first();
      expect(await banner.getAttribute("class"), slug).toContain("has-img");
      const img = banner.locator("img");
      expect(await img.getAttribute("fetchpriority"), slug).toBe("high");
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), { message: slug }).toBe(true);
    }
    await context.close();
  });
});

for (const shop of SHOPS) {
  for (const js of [true, false]) {
    describe(`${shop.slug}, JavaScript ${js ? "on" : "off"}`, () => {
      it("browses home -> collection -> product, picks a variant and adds it to the cart", async () => {
        const { page, context } = await phonePage(browser, { javaScriptEnabled: js });
        await page.goto(shopUrl(shop.slug, "/"));
        expect(await page.locator("html").getAttribute("dir")).toBe(shop.dir);
        await expect.poll(() => page.getByRole("heading", { level: 1 }).count()).toBe(1);
        await fitsPhone(page);
        // The header reads in the page's direction: in Urdu the first link sits to the right.
        const [a, b] = await page.locator("header nav a").evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().left));
        expect(shop.dir === "rtl" ? a! > b! : a! < b!).toBe(true);
        if (js) {
          // Every photo in view has loaded from /media (real bytes, decoded by the browser).
          await page.waitForFunction(() =>
            Array.from(document.images)
              // In view: a swipe row's later photos sit beside the screen, lazy until swiped to.
              .filter((i) => {
                const r = i.getBoundingClientRect();
                return r.top < innerHeight && r.left < innerWidth && r.right > 0;
              })
              .every((i) => i.complete && i.naturalWidth > 0),
          );
          await page.evaluate(() => document.fonts.ready);
          await page.screenshot({ path: path.join(SHOTS, `${shop.shot}.png`) });
        }

        // Collection: from the header navigation.
        const navLink = shop.collection
          ? page.locator(`header a[href="/collections/${shop.collection}"]`)
          : page.locator('header a[href^="/collections/"]:not([href="/collections/all"])').first();
        await navLink.click();
        await page.waitForURL(/\/collections\//);
        await fitsPhone(page);
        const cards = page.locator(".card a");
        expect(await cards.count()).toBeGreaterThan(0);

        // Product: a card in that collection (one with options where the catalogue has them).
        if (shop.product) await page.locator(`.card a[href="/products/${shop.product}"]`).click();
        else await cards.first().click();
        await page.waitForURL(/\/products\//);
        await fitsPhone(page);
        const productPath = new URL(page.url()).pathname;
        const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
        const hasSelect = (await page.locator("select#variant").count()) > 0;

        // Pick a variant: option buttons with JavaScript, the plain <select> without.
        let chosen: string | null = null;
        if (hasSelect) {
          const wanted = shop.choose.length ? shop.choose.join(" / ") : null;
          const option = wanted
            ? page.locator("select#variant option", { hasText: wanted })
            : page.locator("select#variant option:not([disabled])").nth(1);
          chosen = await option.getAttribute("value");
          const label = (await option.textContent())!;
          if (js && shop.choose.length) {
            expect(await page.locator(".variant-select").isHidden()).toBe(true);
            for (const v of shop.choose) await page.locator("#picker label", { hasText: new RegExp(`^${v}$`) }).click();
            expect(await page.locator("select#variant").inputValue()).toBe(chosen);
            expect(label).toContain((await page.locator("#price").textContent())!);
          } else {
            await page.selectOption("select#variant", chosen!);
          }
        }

        await page.getByRole("button", { name: shop.add }).click();
        await page.waitForURL(/\/cart$/);
        expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
        await expect.poll(() => page.locator("main").textContent()).toContain(title);
        await fitsPhone(page);
        const cookie = (await context.cookies(shopUrl(shop.slug, "/"))).find((c) => c.name === "hatti_cart");
        expect(cookie?.value).toMatch(/^\d+x1$/);
        if (chosen) expect(cookie!.value).toBe(`${chosen}x1`);

        // Back on a shared (cached) page, the header's count comes from the cookie (JS only).
        await page.goto(shopUrl(shop.slug, "/"));
        if (js) await expect.poll(() => page.locator("[data-cart-count]").first().textContent()).toBe("1");

        // The smallest common phone: nothing sticks out at 360 px either.
        await page.setViewportSize({ width: 360, height: 740 });
        for (const p of ["/", "/collections/all", productPath, "/cart"]) {
          await page.goto(shopUrl(shop.slug, p));
          expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(360);
        }
        await context.close();
      });
    });
  }
}
