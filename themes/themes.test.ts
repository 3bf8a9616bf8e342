/**
 * The theme registry: every folder under themes/ is registered, and every theme renders every
 * page from plain view models (no D1), in both languages, with the basics every page needs.
 */
import type { Locale } from "../src/i18n";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { renderDocument } from "../src/lib/render";
import { storeContext } from "../src/storefront/context";
import type { HeadVM, HomeVM, ProductCardVM, ProductVM, StoreContext, Theme } from "../src/storefront/theme";
import type { CardRow } from "../src/products/cards";
import { homeNeeds, homeSections, homeVM } from "../src/storefront/view-models";
import { homeHead } from "../src/storefront/seo";
import { contrastRatio, mutedColour, settingMeta } from "../src/storefront/theme-settings";
import type { Shop } from "../src/tenancy/shop-cache";
import { THEMES } from ".";
import { audit, gzipSize } from "../test/storefront-html";
import { dangerColour } from "./_shared/base-css";
import { isColourOption, swatchOf } from "./_shared/swatches";

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
  selected: null, price: "Rs 1,500", compareAtPrice: null, priceFrom: "from Rs 1,500", available: true, collection: { title: "Lawn", url: "/collections/lawn" }, sections: [],
};
product.selected = product.variants[0]!;
const packed = `shops/1/${"a".repeat(64)}|320,640|1280|1600|webp|`;
const row = (id: number): CardRow => ({ id, slug: `p${id}`, title: `Kurta ${id}`, price: 150000, compareAtPrice: id % 2 ? 200000 : null, maxPrice: 150000, createdAt: id, image: id === 4 ? null : packed, inStock: id === 3 ? 0 : 1 });
/** The home page of a theme with its settings' sections, each need answered as D1 would (a collection "Lawn", four products). */
function homeOf(theme: Theme, ctx: StoreContext, empty = false): HomeVM {
  const sections = homeSections(theme, ctx.settings);
  const results = homeNeeds(sections).map((n) =>
    empty || !n ? { collection: null, cards: [] } : n.kind === "collection" ? { collection: { title: "Lawn", slug: "lawn" }, cards: [1, 2].map(row) } : { collection: null, cards: [1, 2, 3, 4].map(row) },
  );
  return homeVM(ctx, sections, { empty, results });
}

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
    home: theme.pages.home(ctx, homeOf(theme, ctx), head),
    emptyHome: theme.pages.home(ctx, homeOf(theme, ctx, true), head),
    collection: theme.pages.collection(ctx, { ...listing, title: "Lawn", description: [[{ text: "Summer <b>" }]], path: "/collections/lawn" }, head),
    product: theme.pages.product(ctx, product, head),
    bigProduct: theme.pages.product(ctx, bigProduct(10, LONG_UR), head),
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
      expect(theme.settings.safeParse({ sections: [{ type: "carousel", settings: {} }] }).success).toBe(false);
      expect(theme.settings.safeParse({ text: "#000000", background: "#FFFFFF", sections: [{ type: "newest", settings: {} }] }).success).toBe(true);
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
            expect(i.loading === "eager" || i.decoding === "async", `${name}: lazy images decode async`).toBe(true);
          }
          for (const c of a.controls) expect(a.labelFors, `${name}: label for ${c.name}`).toContain(c.id);
          expect(a.externalScripts).toEqual([]);
          expect(a.stylesheets).toEqual([]);
          // What the seller or customer typed is text, never markup.
          expect(html).not.toContain("<b>kurta</b>");
          expect(html).not.toContain("<i>there</i>");
          expect(html).not.toContain("<Closet>");
          for (const v of ["--bg:", "--ink:", "--muted:", "--line:", "--soft:", "--primary:", "--on-primary:", "--danger:", "--radius:", "--font:"]) expect(html).toContain(v);
          // The Nastaliq stack comes with Urdu, and only with Urdu.
          expect(html.includes("Noto Nastaliq Urdu"), `${name}: Nastaliq`).toBe(locale === "ur");
        }
      });
    }

    it("shows the seller's logo, banner photo, banner text and announcement", () => {
      const ref = (h: string) => ({ key: `shops/1/${h.repeat(64)}`, widths: [320, 960], width: 960, height: 480, format: "webp" });
      const banner = { type: "image-banner", settings: { image: ref("c"), heading: "Eid <sale>", text: "Up to 30% off" } };
      const settings = theme.settings.parse({ logo: ref("b"), sections: [banner, { type: "newest", settings: {} }], announcement: "Free delivery" });
      const ctx = storeContext(shop("en"), "https://a.hatti.test", "/", settings);
      const { html } = renderDocument(theme.pages.home(ctx, homeOf(theme, ctx), head));
      expect(html).toMatch(new RegExp(`<img class="logo" src="/media/shops/1/${"b".repeat(64)}/320.webp"[^>]*alt="Ayesha's &lt;Closet>"`));
      expect(html).toMatch(new RegExp(`<img class="hero-img" src="/media/shops/1/${"c".repeat(64)}/960.webp"[^>]* width="960" height="480" alt="Eid &lt;sale>" loading="eager"`));
      expect(html).toContain("<h1>Eid &lt;sale></h1>");
      expect(html).toContain("Up to 30% off");
      expect(html).toContain(">Free delivery</p>");
    });

    it("orders the home sections as the settings say and shows only those", () => {
      const ctx = storeContext(shop("en"), "https://a.hatti.test", "/", theme.settings.parse({ sections: [{ type: "newest", settings: {} }, { type: "featured-collection", settings: {} }] }));
      const { html } = renderDocument(theme.pages.home(ctx, homeOf(theme, ctx), head));
      expect(html.indexOf(">Just in</h2>")).toBeGreaterThan(0);
      expect(html.indexOf(">Just in</h2>")).toBeLessThan(html.indexOf(">Lawn</h2>"));
      expect(html).not.toContain("Shop now");
    });
  });
}

/** A product with `photos` photos and 3 options of 10 values (Colour names a colour each), 100 variants. */
function bigProduct(photos: number, title = product.title, colourName = "Colour"): ProductVM {
  const sizes = ["XS", "S", "M", "L", "XL", "2XL", "3XL", "4XL", "5XL", "Free size"];
  const colours = ["Rose", "Navy blue", "Mint", "Mustard", "Black", "Off-white", "Maroon", "Sea green", "Lilac", "سبز"];
  const fabrics = ["Lawn", "Cotton", "Khaddar", "Silk", "Chiffon", "Linen", "Karandi", "Cambric", "Jacquard", "Velvet"];
  const variants = Array.from({ length: 100 }, (_, k) => {
    const options = [sizes[k % 10]!, colours[Math.floor(k / 10)]!, fabrics[(k + Math.floor(k / 10)) % 10]!];
    return { id: k + 1, label: options.join(" / "), options, price: `Rs ${1500 + (k % 7) * 100}`, compareAtPrice: null, available: k % 9 !== 4, stock: k % 9 === 4 ? ("out" as const) : ("in" as const) };
  });
  return {
    ...product, title, options: ["Size", colourName, "Fabric"], variants, selected: variants[0]!, priceFrom: "from Rs 1,500",
    images: Array.from({ length: photos }, (_, i) => ({ ...img(i + 1), srcset: `/m/${i}/320.webp 320w, /m/${i}/1280.webp 1280w`, width: 1280, height: i % 2 ? 1600 : 960 })),
  };
}

const LONG_UR = "ہاتھ سے کڑھائی والا لان کا تین پیس سوٹ، شیفون دوپٹے کے ساتھ، گرمیوں کے لیے ہلکا اور آرام دہ ".repeat(3).trim();

describe("product page and cards", () => {
  const render = (theme: Theme, vm: ProductVM, locale: Locale = "en", settings: object = {}) => {
    const ctx = storeContext(shop(locale), "https://a.hatti.test", "/products/p", theme.settings.parse(settings));
    return renderDocument(theme.pages.product(ctx, vm, head)).html;
  };
  const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

  for (const theme of THEMES) {
    const id = theme.manifest.id;

    it(`${id}: a gallery of 10 photos: slides #p1..#p10 at their own size, each a link to its full size; dots and thumbnails jump to them`, async () => {
      const html = render(theme, bigProduct(10));
      for (let i = 1; i <= 10; i++) {
        expect(html).toContain(`<li id="p${i}"><a href="/m/${i - 1}/1280.webp"><img`);
        expect(count(html, new RegExp(`href="#p${i}"`, "g")), `dot and thumbnail of ${i}`).toBe(2);
      }
      expect(count(html, /<nav class="dots"/g)).toBe(1);
      expect(html).toContain('aria-label="Photo 10 of 10"');
      const a = await audit(html);
      const slides = a.imgs.filter((i) => i.sizes === "(min-width:860px) 50vw, 100vw");
      expect(slides.map((i) => `${i.width}x${i.height}`)).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 ? "1280x1600" : "1280x960")));
      expect(slides.map((i) => i.loading)).toEqual(["eager", ...Array(9).fill("lazy")]);
      // The first photo is preloaded with the sizes its <img> has.
      expect(html).toContain('<link rel="preload" as="image" href="/media/shops/1/');
      expect(html).toMatch(/imagesrcset="\/m\/0\/320\.webp 320w, \/m\/0\/1280\.webp 1280w" imagesizes="\(min-width:860px\) 50vw, 100vw" fetchpriority="high"/);
    });

    it(`${id}: one photo: no dots, no thumbnails; no photo: no preload`, () => {
      const one = render(theme, bigProduct(1));
      expect(one).toContain('<li id="p1">');
      expect(one).not.toContain('class="dots"');
      expect(one).not.toContain('class="thumbs"');
      const none = render(theme, { ...product, images: [] });
      expect(none).not.toContain('rel="preload"');
    });

    for (const locale of ["en", "ur"] as const)
      it(`${id} (${locale}): 3 options x 10 values as radio chips, a swatch beside each colour, the <select> kept for no JavaScript, and a long title`, async () => {
        const html = render(theme, bigProduct(3, LONG_UR, locale === "ur" ? "رنگ" : "Colour"), locale);
        expect(html).toContain('<div id="picker" class="picker" hidden');
        expect(count(html, /<input type="radio" id="o\d-\d"/g)).toBe(30);
        // Colour values whose name says a colour get a chip (all ten do); Size and Fabric none.
        expect(count(html, /<i class="sw" style="background:#[0-9a-f]{6}"><\/i>/g)).toBe(10);
        expect(html).toMatch(/<label for="o1-1"><i class="sw" style="background:#1f2a52"><\/i>Navy blue<\/label>/);
        expect(html).toMatch(/<input type="radio" id="o0-0" name="o0" value="XS" checked/);
        expect(count(html, /<option value=/g)).toBe(100);
        expect(html).toContain(`<h1>${LONG_UR}</h1>`);
        expect(html).toContain("from Rs 1,500");
        const a = await audit(html);
        for (const c of a.controls) expect(a.labelFors).toContain(c.id);
        // The extremes stay within the page budget (the theme's CSS included).
        expect(await gzipSize(html)).toBeLessThanOrEqual(14 * 1024);
      });

    it(`${id}: one option: its chips are the variants (radio inputs, no <select>), so they work without JavaScript`, async () => {
      const variants = ["Peach", "Ivory", "Black"].map((c, k) => ({ id: 10 + k, label: c, options: [c], price: `Rs ${1200 + k * 100}`, compareAtPrice: null, available: k !== 1, stock: k === 1 ? ("out" as const) : ("in" as const) }));
      const html = render(theme, { ...product, options: ["Colour"], variants, selected: variants[0]! });
      expect(html).not.toContain("<select");
      expect(html).toContain('<div id="picker" class="picker"><fieldset><legend>Colour</legend>');
      expect(html).toMatch(/<input type="radio" id="v10" name="variant" value="10" checked [^>]*data-p="Rs 1200"/);
      expect(html).toMatch(/<input type="radio" id="v11" name="variant" value="11" disabled/);
      expect(count(html, /<i class="sw" style="background:#[0-9a-f]{6}"><\/i>/g)).toBe(3);
      const a = await audit(html);
      expect(a.controls.filter((c) => c.name === "variant").map((c) => c.id)).toEqual(["v10", "v11", "v12"]);
      for (const c of a.controls) expect(a.labelFors).toContain(c.id);
    });

    it(`${id}: the phone's buy bar submits the buy form; none when sold out`, () => {
      const html = render(theme, product);
      expect(html).toContain('<form id="buy-form" class="buy" method="post" action="/cart/add">');
      expect(html).toMatch(/<div class="after-buy">[\s\S]*<div id="buybar" class="buybar" aria-hidden="true"><span class="bb-txt"><b id="bb-price">Rs 1,500<\/b><span id="bb-variant">S \/ Rose<\/span><\/span><button class="btn" type="submit" form="buy-form" tabindex="-1">Add to cart<\/button><\/div><\/div>/);
      expect(html).toContain(".buybar{position:sticky;bottom:0");
      // Motion only for those who have not asked for less.
      expect(html).toMatch(/@media\(prefers-reduced-motion:no-preference\)\{[^@]*\.pulse\{animation:pulse/);
      const sold = { ...product, available: false, variants: product.variants.map((v) => ({ ...v, available: false, stock: "out" as const })) };
      expect(render(theme, sold)).not.toContain('id="buybar"');
    });

    it(`${id}: cards take the shape the seller chose, a natural photo its own size`, () => {
      for (const aspect of ["square", "portrait", "natural"]) {
        const ctx = storeContext(shop("en"), "https://a.hatti.test", "/", theme.settings.parse({ cardAspect: aspect }));
        const html = renderDocument(theme.pages.home(ctx, homeOf(theme, ctx), head)).html;
        expect(html).toContain(`<ul class="grid ar-${aspect}"`);
      }
      expect(theme.settings.safeParse({ cardAspect: "wide" }).success).toBe(false);
      expect(["square", "portrait", "natural"]).toContain((theme.settings.parse({}) as { cardAspect: string }).cardAspect);
    });

    it(`${id}: the header's cart is an icon whose label says the count, filled from the cookie on shared pages`, () => {
      for (const [locale, n, label] of [["en", 0, "Cart"], ["en", 3, "Cart, items: 3"], ["ur", 2, "ٹوکری، چیزیں: 2"]] as const) {
        const ctx = storeContext(shop(locale), "https://a.hatti.test", "/", theme.settings.parse({}), { cartCount: n });
        const html = renderDocument(theme.pages.notFound(ctx)).html;
        expect(html).toMatch(new RegExp(`<a class="cart" href="/cart" aria-label="${label}" data-label="[^"]*\\{count\\}"><svg[^>]*aria-hidden="true"`));
        expect(html).toContain(`data-cart-count>${n || ""}</span>`);
      }
    });

    it(`${id}: the home page preloads the first section's photo, and nothing when the photo is further down`, () => {
      const ref = { key: `shops/1/${"c".repeat(64)}`, widths: [320, 960], width: 960, height: 480, format: "webp" };
      const banner = { type: "image-banner", settings: { image: ref } };
      const newest = { type: "newest", settings: { limit: 4 } };
      const head = (sections: unknown[]) => {
        const ctx = storeContext(shop("en"), "https://a.hatti.test", "/", theme.settings.parse({ sections }));
        return homeHead(ctx, homeOf(theme, ctx)).preload;
      };
      const first = head([banner, newest]);
      expect(first).toMatchObject({ img: { src: `/media/shops/1/${"c".repeat(64)}/960.webp` }, sizes: "(min-width:1120px) 1120px, 100vw" });
      expect(renderDocument(theme.pages.home(storeContext(shop("en"), "https://a.hatti.test", "/", theme.settings.parse({ sections: [banner] })), homeOf(theme, storeContext(shop("en"), "https://a.hatti.test", "/", theme.settings.parse({ sections: [banner] }))), { title: "t", description: "d", preload: first })).html).toContain('<link rel="preload" as="image"');
      expect(head([newest, banner])).toBeUndefined();
      expect(head([{ type: "image-banner", settings: {} }, newest])).toBeUndefined();
    });

    it(`${id}: errors' red keeps 4.5:1 on the theme's background, and on any background a seller may set`, () => {
      const s = theme.settings.parse({}) as Record<string, string>;
      expect(contrastRatio(dangerColour(s.background!, s.text!), s.background!)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("the danger colour falls back to the text colour where neither red reaches 4.5:1", () => {
    for (const [bg, text] of [["#ffffff", "#000000"], ["#000000", "#ffffff"], ["#fffaf5", "#1c1917"], ["#1f2937", "#ffffff"], ["#8a8a8a", "#000000"], ["#595959", "#ffffff"]]) {
      expect(contrastRatio(dangerColour(bg!, text!), bg!), bg).toBeGreaterThanOrEqual(4.5);
    }
    expect(dangerColour("#ffffff", "#000000")).toBe("#b91c1c");
    expect(dangerColour("#000000", "#ffffff")).toBe("#fca5a5");
  });

  it("recognises colour options and the colours their values name, in English and Urdu", () => {
    expect(["Colour", "color", "Colours", " رنگ "].every(isColourOption)).toBe(true);
    expect(["Size", "Colourway", "Fabric"].some(isColourOption)).toBe(false);
    expect(swatchOf("Navy blue")).toBe("#1f2a52");
    expect(swatchOf("Dark Green")).toBe(swatchOf("green"));
    expect(swatchOf("Off-white")).toBe("#f5f1e6");
    expect(swatchOf("سبز")).toBe(swatchOf("green"));
    expect(swatchOf("Midnight")).toBeNull();
    // Names of the object prototype are not colours.
    expect(swatchOf("constructor")).toBeNull();
    expect(swatchOf("__proto__")).toBeNull();
  });
});
