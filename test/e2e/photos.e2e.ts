/**
 * Issue 15, section 6, the first two items, in Chromium on a 360 px phone with touch: two photos
 * chosen in one go on the first product form are sent while she types and saved with the
 * product, the first chosen the main photo; a finger drags the second by its handle before the
 * first (touch events through the DevTools protocol, as a finger makes them: the page sees
 * Pointer Events of type "touch"), the order is saved, and a reload shows it with the badge.
 * The product is a draft of the demo shop, so the storefront other tests browse is unchanged.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { png } from "../media-fixtures";
import { DEMO, fingerDrag, launchBrowser, logIn, PHONE_360, platformUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const srcs = (page: Page) => page.locator("#photo-list li img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).getAttribute("src")));
/** Which photo wears the "Main photo" badge (its place in the list, from 0), and how many badges there are. */
const badge = (page: Page) =>
  page.locator("#photo-list").evaluate((ul) => ({ at: Array.prototype.indexOf.call(ul.children, ul.querySelector(".main-badge")?.closest("li")), count: ul.querySelectorAll(".main-badge").length }));

describe("photos on the first form, in her order, dragged by a finger", { timeout: 120_000 }, () => {
  it("two photos chosen at once are saved with the new product, the first the main one; a drag puts the second first", async () => {
    const context = await browser.newContext(PHONE_360);
    const page = await context.newPage();
    page.on("pageerror", (err) => {
      throw err;
    });
    await logIn(page, DEMO.login, DEMO.password);
    await page.goto(platformUrl(`/admin/${DEMO.shop}/products/new`));
    await page.getByLabel("Title").fill("Handmade embroidered chiffon kurta with dupatta for weddings");
    await page.getByLabel("Price (Rs)", { exact: true }).fill("4,950");
    await page.getByLabel("Status").selectOption("draft");
    // Chosen in one go: red first, blue second. The blue one is smaller, so it is likely sent first.
    await page.locator("#photo-input").setInputFiles([
      { name: "kurta-red.png", mimeType: "image/png", buffer: Buffer.from(await png(1600, 1200, [180, 60, 40])) },
      { name: "kurta-blue.png", mimeType: "image/png", buffer: Buffer.from(await png(400, 300, [40, 90, 160])) },
    ]);
    await expect.poll(() => page.locator("#photo-list li[data-id]").count(), { timeout: 30_000 }).toBe(2);
    const chosen = await srcs(page);
    expect(await page.locator("#photo-list li img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).alt))).toEqual(["kurta-red.png", "kurta-blue.png"]);
    expect(await badge(page)).toEqual({ at: 0, count: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/products\/\d+\?done=createdPhotos$/);
    expect(await page.locator(".notice").textContent()).toBe("Product added with its photos.");
    expect(await srcs(page)).toEqual(chosen);
    expect(await badge(page)).toEqual({ at: 0, count: 1 });

    // A finger on the second photo's handle drags it above the first.
    const items = page.locator("#photo-list > li");
    await items.first().scrollIntoViewIfNeeded();
    const first = (await items.first().boundingBox())!;
    const handle = await fingerDrag(context, page, items.nth(1).locator(".handle"), first.y + 8);
    expect(Math.min(handle.width, handle.height)).toBeGreaterThanOrEqual(48);
    await expect.poll(() => page.locator("#photo-status").textContent(), { timeout: 15_000 }).toBe("Order saved.");
    expect(await srcs(page)).toEqual([chosen[1], chosen[0]]);
    expect(await badge(page)).toEqual({ at: 0, count: 1 });

    await page.reload();
    expect(await srcs(page)).toEqual([chosen[1], chosen[0]]);
    expect(await badge(page)).toEqual({ at: 0, count: 1 });
    expect(await page.locator("#photo-list li").first().locator(".main-badge").textContent()).toBe("Main photo");
    await context.close();
  });
});
