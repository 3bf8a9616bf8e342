/**
 * The section registry: every folder here is registered; every section type of every theme
 * (THEMES, so a theme added later is covered) renders in both languages with its default and
 * its extreme settings, and with its data missing; settings stored before sections read as the
 * same page. The product page's sections (below its buy box): only types that need no D1 data,
 * each rendered in every theme and language, default and extreme, at the cap of instances.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../../src/i18n";
import { resolveTheme } from "../../../src/storefront/context";
import { homeStatement } from "../../../src/storefront/home";
import { MAX_PRODUCT_SECTIONS, MAX_SECTIONS, type SectionDef, type SectionInstance } from "../../../src/storefront/section";
import type { Theme } from "../../../src/storefront/theme";
import { sectionDefsOf } from "../../../src/storefront/theme-settings";
import { extremeSettings, homeHtml, LONG_TITLE, photoRef, productHtml, testShop as shop, TYPED_MARKUP } from "../../../test/section-extremes";
import { audit } from "../../../test/storefront-html";
import { THEMES, themeById } from "../..";
import { SECTIONS } from ".";
import { MAX_QUESTIONS } from "./faq";
import { MAX_TESTIMONIALS } from "./testimonials";
import { upgradeSettings } from "./upgrade";

async function renderHome(theme: Theme, locale: Locale, sections: SectionInstance[], missing = false) {
  const html = homeHtml(theme, locale, sections, missing);
  return { html, a: await audit(html) };
}

const esc = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;");
const count = (html: string, needle: string) => html.split(needle).length - 1;

/** Widths in CSS outside media queries (a phone sees those): none may pass 360 px. */
function fixedWidths(css: string): number[] {
  const outside = css.replace(/@media[^{]*\{(?:[^{}]*\{[^}]*\})*[^}]*\}/g, "");
  return [...outside.matchAll(/(?:^|[;{])\s*(?:min-)?width:\s*(\d+)px/g)].map((m) => Number(m[1]));
}

describe("section registry", () => {
  it("registers every folder under themes/_shared/sections/, each by its folder's name", () => {
    expect(SECTIONS.map((s) => s.id).sort()).toEqual([...env.SECTION_FOLDERS].sort());
  });

  it("labels every type and every setting in English and Urdu", () => {
    for (const def of SECTIONS) {
      expect(def.label.en && def.label.ur, def.id).toBeTruthy();
    }
  });

  it("keeps every section's CSS within a phone's width", () => {
    for (const def of SECTIONS) for (const w of fixedWidths(def.css ?? "")) expect(w, def.id).toBeLessThanOrEqual(360);
    expect(fixedWidths(".x{width:400px}")).toEqual([400]);
    expect(fixedWidths("@media(min-width:720px){.x{width:400px}}")).toEqual([]);
  });

  it("caps the home page at MAX_SECTIONS instances, one past refused", () => {
    for (const theme of THEMES) {
      const one = { type: "rich-text", settings: { text: "Hi" } };
      expect(theme.settings.safeParse({ sections: Array(MAX_SECTIONS).fill(one) }).success).toBe(true);
      const over = theme.settings.safeParse({ sections: Array(MAX_SECTIONS + 1).fill(one) });
      expect(over.error?.issues.map((i) => i.message)).toContain("sections.tooMany");
    }
  });

  it("refuses lists past their cap and links that are not the shop's paths or https on the right site", () => {
    const byId = (id: string) => SECTIONS.find((s) => s.id === id)!.settings;
    const quote = { quote: "Lovely", name: "Sana" };
    expect(byId("testimonials").safeParse({ items: Array(MAX_TESTIMONIALS).fill(quote) }).success).toBe(true);
    expect(byId("testimonials").safeParse({ items: Array(MAX_TESTIMONIALS + 1).fill(quote) }).error?.issues[0]?.message).toBe("sections.listCap");
    const qa = { question: "COD?", answer: "Yes" };
    expect(byId("faq").safeParse({ items: Array(MAX_QUESTIONS + 1).fill(qa) }).error?.issues[0]?.message).toBe("sections.listCap");
    for (const bad of ["javascript:alert(1)", "//evil.example/x", "http://example.com", "https://user:pw@example.com/", "data:text/html,x"])
      expect(byId("image-banner").safeParse({ link: bad }).success, bad).toBe(false);
    expect(byId("image-banner").safeParse({ link: "/collections/lawn" }).success).toBe(true);
    expect(byId("image-banner").safeParse({ link: "https://example.com/sale" }).success).toBe(true);
    expect(byId("follow").safeParse({ instagram: "https://www.instagram.com/ayesha" }).success).toBe(true);
    for (const bad of ["https://instagram.com.evil.example/x", "http://instagram.com/x", "https://evil.example/instagram.com", "javascript:alert(1)"])
      expect(byId("follow").safeParse({ instagram: bad }).error?.issues[0]?.message, bad).toBe("sections.hostInvalid");
  });
});

for (const theme of THEMES) {
  const defs = sectionDefsOf(theme.settings);
  describe(`sections of ${theme.manifest.id}`, () => {
    it("offers the shared sections (or its own choice of them) and a default list of offered types", () => {
      expect(defs.length).toBeGreaterThan(0);
      const defaults = (theme.settings.parse({}) as { sections: SectionInstance[] }).sections;
      expect(defaults.length).toBeGreaterThan(0);
      for (const i of defaults) expect(defs.map((d) => d.id)).toContain(i.type);
    });

    for (const def of defs) {
      for (const locale of ["en", "ur"] as const) {
        it(`${def.id} (${locale}): default settings, extreme settings, missing data`, async () => {
          await checkDefault(theme, def, locale);
          await checkExtreme(theme, def, locale);
          await checkMissing(theme, def, locale);
        });
      }
    }
  });
}

/** Default settings: the page renders with one h1 and no more than the section. */
async function checkDefault(theme: Theme, def: SectionDef, locale: Locale) {
  const { html, a } = await renderHome(theme, locale, [{ type: def.id, settings: {} }]);
  expect(a.h1, `${def.id}: one h1`).toBe(1);
  expect(html).not.toContain("<b>");
  if (def.css) expect(count(html, def.css.slice(0, 40)), `${def.id}: its CSS once`).toBe(1);
}

/** Two types sharing one stylesheet (the swipe row's) carry it once. */
it("featured collection and newest products share the swipe row's CSS, on the page once", async () => {
  const [a, b] = [SECTIONS.find((d) => d.id === "featured-collection")!, SECTIONS.find((d) => d.id === "newest")!];
  expect(a.css).toBe(b.css);
  const { html } = await renderHome(THEMES[0]!, "en", [{ type: a.id, settings: {} }, { type: b.id, settings: {} }]);
  expect(count(html, a.css!.slice(0, 40))).toBe(1);
});

/** Every setting at its limit, the section twice (its CSS once), first and not first. */
async function checkExtreme(theme: Theme, def: SectionDef, locale: Locale) {
  const s = extremeSettings(def);
  const { html, a } = await renderHome(theme, locale, [{ type: def.id, settings: s }, { type: def.id, settings: s }]);
  expect(a.h1, `${def.id}: one h1`).toBe(1);
  // What the seller typed is text, never markup.
  expect(html).not.toContain(TYPED_MARKUP);
  expect(html).not.toContain("<b>");
  if (typeof s.heading === "string") expect(count(html, `>${esc(s.heading)}</h`), `${def.id}: its heading on both`).toBe(2);
  if (def.css) expect(count(html, def.css.slice(0, 40)), `${def.id}: its CSS once`).toBe(1);
  for (const m of html.matchAll(/style="([^"]*)"/g)) for (const w of fixedWidths(`{${m[1]}`)) expect(w).toBeLessThanOrEqual(360);
  for (const i of a.imgs) expect(i.alt !== null && Number(i.width) > 0 && Number(i.height) > 0, `${def.id}: img`).toBe(true);
  // Photos below the fold wait: at most the first section's photo and two product photos at once.
  expect(a.imgs.filter((i) => i.loading === "eager").length).toBeLessThanOrEqual(2);
  const need = def.needs?.(s);
  if (need?.kind === "collection" || need?.kind === "newest") expect(count(html, 'class="card"')).toBe(2 * need.limit);
  if (need?.kind === "product") expect(count(html, `<span class="ttl">${esc(LONG_TITLE)} 1</span>`)).toBe(2);
  if (Array.isArray(s.items)) {
    const tag = def.id === "faq" ? "<details" : "<blockquote";
    expect(count(html, tag), def.id).toBe(2 * s.items.length);
    expect(s.items.length).toBe(def.id === "faq" ? MAX_QUESTIONS : MAX_TESTIMONIALS);
  }
}

/** No photo, the collection or product gone: the section draws without them, or not at all. */
async function checkMissing(theme: Theme, def: SectionDef, locale: Locale) {
  const s = extremeSettings(def, { photo: false, collection: "gone", product: "deleted" });
  const { html, a } = await renderHome(theme, locale, [{ type: def.id, settings: s }], true);
  expect(a.h1).toBe(1);
  expect(a.imgs.filter((i) => i.src?.includes("/media/shops/1/c")).length, `${def.id}: no settings photo`).toBe(0);
  if (def.needs?.(s)) expect(count(html, 'class="card"')).toBe(0);
  if (def.id === "image-banner") expect(html).toContain('<section id="s1" class="hero">');
}

describe("a theme's own section type", () => {
  it("is offered by its theme alone, and drawn there", async () => {
    const offer = { type: "offer", settings: { text: "Eid offer: 20% off <every> box", button: "Shop spices" } };
    for (const theme of THEMES) expect(theme.settings.safeParse({ sections: [offer] }).success, theme.manifest.id).toBe(theme.manifest.id === "bazaar");
    const { html } = await renderHome(themeById("bazaar"), "en", [offer]);
    expect(html).toContain('<section id="s1" class="offer"><p>Eid offer: 20% off &lt;every> box</p><a href="/collections/all">Shop spices</a></section>');
  });
});

describe("settings stored before sections", () => {
  const OLD_LIST = ["banner", "featured", "newArrivals", "collections"];
  const oldBanner = { bannerImage: photoRef(), bannerText: "Eid <sale>", bannerSubtext: "Up to 30% off" };

  it("read as section instances, old keys dropped, other settings kept", () => {
    const up = upgradeSettings({ homeSections: ["newArrivals", "banner", "carousel"], ...oldBanner, announcement: "Hi" }, () => []);
    expect(up).toEqual({
      announcement: "Hi",
      sections: [
        { type: "newest", settings: { limit: 12 } },
        { type: "image-banner", settings: { image: photoRef(), heading: "Eid <sale>", text: "Up to 30% off" } },
      ],
    });
    // Already new, or never saved: left as they are.
    const fresh = { sections: [{ type: "faq", settings: {} }] };
    expect(upgradeSettings(fresh, () => [])).toBe(fresh);
    expect(upgradeSettings({}, () => [])).toEqual({});
    expect(upgradeSettings(null, () => [])).toEqual({});
  });

  it("banner fields saved without the list go into the theme's default list's banner", () => {
    const bazaar = themeById("bazaar");
    const { settings } = resolveTheme(shop("en", "bazaar", { bannerText: "Nani's <kitchen>" }));
    const types = (settings as { sections: SectionInstance[] }).sections.map((s) => s.type);
    expect(types).toEqual((bazaar.settings.parse({}) as { sections: SectionInstance[] }).sections.map((s) => s.type));
    expect((settings as { sections: SectionInstance[] }).sections.find((s) => s.type === "image-banner")?.settings.heading).toBe("Nani's <kitchen>");
  });

  for (const theme of THEMES) {
    it(`render the same page as the same sections saved new (${theme.manifest.id})`, async () => {
      const old = resolveTheme(shop("ur", theme.manifest.id, { homeSections: OLD_LIST, ...oldBanner })).settings as { sections: SectionInstance[] };
      expect(old.sections.map((s) => s.type)).toEqual(["image-banner", "featured-collection", "newest", "collection-list"]);
      const a = await renderHome(theme, "ur", old.sections);
      const b = await renderHome(theme, "ur", [
        { type: "image-banner", settings: { image: photoRef(), heading: "Eid <sale>", text: "Up to 30% off" } },
        { type: "featured-collection", settings: {} },
        { type: "newest", settings: {} },
        { type: "collection-list", settings: {} },
      ]);
      expect(a.html).toBe(b.html);
      expect(a.html).toContain("<h1>Eid &lt;sale></h1>");
    });
  }
});

describe("the home statement", () => {
  const heaviest = (i: number) => (i % 2 ? { kind: "collection" as const, slug: `c-${i}`, limit: 20 } : { kind: "product" as const, slug: `p-${i}` });

  it("stays under D1's 100 bound parameters with the most sections, each with a need", () => {
    const { bound, count } = homeStatement(1, Array.from({ length: MAX_SECTIONS }, (_, i) => heaviest(i)));
    expect(count).toBe(MAX_SECTIONS);
    expect(bound.params.length).toBe(bound.sql.split("?").length - 1);
    expect(bound.params.length).toBeLessThan(100);
  });

  it("takes at most MAX_SECTIONS needs, before building SQL", () => {
    const many = homeStatement(1, Array.from({ length: MAX_SECTIONS * 3 }, (_, i) => heaviest(i)));
    const max = homeStatement(1, Array.from({ length: MAX_SECTIONS }, (_, i) => heaviest(i)));
    expect(many.count).toBe(MAX_SECTIONS);
    expect(many.bound.sql).toBe(max.bound.sql);
    expect(many.bound.sql).not.toContain(`"n${MAX_SECTIONS}"`);
  });
});

/** Every id of a page, to find one used twice. */
const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
const twice = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

for (const theme of THEMES) {
  const defs = sectionDefsOf(theme.settings, "productSections");
  describe(`product page sections of ${theme.manifest.id}`, () => {
    it("offers exactly the home's types that need no D1 data, none by default, at most MAX_PRODUCT_SECTIONS", () => {
      const home = sectionDefsOf(theme.settings);
      expect(defs.map((d) => d.id)).toEqual(home.filter((d) => !d.needs).map((d) => d.id));
      expect(defs.length).toBeGreaterThan(0);
      expect(defs.some((d) => d.needs)).toBe(false);
      expect((theme.settings.parse({}) as { productSections: SectionInstance[] }).productSections).toEqual([]);
      // A type that reads D1 is refused there (the product page stays one statement).
      for (const d of home.filter((x) => x.needs)) expect(theme.settings.safeParse({ productSections: [{ type: d.id, settings: {} }] }).success, d.id).toBe(false);
      const one = { type: "rich-text", settings: { text: "Hi" } };
      expect(theme.settings.safeParse({ productSections: Array(MAX_PRODUCT_SECTIONS).fill(one) }).success).toBe(true);
      const over = theme.settings.safeParse({ productSections: Array(MAX_PRODUCT_SECTIONS + 1).fill(one) });
      expect(over.error?.issues.map((i) => i.message)).toContain("sections.productTooMany");
    });

    for (const def of defs) {
      for (const locale of ["en", "ur"] as const) {
        it(`${def.id} (${locale}): below the buy box, default and extreme settings`, async () => {
          const plain = await audit(productHtml(theme, locale, []));
          const s = extremeSettings(def);
          const html = productHtml(theme, locale, [{ type: def.id, settings: {} }, { type: def.id, settings: s }, { type: def.id, settings: s }]);
          const a = await audit(html);
          // The product title stays the page's one h1; the sections come after the buy box.
          expect(a.h1).toBe(1);
          expect(html).toContain(`<h1>${esc(LONG_TITLE)}</h1>`);
          const end = html.indexOf("</article>");
          expect(html.indexOf('id="ps2"')).toBeGreaterThan(end);
          expect(html.indexOf('id="buybar"')).toBeLessThan(end);
          expect(html).not.toContain(TYPED_MARKUP);
          expect(html).not.toContain("<b>");
          if (typeof s.heading === "string") expect(count(html, `>${esc(s.heading)}</h`), `${def.id}: its heading on both`).toBe(2);
          if (def.css) expect(count(html, def.css.slice(0, 40)), `${def.id}: its CSS once`).toBe(1);
          expect(twice(idsOf(html)), "no id twice").toEqual([]);
          for (const m of html.matchAll(/style="([^"]*)"/g)) for (const w of fixedWidths(`{${m[1]}`)) expect(w).toBeLessThanOrEqual(360);
          // No section photo loads at once: the product's own photo is the page's first paint.
          expect(a.imgs.filter((i) => i.loading === "eager").length).toBe(plain.imgs.filter((i) => i.loading === "eager").length);
        });
      }
    }

    it(`holds ${MAX_PRODUCT_SECTIONS} sections at their largest in long Urdu, each stylesheet once, ids unique`, async () => {
      const sections = Array.from({ length: MAX_PRODUCT_SECTIONS }, (_, i) => defs[i % defs.length]!).map((def) => ({ type: def.id, settings: extremeSettings(def) }));
      const html = productHtml(theme, "ur", sections);
      const a = await audit(html);
      expect(a.h1).toBe(1);
      expect(html).toContain(`id="ps${MAX_PRODUCT_SECTIONS}"`);
      expect(html).not.toContain(TYPED_MARKUP);
      expect(twice(idsOf(html))).toEqual([]);
      for (const css of new Set(defs.map((d) => d.css).filter(Boolean))) if (sections.some((x) => defs.find((d) => d.id === x.type)?.css === css)) expect(count(html, css!.slice(0, 40))).toBe(1);
    });
  });
}
