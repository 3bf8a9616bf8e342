/**
 * Budgets on a realistic seeded shop, for every theme in both languages: home, collection and
 * product HTML (inline CSS included) at most 14 KB gzipped, no external CSS or JS, inline JS
 * under 5 KB gzipped, one h1, alt and size on every image, a label for every control, one D1
 * round trip; and a cold isolate (its memory emptied) serves the page from the location's cache
 * (src/tenancy/edge-cache.ts) with no D1 round trip and the same bytes. Sizes are bytes, never
 * wall-clock; the clock is frozen, so a record read "a moment ago" stays fresh on a slow machine.
 */
import { env, exports } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../index";
import type { Bindings } from "../env";
import { clearPageCache, forgetIsolateCaches } from "./page-cache";
import { THEMES } from "../../themes";
import { audit, gzipSize } from "../../test/storefront-html";
import { seedShop, type SeededShop } from "../../test/storefront-fixtures";
import { extremeSettings, TYPED_MARKUP } from "../../test/section-extremes";
import { MAX_PRODUCT_SECTIONS, MAX_SECTIONS } from "./section";
import { sectionDefsOf } from "./theme-settings";

const HTML_BUDGET = 14 * 1024;
const JS_BUDGET = 5 * 1024;
const PAGES = ["/", "/collections/all", "/collections/lawn", "/products/item-1", "/products/item-2", "/search?q=suit", "/pages/about"];
const BUDGETED = new Set(["/", "/collections/all", "/collections/lawn", "/products/item-1", "/products/item-2"]);

const sizes: string[] = [];

/** A request whose background work (the location's cache writes) is awaited. */
async function settled(url: string): Promise<{ res: Response; bytes: Uint8Array }> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(url), env as unknown as Bindings, ctx);
  const bytes = new Uint8Array(await res.arrayBuffer());
  await waitOnExecutionContext(ctx);
  return { res, bytes };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

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
        const { res, bytes } = await settled(`${shop.origin}${path}`);
        const html = new TextDecoder().decode(bytes);
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

        // A cold isolate in a location that has seen the shop: the record and the page from the
        // Cache API, no D1, the same bytes. (The first cold request re-reads the record, which
        // the page cache's clear above moved out of reach, and puts it back.)
        forgetIsolateCaches();
        await settled(`${shop.origin}${path}`);
        forgetIsolateCaches();
        const cold = await settled(`${shop.origin}${path}`);
        expect(cold.res.headers.get("x-cache")).toBe("shared");
        expect(cold.res.headers.get("server-timing")).toContain("d1q;dur=0,");
        expect(cold.bytes).toEqual(bytes);
      });
    });
  }
}

/**
 * The fullest home page: the most sections a page holds, each type the theme offers at its
 * largest settings (every text at its cap in long Urdu, lists and product counts at their caps).
 */
for (const theme of THEMES) {
  for (const locale of ["en", "ur"] as const) {
    it(`${theme.manifest.id} (${locale}): the home page with ${MAX_SECTIONS} sections at their largest`, async () => {
      const defs = sectionDefsOf(theme.settings);
      const sections = Array.from({ length: MAX_SECTIONS }, (_, i) => defs[i % defs.length]!).map((def) => ({ type: def.id, settings: extremeSettings(def) }));
      const shop = await seedShop({ theme: theme.manifest.id, locale, settings: { sections } });
      await (await exports.default.fetch(`${shop.origin}/`)).text();
      clearPageCache();
      const { res, bytes } = await settled(`${shop.origin}/`);
      const html = new TextDecoder().decode(bytes);
      expect(res.status).toBe(200);
      expect(res.headers.get("server-timing")).toContain("d1q;dur=1,d1s;dur=1,");
      const a = await audit(html);
      const gz = await gzipSize(html);
      sizes.push(`${theme.manifest.id}/${locale} / with ${MAX_SECTIONS} sections at their largest: ${html.length} B raw, ${gz} B gzipped`);
      expect(gz).toBeLessThanOrEqual(HTML_BUDGET);
      expect(a.h1).toBe(1);
      expect(a.imgs.filter((i) => i.loading === "eager").length).toBeLessThanOrEqual(3);
      expect(html).not.toContain(TYPED_MARKUP);
    });
  }
}

/**
 * The fullest product page: a product with long text and the most sections below its buy box,
 * each type offered there at its largest settings; still one statement, 14 KB, inline JS under 5 KB.
 */
for (const theme of THEMES) {
  for (const locale of ["en", "ur"] as const) {
    it(`${theme.manifest.id} (${locale}): a product page with ${MAX_PRODUCT_SECTIONS} sections at their largest`, async () => {
      const defs = sectionDefsOf(theme.settings, "productSections");
      const productSections = Array.from({ length: MAX_PRODUCT_SECTIONS }, (_, i) => defs[i % defs.length]!).map((def) => ({ type: def.id, settings: extremeSettings(def) }));
      const shop = await seedShop({ theme: theme.manifest.id, locale, settings: { productSections } });
      await (await exports.default.fetch(`${shop.origin}/products/item-1`)).text();
      clearPageCache();
      const { res, bytes } = await settled(`${shop.origin}/products/item-1`);
      const html = new TextDecoder().decode(bytes);
      expect(res.status).toBe(200);
      expect(res.headers.get("server-timing")).toContain("d1q;dur=1,d1s;dur=1,");
      expect(html).toContain(`id="ps${MAX_PRODUCT_SECTIONS}"`);
      const a = await audit(html);
      const gz = await gzipSize(html);
      const js = await gzipSize(a.inlineJs.join(""));
      sizes.push(`${theme.manifest.id}/${locale} /products/item-1 with ${MAX_PRODUCT_SECTIONS} sections at their largest: ${html.length} B raw, ${gz} B gzipped, JS ${js} B gzipped`);
      expect(gz).toBeLessThanOrEqual(HTML_BUDGET);
      expect(js).toBeLessThan(JS_BUDGET);
      expect(a.h1).toBe(1);
      expect(a.imgs.filter((i) => i.loading === "eager").length).toBeLessThanOrEqual(3);
      for (const c of a.controls) expect(a.labelFors).toContain(c.id);
      expect(html).not.toContain(TYPED_MARKUP);
    });
  }
}

describe("sizes", () => {
  it("are reported", () => {
    console.log(sizes.join("\n"));
    expect(sizes.length).toBe(THEMES.length * 2 * (PAGES.length + 2));
  });
});
