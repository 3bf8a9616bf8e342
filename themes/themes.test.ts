/**
 * The theme registry: every folder under themes/ is registered, and every theme renders every
 * page from plain view models (no D1), in both languages, with the basics every page needs.
 */
import type { Locale } from "../src/i18n";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../src/lib/render";
import { storeContext } from "../src/storefront/context";
import type { HeadVM, HomeVM, ProductCardVM, ProductVM, Theme } from "../src/storefront/theme";
import { contrastRatio, mutedColour, settingMeta } from "../src/storefront/theme-settings";
import type { Shop } from "../src/tenancy/shop-cache";
import { THEMES } from ".";
import { audit } from "../test/storefront-html";

const shop = (locale: Locale): Shop => ({
  id: 1, slug: "ayesha", name: "Ayesha's <Closet>", status: "active", themeId: "classic", themeSettings: {},
  locale, currency: "PKR", whatsapp: "+923001234567", alertChannel: "whatsapp", lowStockAt: 2, codConfirm: true, codConfirmHours: 24, phone: "", email: "", city: "Lahore",
  description: "Lawn & more", payments: { cod: { enabled: true } } as Shop["payments"], version: 1, updatedAt: 0, shard: 0,
});

const img = (n: number) => ({ src: `/media/shops/1/${"a".repeat(64)}/640.webp`, srcset: `/media/shops/1/${"a".repeat(64)}/320.webp 320w`, width: 1280, height: 1600, alt: `Photo ${n}` });
const card = (id: number): ProductCardVM => ({ id, url: `/products/p${id}`, title: `Kurta ${id}`, price: "Rs 1,500", compareAtPrice: id % 2 ? "Rs 2,000" : null, soldOut: id === 3, image: id === 4 ? null : img(id) });
const head: HeadVM = { title: "T" };
const listing = { products: [1, 2, 3, 4].map(card), sort: "newest" as const, sorts: [{ key: "newest" as const, label: "Newest", url: "/x", selected: true }], next: "/x?after=1_2", first: "/x" };
const product: ProductVM = {
  title: "Lawn suit", description: [[{ text: "Soft.\nLight. " }, { href: "https://example.com/", text: "https://example.com/" }]],
  images: [img(1), img(2)], options: ["Size", "Colour"],
  variants: [
    { id: 1, label: "S / Rose", options: ["S", "Rose"], price: "Rs 1,500", compareAtPrice: null, available: true, stock: "in" },
    { id: 2, label: "M / Rose", options: ["M", "Rose"], price: "Rs 1,600", compareAtPrice: "Rs 2,000", available: false, stock: "out" },
  ],
  selected: null, price: "Rs 1,500", compareAtPrice: null, priceFrom: "from Rs 1,500", available: true, collection: { title: "Lawn", url: "/collections/lawn" },
};
product.selected = product.variants[0]!;
const home: HomeVM = { featured: { collection: { title: "Lawn", url: "/collections/lawn" }, products: [1, 2].map(card) }, newArrivals: [1, 2, 3, 4].map(card), collections: [{ title: "Lawn", url: "/collections/lawn" }] };

type Pair = readonly [foreground: string, background: string];

/**
 * The colour pairs (foreground, background) each theme declares, kept at 4.5:1: `text` on
 * `background`, and every `xText` on its `x`. A theme that adds a pair to its settings must add
 * it here (the test below derives the pairs from the schema's keys and compares), so every pair
 * of every theme is checked and none is skipped.
 */
const DECLARED_PAIRS: Record<string, Pair[]> = {
  bakery: [["text", "background"], ["primaryText", "primary"], ["accentText", "accent"]],
  bazaar: [["text", "background"], ["primaryText", "primary"], ["accentText", "accent"]],
  classic: [["text", "background"], ["primaryText", "primary"]],
  minimal: [["text", "background"], ["primaryText", "primary"]],
  jewel: [["text", "background"], ["primaryText", "primary"], ["accentText", "accent"]],
};

const shapeOf = (theme: Theme) => (theme.settings as unknown as { shape: Record<string, import("zod").ZodType> }).shape;

/** The pairs a theme's colour settings make by their keys, and any colour left out of every pair. */
function pairsOf(theme: Theme): { pairs: Pair[]; unpaired: string[] } {
  const colours = Object.entries(shapeOf(theme))
    .filter(([, field]) => settingMeta(field)?.input === "colour")
    .map(([key]) => key);
  const pairs: Pair[] = [["text", "background"]];
  for (const key of colours) if (/.Text$/.test(key) && colours.includes(key.slice(0, -"Text".length))) pairs.push([key, key.slice(0, -"Text".length)]);
  return { pairs, unpaired: colours.filter((c) => !pairs.some((p) => p.includes(c))) };
}
const byName = (a: Pair, b: Pair) => a.join().localeCompare(b.join());

function pagesOf(theme: Theme, locale: Locale) {
  const ctx = storeContext(shop(locale), "https://ayesha.hatti.test", "/", theme.settings.parse({}), { nav: [{ title: "Lawn", slug: "lawn" }], pages: [{ title: "About", slug: "about" }] });
  return {
    home: theme.pages.home(ctx, home, head),
    emptyHome: theme.pages.home(ctx, { featured: null, newArrivals: [], collections: [] }, head),
    collection: theme.pages.collection(ctx, { ...listing, title: "Lawn", description: [[{ text: "Summer <b>" }]], path: "/collections/lawn" }, head),
    product: theme.pages.product(ctx, product, head),
    search: theme.pages.search(ctx, { ...listing, query: "<b>kurta</b>", path: "/search" }, head),
    page: theme.pages.page(ctx, { title: "About", body: [[{ text: "Hello <i>there</i>" }]] }, head),
    notFound: theme.pages.notFound(ctx),
  };
}

describe("theme registry", () => {
  it("registers every folder under themes/ and nothing else", () => {
    expect([...THEMES.map((t) => t.manifest.id)].sort()).toEqual([...env.THEME_FOLDERS].sort());
  });

  it("declares the colour pairs of every theme, and of no other", () => {
    expect(Object.keys(DECLARED_PAIRS).sort()).toEqual(THEMES.map((t) => t.manifest.id).sort());
  });

  it("offers at least three themes with distinct ids and names in both languages", () => {
    expect(THEMES.length).toBeGreaterThanOrEqual(3);
    expect(new Set(THEMES.map((t) => t.manifest.id)).size).toBe(THEMES.length);
    for (const t of THEMES) {
      expect(t.manifest.name.en && t.manifest.name.ur && t.manifest.description.en && t.manifest.description.ur).toBeTruthy();
    }
  });
});

for (const theme of THEMES) {
  describe(`theme ${theme.manifest.id}`, () => {
    it("has defaults for every setting and form metadata on each field", () => {
      const defaults = theme.settings.parse({}) as Record<string, unknown>;
      const shape = shapeOf(theme);
      expect(Object.keys(shape).sort()).toEqual(Object.keys(defaults).sort());
      for (const [key, field] of Object.entries(shape)) {
        const meta = settingMeta(field);
        expect(meta?.label.en, key).toBeTruthy();
        expect(meta?.label.ur, key).toBeTruthy();
      }
    });

    const pairs = DECLARED_PAIRS[theme.manifest.id] ?? [];

    it("declares the colour pairs its colour settings make (text on background, every xText on its x), every colour in one", () => {
      const derived = pairsOf(theme);
      expect([...derived.pairs].sort(byName)).toEqual([...pairs].sort(byName));
      expect(derived.unpaired, "a colour setting in no pair: name it xText beside its x, or say here why it needs none").toEqual([]);
    });

    it.each(pairs)("keeps its default %s on %s at 4.5:1 or more", (fg, bg) => {
      const s = theme.settings.parse({}) as Record<string, string>;
      expect(contrastRatio(s[fg]!, s[bg]!)).toBeGreaterThanOrEqual(4.5);
    });

    it.each(pairs)("refuses %s on %s below 4.5:1, beside the foreground", (fg, bg) => {
      // Two greys 1.3:1 apart, set on this pair alone: only this pair breaks.
      const r = theme.settings.safeParse({ [fg]: "#777777", [bg]: "#999999" });
      expect(contrastRatio("#777777", "#999999")).toBeLessThan(4.5);
      expect(r.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([{ path: [fg], message: "theme.contrast" }]);
    });

    it("keeps the muted text derived from its default ink at 4.5:1 or more", () => {
      const s = theme.settings.parse({}) as Record<string, string>;
      expect(contrastRatio(mutedColour(s.text!, s.background!), s.background!)).toBeGreaterThanOrEqual(4.5);
    });

    it("refuses settings that break contrast, and bad values", () => {
      const grey = theme.settings.safeParse({ text: "#999999", background: "#ffffff" });
      expect(grey.success).toBe(false);
      expect(grey.error?.issues[0]).toMatchObject({ path: ["text"], message: "theme.contrast" });
      expect(theme.settings.safeParse({ primary: "#ffff00", primaryText: "#ffffff" }).success).toBe(false);
      expect(theme.settings.safeParse({ primary: "red" }).success).toBe(false);
      expect(theme.settings.safeParse({ productsPerRow: 9 }).success).toBe(false);
      expect(theme.settings.safeParse({ homeSections: ["carousel"] }).success).toBe(false);
      expect(theme.settings.safeParse({ text: "#000000", background: "#FFFFFF", homeSections: ["newArrivals"] }).success).toBe(true);
    });

    for (const locale of ["en", "ur"] as const) {
      it(`renders every page (${locale}) with one h1, alt and size on every image, a label for every control`, async () => {
        for (const [name, node] of Object.entries(pagesOf(theme, locale))) {
          const { html } = renderDocument(node);
          const a = await audit(html);
          expect(a.h1, `${name}: h1`).toBe(1);
          expect(a.htmlAttrs).toEqual({ lang: locale, dir: locale === "ur" ? "rtl" : "ltr" });
          for (const i of a.imgs) {
            expect(i.alt, `${name}: alt`).not.toBeNull();
            expect(i.width && i.height, `${name}: size`).toBeTruthy();
          }
          for (const c of a.controls) expect(a.labelFors, `${name}: label for ${c.name}`).toContain(c.id);
          expect(a.externalScripts).toEqual([]);
          expect(a.stylesheets).toEqual([]);
          // What the seller or customer typed is text, never markup.
          expect(html).not.toContain("<b>kurta</b>");
          expect(html).not.toContain("<i>there</i>");
          expect(html).not.toContain("<Closet>");
          for (const v of ["--bg:", "--ink:", "--muted:", "--line:", "--primary:", "--on-primary:", "--radius:", "--font:"]) expect(html).toContain(v);
          // The Nastaliq stack comes with Urdu, and only with Urdu.
          expect(html.includes("Noto Nastaliq Urdu"), `${name}: Nastaliq`).toBe(locale === "ur");
        }
      });
    }

    it("shows the seller's logo, banner photo, banner text and announcement", () => {
      const ref = (h: string) => ({ key: `shops/1/${h.repeat(64)}`, widths: [320, 960], width: 960, height: 480, format: "webp" });
      const settings = theme.settings.parse({ logo: ref("b"), bannerImage: ref("c"), bannerText: "Eid <sale>", bannerSubtext: "Up to 30% off", announcement: "Free delivery" });
      const ctx = storeContext(shop("en"), "https://a.hatti.test", "/", settings);
      const { html } = renderDocument(theme.pages.home(ctx, home, head));
      expect(html).toMatch(new RegExp(`<img class="logo" src="/media/shops/1/${"b".repeat(64)}/320.webp"[^>]*alt="Ayesha's &lt;Closet>"`));
      expect(html).toMatch(new RegExp(`<img class="hero-img" src="/media/shops/1/${"c".repeat(64)}/960.webp"[^>]* width="960" height="480" alt="Eid &lt;sale>" loading="eager"`));
      expect(html).toContain("<h1>Eid &lt;sale></h1>");
      expect(html).toContain("Up to 30% off");
      expect(html).toContain(">Free delivery</p>");
    });

    it("orders the home sections as the settings say and shows only those", () => {
      const ctx = storeContext(shop("en"), "https://a.hatti.test", "/", theme.settings.parse({ homeSections: ["newArrivals", "featured"] }));
      const { html } = renderDocument(theme.pages.home(ctx, home, head));
      expect(html.indexOf(">Just in</h2>")).toBeGreaterThan(0);
      expect(html.indexOf(">Just in</h2>")).toBeLessThan(html.indexOf(">Lawn</h2>"));
      expect(html).not.toContain("Shop now");
    });
  });
}
