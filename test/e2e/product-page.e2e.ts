/**
 * The product page on a 390x844 phone: the gallery swipes (scroll-snap) and its dots follow,
 * thumbnails jump to a photo without moving the page, the buy bar comes up once the buy form has
 * scrolled away and adds to the cart (the header's count and its label follow), nothing shifts
 * while the page loads; and with JavaScript off the bar still adds the chosen variant.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, phonePage, shopUrl } from "./browser";

const PRODUCT = "/products/embroidered-lawn-suit";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const currentDot = (page: Page) => page.locator(".dots a[aria-current]").getAttribute("href");
/** Whether the buy bar is on screen (visible and inside the viewport). */
const barShown = (page: Page) =>
  page.locator("#buybar").evaluate((el) => {
    const r = el.getBoundingClientRect();
    return getComputedStyle(el).visibility === "visible" && r.top < innerHeight && r.bottom > 0;
  });

describe("product page on a phone", () => {
  it("swipes the gallery, jumps by thumbnail, shows the buy bar once the form scrolls away, adds to the cart", async () => {
    const { page, context } = await phonePage(browser);
    // Layout shifts, summed from the first paint (CLS counts those without recent input).
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.shift += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(shopUrl(DEMO.shop, PRODUCT));
    const slides = page.locator("#slides");
    expect(await page.locator("#slides li").count()).toBeGreaterThan(1);
    expect(await currentDot(page)).toBe("#p1");
    // The first photo at its own shape: the box is as tall as the photo (no letterbox).
    const [box, photo] = await page.locator("#p1 img").evaluate((img: HTMLImageElement) => [img.getBoundingClientRect().height, (img.clientWidth * img.naturalHeight) / img.naturalWidth]);
    expect(Math.abs(box! - photo!)).toBeLessThan(2);

    // Swipe: the gallery scrolls sideways by a photo and snaps; the second dot lights up.
    await slides.evaluate((el) => el.scrollBy({ left: el.clientWidth }));
    await expect.poll(() => currentDot(page)).toBe("#p2");
    // A thumbnail jumps back to the first photo; the page itself stays where it was.
    const y = await page.evaluate(() => scrollY);
    await page.locator('.thumbs a[href="#p1"]').click();
    await expect.poll(() => slides.evaluate((el) => Math.abs(el.scrollLeft))).toBeLessThan(2);
    await expect.poll(() => currentDot(page)).toBe("#p1");
    expect(await page.evaluate(() => scrollY)).toBe(y);
    expect(new URL(page.url()).hash).toBe("");

    // Pick M / Mint; no bar while the form is in view.
    for (const v of ["M", "Mint"]) await page.locator("#picker label", { hasText: new RegExp(`^${v}$`) }).click();
    const price = await page.locator("#price").textContent();
    expect(await barShown(page)).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
    // The form still in view with the part after it: the island keeps the bar away (CSS alone would show it).
    await page.locator("#buy-form").evaluate((f) => scrollTo(0, scrollY + f.getBoundingClientRect().bottom - innerHeight + 100));
    expect(await page.locator(".after-buy").evaluate((el) => el.getBoundingClientRect().top < innerHeight - 50)).toBe(true);
    expect(await barShown(page)).toBe(false);
    // The demo's description is short: give it a long one, as many sellers write, to scroll past the form.
    await page.locator(".after-buy").evaluate((el) => {
      const p = document.createElement("p");
      p.textContent = "Soft lawn, fine embroidery. ".repeat(200);
      el.prepend(p);
    });
    // Scroll the form off the top: the bar comes up with the choice.
    await page.locator("#buy-form").evaluate((f) => scrollTo(0, scrollY + f.getBoundingClientRect().bottom + 1));
    await expect.poll(() => barShown(page)).toBe(true);
    expect(await page.locator("#bb-variant").textContent()).toBe("M / Mint");
    expect(await page.locator("#bb-price").textContent()).toBe(price);
    // Back up to the form: the bar goes away.
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => barShown(page)).toBe(false);

    // Add from the bar: the cart has M / Mint, and the header's count says 1 (and its label).
    await page.locator("#buy-form").evaluate((f) => scrollTo(0, scrollY + f.getBoundingClientRect().bottom + 1));
    await expect.poll(() => barShown(page)).toBe(true);
    await page.locator("#buybar button").click();
    await page.waitForURL(/\/cart$/);
    await expect.poll(() => page.locator("main").textContent()).toContain("M / Mint");
    expect(await page.locator("header [data-cart-count]").textContent()).toBe("1");
    // A shared (cached) page fills the count and the label from the cookie.
    await page.goto(shopUrl(DEMO.shop, PRODUCT));
    await expect.poll(() => page.locator("header [data-cart-count]").textContent()).toBe("1");
    expect(await page.locator("header a.cart").getAttribute("aria-label")).toBe("Cart, items: 1");
    await context.close();
  });

  it("with JavaScript off, the bar comes up below the form, covers nothing at the end, and adds the chosen variant; one option's chips choose it", async () => {
    const { page, context } = await phonePage(browser, { javaScriptEnabled: false });
    await page.setViewportSize({ width: 390, height: 400 });
    await page.goto(shopUrl(DEMO.shop, PRODUCT));
    // The option chips need JavaScript: the plain select is the choice here.
    expect(await page.locator("#picker").isHidden()).toBe(true);
    const option = page.locator("select#variant option:not([disabled])", { hasText: "L / Rose" });
    const chosen = (await option.getAttribute("value"))!;
    await page.selectOption("select#variant", chosen);
    // At the top the bar is not on screen over the gallery.
    expect(await barShown(page)).toBe(false);
    // Scrolled to the end: the bar sits in its own place, over no text.
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    const overlap = await page.evaluate(() => {
      const bar = document.getElementById("buybar")!.getBoundingClientRect();
      return Array.from(document.querySelectorAll(".after-buy p, #buy-form *")).some((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.bottom > bar.top + 1 && r.top < bar.bottom - 1;
      });
    });
    expect(overlap).toBe(false);
    // Midway, the bar is stuck to the bottom of the screen and submits the form.
    await page.locator("#buy-form").evaluate((f) => scrollTo(0, scrollY + f.getBoundingClientRect().bottom - 100));
    expect(await barShown(page)).toBe(true);
    await page.locator("#buybar button").click();
    await page.waitForURL(/\/cart$/);
    const cookie = (await context.cookies(shopUrl(DEMO.shop, "/"))).find((c) => c.name === "hatti_cart");
    expect(cookie?.value).toBe(`${chosen}x1`);
    expect(await page.locator("header [data-cart-count]").textContent()).toBe("1");

    // One option (Size): its chips are the variants, chosen with no JavaScript at all.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(shopUrl(DEMO.shop, "/products/printed-kurta"));
    expect(await page.locator("select#variant").count()).toBe(0);
    const chip = page.locator("#picker label", { hasText: /^L$/ });
    const kurta = (await page.locator(`#${await chip.getAttribute("for")}`).getAttribute("value"))!;
    await chip.click();
    await page.locator("#buy-form").getByRole("button", { name: "Add to cart" }).click();
    await page.waitForURL(/\/cart$/);
    const after = (await context.cookies(shopUrl(DEMO.shop, "/"))).find((c) => c.name === "hatti_cart");
    expect(after?.value.split(".").sort()).toEqual([`${chosen}x1`, `${kurta}x1`].sort());
    await context.close();
  });
});
