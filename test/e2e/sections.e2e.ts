/**
 * Every theme's fullest home page on a 360 px phone, in English and Urdu: the most sections a
 * page holds, each type the theme offers at its largest settings (long Urdu at every cap, lists
 * full, 20 products a row). Nothing sticks out sideways (a swipe row scrolls inside itself), and
 * every section's tap targets are 48 px tall. The same for the fullest product page: the most
 * sections below its buy box, each type offered there at its largest. The pages are drawn from
 * view models, as the theme test does; the images are not served (their boxes keep their size).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PRODUCT_SECTIONS, MAX_SECTIONS } from "../../src/storefront/section";
import { sectionDefsOf } from "../../src/storefront/theme-settings";
import { THEMES } from "../../themes";
import { extremeSettings, homeHtml, productHtml } from "../section-extremes";
import { launchBrowser, phonePage, PHONE_360 } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What sticks out of a 360 px phone, and tap targets under 48 px, in `scope` (the page's sections). */
async function phoneProblems(html: string, scope: string): Promise<{ width: number; problems: string[] }> {
  const { page, context } = await phonePage(browser, { javaScriptEnabled: false, device: PHONE_360 });
  await page.setContent(html);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const problems = await page.evaluate((scope) => {
    const out: string[] = [];
    const inScroller = (el: Element) => !!el.closest(".swipe .grid, .nav ul");
    for (const el of document.querySelectorAll(`${scope} *`)) {
      const r = el.getBoundingClientRect();
      if (!inScroller(el) && (r.right > 360.5 || r.left < -0.5)) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    for (const el of document.querySelectorAll(`${scope} a, ${scope} button, ${scope} summary`)) {
      const r = el.getBoundingClientRect();
      const p = el.parentElement;
      const inText = el.tagName === "A" && p && ["P", "LI", "SPAN"].includes(p.tagName) && (p.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 2;
      if (r.height > 0 && r.height < 47.5 && !inText && !el.closest(".card")) out.push(`target ${el.tagName} "${(el.textContent ?? "").slice(0, 20)}" ${Math.round(r.height)}px`);
    }
    return out.slice(0, 10);
  }, scope);
  await context.close();
  return { width, problems };
}

for (const theme of THEMES) {
  for (const locale of ["en", "ur"] as const) {
    describe(`${theme.manifest.id} (${locale})`, () => {
      it(`fits a 360 px phone with ${MAX_SECTIONS} sections at their largest, 48 px targets`, async () => {
        const defs = sectionDefsOf(theme.settings);
        const sections = Array.from({ length: MAX_SECTIONS }, (_, i) => defs[i % defs.length]!).map((def) => ({ type: def.id, settings: extremeSettings(def) }));
        const { width, problems } = await phoneProblems(homeHtml(theme, locale, sections), "main");
        expect(width).toBeLessThanOrEqual(360);
        expect(problems).toEqual([]);
      });

      it(`fits a 360 px phone with a product page's ${MAX_PRODUCT_SECTIONS} sections at their largest, 48 px targets`, async () => {
        const defs = sectionDefsOf(theme.settings, "productSections");
        const sections = Array.from({ length: MAX_PRODUCT_SECTIONS }, (_, i) => defs[i % defs.length]!).map((def) => ({ type: def.id, settings: extremeSettings(def) }));
        // Targets are checked in the sections (the buy box has its own test, product-page.e2e.ts).
        const { width, problems } = await phoneProblems(productHtml(theme, locale, sections), 'section[id^="ps"]');
        expect(width).toBeLessThanOrEqual(360);
        expect(problems).toEqual([]);
      });
    });
  }
}
