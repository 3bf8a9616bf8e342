/** Rows from the storefront queries -> the plain view models themes receive. */
import type { CardRow } from "../products/cards";
import type { HomeData } from "./home";
import type { ProductData } from "./product";
import { encodeCursor, type Cursor } from "./listing";
import { imageVM, parsePacked, type StoredImage } from "../media/urls";
import { textBlocks } from "./text";
import type { BaseSettings, HomeVM, ImageVM, ListingVM, ProductCardVM, ProductVM, SectionVM, SortKey, StoreContext, Theme, VariantVM } from "./theme";
import type { SectionDef, SectionInstance } from "./section";
import { sectionListOf, type SectionsKey } from "./theme-settings";

const LOW_STOCK = 5;

/** Card photos by (packed photo, title, media base): the same cards are drawn again and again. */
const cardImages = new Map<string, ImageVM | null>();
const MAX_CARD_IMAGES = 5_000;

function cardImage(packed: string | null, title: string, base: string): ImageVM | null {
  if (!packed) return null;
  const key = `${packed}\n${title}\n${base}`;
  let vm = cardImages.get(key);
  if (vm === undefined) {
    const img = parsePacked(packed);
    vm = img ? imageVM(img, title, 480, base) : null;
    if (cardImages.size >= MAX_CARD_IMAGES) cardImages.clear();
    cardImages.set(key, vm);
  }
  return vm;
}

function cardVM(ctx: StoreContext, row: CardRow): ProductCardVM {
  return {
    id: row.id,
    url: ctx.url(`/products/${encodeURIComponent(row.slug)}`),
    title: row.title,
    price: row.maxPrice > row.price ? ctx.t("store.price.from", { price: ctx.money(row.price) }) : ctx.money(row.price),
    compareAtPrice: row.compareAtPrice && row.compareAtPrice > row.price ? ctx.money(row.compareAtPrice) : null,
    soldOut: !row.inStock,
    image: cardImage(row.image, row.title, ctx.media),
  };
}

/** A page's sections as stored (already validated by its schema), each with its type's definition, at most the field's cap. */
function storedSections(theme: Theme, settings: unknown, key: SectionsKey): { def: SectionDef; settings: Record<string, unknown> }[] {
  const list = sectionListOf(theme.settings, key);
  const defs = new Map(list.defs.map((d) => [d.id, d]));
  const stored = (settings as Partial<Record<SectionsKey, SectionInstance[]>> | null)?.[key] ?? [];
  return stored.slice(0, list.max).flatMap((i) => {
    const def = defs.get(i.type);
    return def ? [{ def, settings: i.settings }] : [];
  });
}

/** A theme's home sections as stored, each with its type's definition. */
export const homeSections = (theme: Theme, settings: unknown) => storedSections(theme, settings, "sections");

/**
 * The sections below a product page's buy box: types that read nothing from D1 (the settings
 * offer no other), so each draws from the page's context alone and the page keeps its one statement.
 */
export const productSections = (theme: Theme, settings: unknown): SectionVM[] =>
  storedSections(theme, settings, "productSections").map((s) => ({ ...s, data: { collection: null, products: [] } }));

/** What the home's sections need from D1, in their order. */
export const homeNeeds = (sections: ReturnType<typeof homeSections>) => sections.map((s) => s.def.needs?.(s.settings) ?? null);

export function homeVM(ctx: StoreContext, sections: ReturnType<typeof homeSections>, data: HomeData): HomeVM {
  const vms = sections.map(({ def, settings }, i) => {
    const r = data.results[i];
    const collection = r?.collection ? { title: r.collection.title, url: ctx.url(`/collections/${encodeURIComponent(r.collection.slug)}`) } : null;
    return { def, settings, data: { collection, products: (r?.cards ?? []).map((row) => cardVM(ctx, row)) } };
  });
  const lead = vms[0];
  const ownPhoto = lead?.def.photo?.(lead.settings, ctx as StoreContext<BaseSettings>) ?? null;
  const firstCard = vms.flatMap((v) => v.data.products).find((p) => p.image)?.image ?? null;
  const sizes = lead?.def.photoSizes;
  return { sections: vms, empty: data.empty, image: ownPhoto ?? firstCard, lead: ownPhoto && sizes ? { img: ownPhoto, sizes } : null };
}

/**
 * A listing URL with only the parameters that matter (the page's default sort left out), so
 * each page has one canonical URL.
 */
export function listingUrl(path: string, params: { q?: string; sort: SortKey; after?: Cursor | null; defaultSort?: SortKey }): string {
  const qs = new URLSearchParams();
  if (params.q) qs.set("q", params.q);
  if (params.sort !== (params.defaultSort ?? "newest")) qs.set("sort", params.sort);
  if (params.after) qs.set("after", encodeCursor(params.after));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

const SORT_LABEL = {
  relevance: "store.sort.relevance",
  newest: "store.sort.newest",
  "price-asc": "store.sort.priceAsc",
  "price-desc": "store.sort.priceDesc",
} as const;

export interface ListingOptions {
  q?: string;
  sort: SortKey;
  /** The sorts offered, the first being the page's default. */
  sorts: readonly SortKey[];
  after: Cursor | null;
  next: Cursor | null;
}

export function listingVM(ctx: StoreContext, path: string, rows: CardRow[], opts: ListingOptions): ListingVM {
  const defaultSort = opts.sorts[0];
  const url = (sort: SortKey, after?: Cursor | null) => listingUrl(path, { q: opts.q, sort, after, defaultSort });
  return {
    products: rows.map((r) => cardVM(ctx, r)),
    sort: opts.sort,
    sorts: opts.sorts.map((key) => ({ key, label: ctx.t(SORT_LABEL[key]), url: url(key), selected: key === opts.sort })),
    next: opts.next ? url(opts.sort, opts.next) : null,
    first: opts.after ? url(opts.sort) : null,
  };
}

function optionNames(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "").slice(0, 3) : [];
  } catch {
    return [];
  }
}

function toStored(r: ProductData["images"][number]): StoredImage {
  return { ...r, widths: r.widths.split(",").map(Number).filter((n) => n > 0) };
}

function productImages(ctx: StoreContext, data: ProductData): ImageVM[] {
  const title = data.product?.title ?? "";
  return data.images.map((r, i) => imageVM(toStored(r), i === 0 ? title : `${title} (${i + 1})`, 960, ctx.media));
}

export function productVM(ctx: StoreContext, data: ProductData, sections: SectionVM[]): ProductVM {
  const p = data.product!;
  const options = optionNames(p.options);
  const variants: VariantVM[] = data.variants.map((v) => {
    const values = [v.option1, v.option2, v.option3].slice(0, options.length).map((x) => x ?? "");
    const stock: VariantVM["stock"] = !p.trackStock ? "in" : v.stock <= 0 ? "out" : v.stock <= LOW_STOCK ? "low" : "in";
    return {
      id: v.id,
      label: values.length ? values.join(" / ") : v.title === "Default" ? p.title : v.title,
      options: values,
      price: ctx.money(v.price),
      compareAtPrice: v.compareAtPrice && v.compareAtPrice > v.price ? ctx.money(v.compareAtPrice) : null,
      available: stock !== "out",
      stock,
    };
  });
  const selected = variants.find((v) => v.available) ?? variants[0] ?? null;
  const prices = data.variants.map((v) => v.price);
  const lowest = Math.min(...prices);
  return {
    title: p.title,
    description: textBlocks(p.description),
    images: productImages(ctx, data),
    options,
    variants,
    selected,
    price: selected ? selected.price : ctx.money(p.price),
    compareAtPrice: selected ? selected.compareAtPrice : null,
    priceFrom: prices.some((x) => x !== lowest) ? ctx.t("store.price.from", { price: ctx.money(lowest) }) : null,
    available: variants.some((v) => v.available),
    collection: data.collection
      ? { title: data.collection.title, url: ctx.url(`/collections/${encodeURIComponent(data.collection.slug)}`) }
      : null,
    sections,
  };
}
