/**
 * Section settings at their limits, derived from each type's schema (so a type added later is
 * covered): every text at its cap of long Urdu with typed markup in front, every list at its
 * cap, every number at its maximum, the last choice, every toggle on, a photo (or none).
 */
import { z } from "zod";
import type { Locale } from "../src/i18n";
import { renderDocument } from "../src/lib/render";
import type { CardRow } from "../src/products/cards";
import { storeContext } from "../src/storefront/context";
import type { NeedResult } from "../src/storefront/home";
import type { SectionDef, SectionInstance } from "../src/storefront/section";
import type { Theme } from "../src/storefront/theme";
import type { ProductData } from "../src/storefront/product";
import { homeNeeds, homeSections, homeVM, productSections, productVM } from "../src/storefront/view-models";
import type { Shop } from "../src/tenancy/shop-cache";
import { settingMeta, type ImageRef } from "../src/storefront/theme-settings";

/** What a seller might type: markup that must show as text, then long Urdu. */
export const TYPED_MARKUP = "<script>alert(1)</script>";
const URDU = " کڑھائی والا لان سوٹ، ہاتھ سے بنا ہوا اور نرم۔";

const fill = (max: number) => (TYPED_MARKUP + URDU.repeat(Math.ceil(max / URDU.length))).slice(0, max);

export const photoRef = (h = "c"): ImageRef => ({ key: `shops/1/${h.repeat(64)}`, widths: [320, 960], width: 960, height: 480, format: "webp" });

const SOCIAL = ["instagram.com", "facebook.com", "tiktok.com", "youtube.com"];

function extremeOf(field: z.ZodType, opts: Opts): unknown {
  const meta = settingMeta(field);
  const json = z.toJSONSchema(field, { io: "input", unrepresentable: "any" }) as { maxLength?: number; maximum?: number; maxItems?: number };
  switch (meta?.input) {
    case "text":
    case "textarea":
      return fill(json.maxLength!);
    case "link": {
      const own = `/collections/${"a".repeat(json.maxLength! - 13)}`;
      if (field.safeParse(own).success) return own;
      return SOCIAL.map((h) => `https://www.${h}/${"a".repeat(json.maxLength! - h.length - 13)}`).find((v) => field.safeParse(v).success) ?? "";
    }
    case "number":
      return json.maximum;
    case "toggle":
      return true;
    case "choice":
      return Object.keys(meta.options ?? {}).at(-1);
    case "image":
      return opts.photo ? photoRef() : null;
    case "collection":
      return opts.collection;
    case "product":
      return opts.product;
    case "list": {
      const item = (field as unknown as { def: { innerType: z.ZodArray } }).def.innerType.element as unknown as z.ZodObject;
      return Array.from({ length: json.maxItems! }, () => extremes(item.shape, opts));
    }
    default:
      throw new Error(`no extreme for ${meta?.input}`);
  }
}

interface Opts {
  photo: boolean;
  collection: string;
  product: string;
}

function extremes(shape: Record<string, z.ZodType>, opts: Opts): Record<string, unknown> {
  return Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, extremeOf(f, opts)]));
}

/** A type's settings at their limits, validated by its own schema. */
export function extremeSettings(def: SectionDef, opts: Partial<Opts> = {}): Record<string, unknown> {
  const o = { photo: true, collection: "lawn", product: "item-1", ...opts };
  return def.settings.parse(extremes(def.settings.shape, o)) as Record<string, unknown>;
}

export const testShop = (locale: Locale, themeId = "classic", themeSettings: Record<string, unknown> = {}): Shop => ({
  id: 1, slug: "ayesha", name: "Ayesha's <Closet>", status: "active", themeId, themeSettings,
  locale, currency: "PKR", whatsapp: "+923001234567", alertChannel: "whatsapp", lowStockAt: 2, codConfirm: true, codConfirmHours: 24, phone: "", email: "", city: "Lahore",
  description: "Lawn & more", payments: { cod: { enabled: true } } as Shop["payments"], version: 1, updatedAt: 0, shard: 0,
});

export const LONG_TITLE = "کڑھائی والا لان سوٹ، ہاتھ سے بنا ہوا اور نرم، گرمیوں کے لیے بہترین <b>سیل</b>";
const packed = `shops/1/${"a".repeat(64)}|320,640|1280|1600|webp|`;
const row = (id: number): CardRow => ({ id, slug: `p${id}`, title: `${LONG_TITLE} ${id}`, price: 150000, compareAtPrice: id % 2 ? 200000 : null, maxPrice: id % 3 ? 150000 : 180000, createdAt: id, image: id % 4 ? packed : null, inStock: id % 5 ? 1 : 0 });

/** Each need answered as D1 would: `missing` as for a deleted collection or product. */
function answer(sections: ReturnType<typeof homeSections>, missing: boolean): NeedResult[] {
  return homeNeeds(sections).map((n) => {
    if (!n || missing) return { collection: null, cards: [] };
    const count = n.kind === "product" ? 1 : n.limit;
    const cards = Array.from({ length: count }, (_, i) => row(i + 1));
    return n.kind === "collection" ? { collection: { title: LONG_TITLE, slug: "lawn" }, cards } : { collection: null, cards };
  });
}

/** The home page of `theme` with `sections`, each need answered as D1 would (`missing`: as for a deleted collection or product). */
export function homeHtml(theme: Theme, locale: Locale, sections: SectionInstance[], missing = false): string {
  const settings = theme.settings.parse({ sections });
  const ctx = storeContext(testShop(locale, theme.manifest.id), "https://ayesha.hatti.test", "/", settings, { nav: [{ title: LONG_TITLE, slug: "lawn" }] });
  const list = homeSections(theme, ctx.settings);
  const vm = homeVM(ctx, list, { empty: false, results: answer(list, missing) });
  return renderDocument(theme.pages.home(ctx, vm, { title: "T" })).html;
}


/** A product as D1 would bring it: a long Urdu title and description, two sizes, two photos, its collection. */
const PRODUCT: ProductData = {
  product: { id: 1, slug: "p1", title: LONG_TITLE, description: URDU.repeat(20), vendor: "", options: '["Size"]', trackStock: true, price: 150000, compareAtPrice: 200000, updatedAt: 0 },
  variants: ["S", "M"].map((size, i) => ({ id: i + 1, title: size, option1: size, option2: null, option3: null, sku: "", price: 150000, compareAtPrice: 200000, stock: 3 })),
  images: [1, 2].map(() => ({ key: `shops/1/${"a".repeat(64)}`, widths: "320,640", width: 1280, height: 1600, format: "webp" as const, alt: "" })),
  collection: { title: LONG_TITLE, slug: "lawn" },
};

/** A product page of `theme` with `productSections` below its buy box (the storefront's view model and page). */
export function productHtml(theme: Theme, locale: Locale, sections: SectionInstance[]): string {
  const settings = theme.settings.parse({ productSections: sections });
  const ctx = storeContext(testShop(locale, theme.manifest.id), "https://ayesha.hatti.test", "/products/p1", settings, { nav: [{ title: LONG_TITLE, slug: "lawn" }] });
  const vm = productVM(ctx, PRODUCT, productSections(theme, ctx.settings));
  return renderDocument(theme.pages.product(ctx, vm, { title: "T" })).html;
}
