/**
 * Every theme's fullest home page on a 360 px phone, in English and Urdu: the most sections a
 * page holds, each type the theme offers at its largest settings (long Urdu at every cap, lists
 * full, 20 products a row). Nothing sticks out sideways (a swipe row scrolls inside itself), and
 * every section's tap targets are 48 px tall. The page is drawn from view models, as the theme
 * test does; the images are not served (their boxes keep their size).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SECTIONS } from "../../src/storefront/section";
import { sectionDefsOf } from "../../src/storefront/theme-settings";
import { THEMES } from "../../themes";
import { extremeSettings, homeHtml } from "../section-extremes";
import { launchBrowser, phonePage, PHONE_360 } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const theme of THEMES) {
  for (const locale of ["en", "ur"] as const) {
    describe(`${theme.manifest.id} (${locale})`, () => {
      it(`fits a 360 px phone with ${MAX_SECTIONS} sections at their largest, 48 px targets`, async () => {
        const defs = sectionDefsOf(theme.settings);
        const sections = Array.from({ length: MAX_SECTIONS }, (_, i) => defs[i % defs.length]!).map((def) => ({ type: def.id, settings: extremeSettings(def) }));
        const { page, context } = await phonePage(browser, { javaScriptEnabled: false, device: PHONE_360 });
        await page.setContent(homeHtml(theme, locale, sections));
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        const problems = await page.evaluate(() => {
          const out: string[] = [];
          const inScroller = (el: Element) => !!el.closest(".swipe .grid, .nav ul");
          for (const el of document.querySelectorAll("main *")) {
            const r = el.getBoundingClientRect();
            if (!inScroller(el) && (r.right > 360.5 || r.left < -0.5)) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
          }
          for (const el of document.querySelectorAll("main a, main button, main summary")) {
            const r = el.getBoundingClientRect();
            const p = el.parentElement;
            const inText = el.tagName === "A" && p && ["P", "LI", "SPAN"].includes(p.tagName) && (p.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 2;
            if (r.height > 0 && r.height < 47.5 && !inText && !el.closest(".card")) out.push(`target ${el.tagName} "${(el.textContent ?? "").slice(0, 20)}" ${Math.round(r.height)}px`);
          }
          return out.slice(0, 10);
        });
        expect(problems).toEqual([]);
        await context.close();
      });
    });
  }
}
