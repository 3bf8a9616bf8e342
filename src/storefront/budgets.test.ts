/**
 * Budgets on a realistic seeded shop, for every theme in both languages: home, collection and
 * product HTML (inline CSS included) at most 14 KB gzipped, no external CSS or JS, inline JS
 * under 5 KB gzipped, one h1, alt and size on every image, a label for every control, one D1
 * round trip. Sizes are bytes, never wall-clock.
 */
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { clearPageCache } from "./page-cache";
import { THEMES } from "../../themes";
import { audit, gzipSize } from "../../test/storefront-html";
import { seedShop, type SeededShop } from "../../test/storefront-fixtures";

const HTML_BUDGET = 14 * 1024;
const JS_BUDGET = 5 * 1024;
const PAGES = ["/", "/collections/all", "/collections/lawn", "/products/item-1", "/products/item-2", "/search?q=suit", "/pages/about"];
const BUDGETED = new Set(["/", "/collections/all", "/collections/lawn", "/products/item-1", "/products/item-2"]);

const sizes: string[] = [];

for (const theme of THEMES.map((t) => t.manifest.id)) {
  for (const locale of ["en", "ur"] as const) {
    describe(`${theme} (${locale})`, () => {
      let shop: SeededShop;
      beforeAll(async () => {
        shop = await seedShop({ theme, locale });
      });

      it.each(PAGES)("%s", async (path) => {
        await (await exports.default.fetch(`${shop.origin}${path}`)).text(); // warm the shop record cache
        clearPageCache(); // measure a render, not the page cache
        const res = await exports.default.fetch(`${shop.origin}${path}`);
        const html = await res.text();
        expect(res.status).toBe(200);
        // One round trip carrying one statement: the page's lists come folded into one row.
        expect(res.headers.get("server-timing")).toContain("d1q;dur=1,d1s;dur=1,");
        const a = await audit(html);
        const gz = await gzipSize(html);
        const js = await gzipSize(a.inlineJs.join(""));
        sizes.push(`${theme}/${locale} ${path}: ${html.length} B raw, ${gz} B gzipped, JS ${js} B gzipped`);
        if (BUDGETED.has(path)) expect(gz, `${path} gzipped`).toBeLessThanOrEqual(HTML_BUDGET);
        expect(js).toBeLessThan(JS_BUDGET);
        expect(a.externalScripts).toEqual([]);
        expect(a.stylesheets).toEqual([]);
        expect(a.h1).toBe(1);
        expect(a.htmlAttrs).toEqual({ lang: locale, dir: locale === "ur" ? "rtl" : "ltr" });
        for (const img of a.imgs) {
          expect(img.alt).not.toBeNull();
          expect(Number(img.width) > 0 && Number(img.height) > 0).toBe(true);
          expect(img.srcset).toBeTruthy();
          expect(img.sizes).toBeTruthy();
        }
        // Photos far down the page load lazily; only the first few load at once.
        expect(a.imgs.filter((i) => i.loading === "eager").length).toBeLessThanOrEqual(3);
        for (const c of a.controls) expect(a.labelFors).toContain(c.id);
      });
    });
  }
}

describe("sizes", () => {
  it("are reported", () => {
    console.log(sizes.join("\n"));
    expect(sizes.length).toBe(THEMES.length * 2 * PAGES.length);
  });
});
