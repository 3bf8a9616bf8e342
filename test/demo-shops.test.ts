/**
 * The demo shops scripts/seed.mjs creates (scripts/lib/demo-shops.mjs): one per theme in each
 * language, catalogues whose home page sections never repeat a product, every product titled,
 * described and drawn in both languages, no seller over the shop limit, and home pages
 * (scripts/lib/demo-homes.mjs) that open with a drawn banner and parse with their theme, and
 * two or three product page sections each, in the shop's language.
 */
import { describe, expect, it } from "vitest";
import { THEMES, themeById } from "../themes";
import { MAX_SHOPS_OWNED } from "../src/platform/schemas";
// @ts-expect-error: plain JavaScript modules of the seed script, without types
import { DEMO_SHOPS, SELLERS } from "../scripts/lib/demo-shops.mjs";
// @ts-expect-error: as above
import { drawProduct, KINDS } from "../scripts/lib/demo-art.mjs";
// @ts-expect-error: as above
import { drawBanner, SCENES } from "../scripts/lib/demo-art-banners.mjs";
// @ts-expect-error: as above
import { HOMES, PRODUCT_PAGES, scenesOf, withPhotos } from "../scripts/lib/demo-homes.mjs";

interface Product { slug: string; en: string; ur: string; price: number; compare?: number; options?: Record<string, string[]>; cols: string[]; soldOut?: boolean; art: { kind: string }; d: [string, string] }
interface Catalogue { about: { en: string; ur: string }; tail: { en: string; ur: string }; collections: { slug: string; en: string; ur: string }[]; products: Product[] }
interface DemoShop { slug: string; name: string; theme: string; locale: "en" | "ur"; catalogue: Catalogue; seller: string }
interface Section { type: string; settings: Record<string, unknown> }

const shops = DEMO_SHOPS as DemoShop[];
const catalogues = [...new Set(shops.map((s) => s.catalogue))];
/** The home page's sections (src/storefront/home.ts): the first collection's first 8, the newest 12. */
const FEATURED = 8;
const NEWEST = 12;
const URDU = /[\u0600-\u06ff]/;

describe("demo shops", () => {
  it("has one shop per registered theme in English and one in Urdu, at the slugs the screenshots use", () => {
    for (const t of THEMES) {
      const id = t.manifest.id;
      for (const locale of ["en", "ur"] as const) expect(shops.filter((s) => s.theme === id && s.locale === locale), `${id} ${locale}`).toHaveLength(1);
    }
    expect(shops.map((s) => s.slug).sort()).toEqual(
      ["demo", "demo-urdu", ...THEMES.filter((t) => t.manifest.id !== "classic").flatMap((t) => [`demo-${t.manifest.id}`, `demo-${t.manifest.id}-ur`])].sort(),
    );
    for (const s of shops) expect(s.locale === "ur" ? URDU.test(s.name) : !URDU.test(s.name), s.slug).toBe(true);
  });

  it("keeps every demo seller within the shop limit", () => {
    for (const seller of Object.keys(SELLERS)) expect(shops.filter((s) => s.seller === seller).length, seller).toBeLessThanOrEqual(MAX_SHOPS_OWNED);
    expect(shops.every((s) => s.seller in SELLERS)).toBe(true);
  });

  for (const [n, c] of catalogues.entries()) {
    describe(`catalogue ${n + 1} (${c.products[0]!.slug}, ...)`, () => {
      it("fills the home page's featured collection and newest row with different products", () => {
        expect(c.products.length).toBe(FEATURED + NEWEST);
        const first = c.collections[0]!.slug;
        // Products are created oldest first: the newest twelve are the last twelve.
        const featured = c.products.filter((p) => p.cols.includes(first));
        const newest = c.products.slice(-NEWEST);
        expect(featured.map((p) => p.slug)).toEqual(c.products.slice(0, FEATURED).map((p) => p.slug));
        expect(newest.filter((p) => featured.includes(p))).toEqual([]);
      });

      it("titles, describes and draws every product in both languages", () => {
        expect(new Set(c.products.map((p) => p.slug)).size).toBe(c.products.length);
        const slugs = c.collections.map((x) => x.slug);
        for (const p of c.products) {
          expect(p.en && !URDU.test(p.en) && URDU.test(p.ur), p.slug).toBe(true);
          expect(p.d[0].length > 30 && !URDU.test(p.d[0]) && URDU.test(p.d[1]), `${p.slug}: description`).toBe(true);
          expect(p.cols.every((x) => slugs.includes(x)), `${p.slug}: collections`).toBe(true);
          expect(Object.keys(p.options ?? {}).length).toBeLessThanOrEqual(3);
          expect(p.art.kind in KINDS, `${p.slug}: drawing ${p.art.kind}`).toBe(true);
        }
        expect(new Set(c.products.map((p) => p.d[0])).size, "each description its own").toBe(c.products.length);
        for (const x of [c.about, c.tail, ...c.collections]) expect(!URDU.test(x.en) && URDU.test(x.ur)).toBe(true);
      });
    });
  }

  describe("home pages", () => {
    const homes = HOMES as Record<string, Section[]>;
    /** A stored photo as seed.mjs stores a drawn scene (its content hash stands in). */
    const stored = (shopId: number) => (scene: string) => ({ key: `shops/${shopId}/${scene.padEnd(64, "0").replace(/[^a-f0-9]/g, "a")}`, widths: [320, 640, 1280], width: 1280, height: 720, format: "webp" });
    const withStored = (sections: Section[], shopId: number) =>
      withPhotos(sections, Object.fromEntries((scenesOf(sections) as string[]).map((sc) => [sc, stored(shopId)(sc)]))) as Section[];

    for (const [n, shop] of shops.entries()) {
      it(`${shop.slug}: its stored sections parse with the ${shop.theme} theme and open with a banner photo`, () => {
        const sections = homes[shop.slug]!;
        expect(sections, shop.slug).toBeDefined();
        for (const scene of scenesOf(sections) as string[]) expect(scene in SCENES, scene).toBe(true);
        const parsed = themeById(shop.theme).settings.safeParse({ sections: withStored(sections, n + 1) });
        expect(parsed.error?.issues ?? [], shop.slug).toEqual([]);
        const out = (parsed.data as { sections: Section[] }).sections;
        // Nothing the seed wrote was dropped or defaulted away.
        expect(out.map((s) => s.type)).toEqual(sections.map((s) => s.type));
        expect(out[0]!.type).toBe("image-banner");
        expect(out[0]!.settings.image).toMatchObject({ key: expect.stringMatching(/^shops\/\d+\//), width: 1280, height: 720 });
        // Featured: the catalogue's first collection, whose products the newest row never repeats.
        const featured = out.filter((s) => s.type === "featured-collection");
        expect(featured.map((s) => s.settings.collection)).toEqual([shop.catalogue.collections[0]!.slug]);
        expect(out.filter((s) => s.type === "newest")).toHaveLength(1);
        // Every text is the shop's language: Urdu in Urdu shops, none in English ones.
        const texts = JSON.stringify(sections.map((s) => s.settings)).replace(/"(key|format|collection|layout|link|instagram|facebook|tiktok|youtube|scene)":"[^"]*"/g, "");
        const words = texts.match(/"[^"]{12,}"/g) ?? [];
        expect(words.length, shop.slug).toBeGreaterThan(2);
        for (const w of words) expect(URDU.test(w), `${shop.slug}: ${w}`).toBe(shop.locale === "ur");
      });
    }

    it("gives each demo shop its own mix of section types, showing off at least eight types in all", () => {
      const mixes = shops.map((s) => homes[s.slug]!.map((x) => x.type).join(","));
      expect(new Set(mixes).size).toBe(shops.length);
      expect(new Set(shops.flatMap((s) => homes[s.slug]!.map((x) => x.type))).size).toBeGreaterThanOrEqual(8);
      expect(Object.keys(homes).sort()).toEqual(shops.map((s) => s.slug).sort());
    });

    it("gives every demo shop two or three sections below the buy box, that parse with its theme, in its language", () => {
      const pages = PRODUCT_PAGES as Record<string, Section[]>;
      expect(Object.keys(pages).sort()).toEqual(shops.map((s) => s.slug).sort());
      for (const shop of shops) {
        const sections = pages[shop.slug]!;
        expect(sections.length, shop.slug).toBeGreaterThanOrEqual(2);
        expect(sections.length, shop.slug).toBeLessThanOrEqual(3);
        const parsed = themeById(shop.theme).settings.safeParse({ productSections: sections });
        expect(parsed.error?.issues ?? [], shop.slug).toEqual([]);
        expect((parsed.data as { productSections: Section[] }).productSections.map((s) => s.type)).toEqual(sections.map((s) => s.type));
        const words = JSON.stringify(sections.map((s) => s.settings)).match(/"[^"]{12,}"/g) ?? [];
        expect(words.length, shop.slug).toBeGreaterThan(1);
        for (const w of words) expect(URDU.test(w), `${shop.slug}: ${w}`).toBe(shop.locale === "ur");
      }
    });

    it("fails a home page whose banner photo is not a stored photo", () => {
      const sections = homes.demo!;
      const broken = withPhotos(sections, Object.fromEntries((scenesOf(sections) as string[]).map((sc) => [sc, { key: "elsewhere/x", widths: [1280], width: 1280, height: 720, format: "webp" }])));
      expect(themeById("classic").settings.safeParse({ sections: broken }).success).toBe(false);
    });

    it("draws every banner scene as a 16:9 SVG with no text, the same each time", () => {
      for (const scene of Object.keys(SCENES)) {
        const svg = drawBanner(scene) as string;
        expect(svg, scene).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 1600 900"/);
        expect(svg, scene).not.toMatch(/<text|NaN|undefined/);
        expect(drawBanner(scene)).toBe(svg);
        // Each product's gradients are its own: no id is defined twice.
        const ids = [...svg.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(ids).size, scene).toBe(ids.length);
      }
      expect(() => drawBanner("moon")).toThrow(/no banner scene/);
    });
  });

  it("draws every kind of product as an SVG with no text (the rasteriser may have no fonts), the same each time", () => {
    const colours = { bg: "#f3e3d6", main: "#9d174d", accent: "#f4c27a" };
    for (const kind of Object.keys(KINDS)) {
      const svg = drawProduct({ kind, ...colours }) as string;
      expect(svg, kind).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 800 1000"/);
      expect(svg, kind).not.toMatch(/<text|NaN|undefined/);
      expect(drawProduct({ kind, ...colours })).toBe(svg);
      expect(drawProduct({ kind, ...colours }, { detail: true })).not.toBe(svg);
    }
    expect(() => drawProduct({ kind: "spaceship", ...colours })).toThrow(/no drawing/);
  });
});
