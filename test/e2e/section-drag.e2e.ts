/**
 * Issue 19, section 1: the seller reorders her home page's sections with a finger, on a 360 px
 * phone. A drag by a section's handle (touch events through the DevTools protocol: the page sees
 * Pointer Events of type "touch") moves it in place and posts the form; the page comes back in
 * the new order and says it is not saved yet; Save keeps it (the shop's home draws the stored
 * order: src/theme-editor/sections.test.ts). Without a
 * script the handles stay hidden (the Move up and Move down buttons do it:
 * src/theme-editor/sections.test.ts). A fresh shop, so the demo shops stay as they are.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RANI, fingerDrag, launchBrowser, logIn, openShop, PHONE_360, phonePage, platformUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const types = (page: Page) => page.locator('ol.secs input[name$="_type"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

describe("home page sections, reordered by a finger", { timeout: 120_000 }, () => {
  it("a drag by the handle moves a section up; shown unsaved, kept by Save", async () => {
    const { page, context } = await phonePage(browser, { device: PHONE_360 });
    await logIn(page, DEMO_RANI.login, DEMO_RANI.password);
    const slug = await openShop(page, "Zoya Sweets and Bakes", "bakery");
    await page.goto(platformUrl(`/admin/${slug}/theme`));
    const before = await types(page);
    expect(before.length).toBeGreaterThanOrEqual(3);

    const items = page.locator("ol.secs > li");
    await items.first().evaluate((li) => li.scrollIntoView({ block: "start" }));
    const first = (await items.first().boundingBox())!;
    // The third section's handle, dragged above the first.
    const handle = await fingerDrag(context, page, items.nth(2).locator(".handle"), first.y + 4);
    expect(Math.min(handle.width, handle.height)).toBeGreaterThanOrEqual(48);
    await expect.poll(() => page.locator(".notice").first().textContent(), { timeout: 15_000 }).toContain("Not saved yet");
    const moved = [before[2], before[0], before[1], ...before.slice(3)];
    expect(await types(page)).toEqual(moved);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.waitForURL(/theme\?done=1/);
    expect(await types(page)).toEqual(moved);
    await page.reload();
    expect(await types(page)).toEqual(moved);
    await context.close();
  });
});
