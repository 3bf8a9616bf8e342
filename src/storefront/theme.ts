/**
 * The theme contract. A theme is a pure view layer: it receives plain view models and
 * returns Preact elements. It never touches D1, R2 or the request. Each theme declares its
 * settings as a zod schema with defaults; the seller's values are validated against it.
 */
import type { ComponentChildren, VNode } from "preact";
import type { z } from "zod";
import type { Locale, TFunction } from "../i18n";
import type { ImageRef } from "./theme-settings";
import type { SectionData, SectionDef, SectionInstance } from "./section";

/** A string a theme declares in every locale (a theme folder carries its own words). */
/**
 * A label in every language it has been written in: English always, the others when translated
 * (a new language shows English until then, so adding one never touches the themes).
 */
export type Localized = { en: string } & Partial<Record<Locale, string>>;

/** A label in `locale`, or in English where it has no translation. */
export const inLocale = (label: Localized, locale: Locale): string => label[locale] ?? label.en;

export interface ThemeManifest {
  id: string;
  name: Localized;
  description: Localized;
  /** Three colours (background, primary, accent) drawn as the theme's swatch in pickers. */
  swatch: readonly [string, string, string];
  /** Phone screenshot of the home page in the repository (README, docs). */
  preview?: string;
}

export interface ImageVM {
  src: string;
  srcset: string;
  width: number;
  height: number;
  alt: string;
}

export interface ProductCardVM {
  id: number;
  url: string;
  title: string;
  price: string;
  compareAtPrice: string | null;
  soldOut: boolean;
  image: ImageVM | null;
}

export interface NavLinkVM {
  title: string;
  url: string;
}

/** The settings every theme has (each theme may add its own). */
export interface BaseSettings {
  background: string;
  text: string;
  primary: string;
  primaryText: string;
  font: string;
  logo: ImageRef | null;
  announcement: string;
  /** The home page's section instances, in order (src/storefront/section.ts). */
  sections: SectionInstance[];
  productsPerRow: number;
  /** Card photos' shape: "square", "portrait" (4:5) or "natural" (the photo's own). */
  cardAspect: string;
}

/** What every page of a theme receives, besides the page's own data. */
export interface StoreContext<S = unknown> {
  shop: {
    name: string;
    description: string;
    whatsapp: string;
    slug: string;
    /** The names of the payment methods the shop has turned on, in the page's language. */
    payments: string[];
  };
  locale: Locale;
  dir: "ltr" | "rtl";
  t: TFunction;
  /** Formats minor units in the shop's currency and language. */
  money: (minor: number) => string;
  /** A path within the shop, e.g. url("/products/kurta"). */
  url: (path: string) => string;
  /** Where the shop's photos are served: /media/ on the shop; the admin's proxy in the theme preview. */
  media: string;
  settings: S;
  /** The shop's collections, in the seller's order (header navigation). */
  nav: NavLinkVM[];
  /** The shop's published content pages (footer links). */
  pages: NavLinkVM[];
  /** Server-side cart count: 0 on shared (cached) pages; a tiny script fills it from the cookie. */
  cartCount: number;
  /** The page's canonical URL (absolute). */
  canonical: string;
  /** The shop's origin, e.g. https://ayesha.hatti.pk (for absolute sharing URLs). */
  origin: string;
  /** The logo of the settings, ready for <img>. */
  logo: ImageVM | null;
}

interface CollectionLinkVM {
  title: string;
  url: string;
}

/** One section of the home page: its type's definition, its settings and the data it declared. */
/** A section instance as a page draws it: its type, its settings, what its need brought back. */
export interface SectionVM {
  def: SectionDef;
  settings: Record<string, unknown>;
  data: SectionData;
}

export interface HomeVM {
  sections: SectionVM[];
  /** The shop has no product on sale yet (the page says so). */
  empty: boolean;
  /** The page's sharing photo: the first section's own photo, else the first product photo shown. */
  image: ImageVM | null;
  /** The first section's own photo, the page's largest paint: preloaded in <head> with its `sizes`. */
  lead: { img: ImageVM; sizes: string } | null;
}

export type SortKey = "relevance" | "newest" | "price-asc" | "price-desc";

export interface ListingVM {
  products: ProductCardVM[];
  sort: SortKey;
  /** Sort choices as links (one tap, no JavaScript): label, URL, whether selected. */
  sorts: { key: SortKey; label: string; url: string; selected: boolean }[];
  /** URL of the next page (keyset cursor), or null on the last page. */
  next: string | null;
  /** URL of the first page when this is not it. */
  first: string | null;
}

interface CollectionVM extends ListingVM {
  title: string;
  /** The seller's description: plain text paragraphs with safe links. */
  description: TextBlock[];
  /** The path the sort form submits to. */
  path: string;
}

interface SearchVM extends ListingVM {
  /** The query as typed (trimmed, capped); rendered as text, never markup. */
  query: string;
  path: string;
}

export interface VariantVM {
  id: number;
  /** "M / Red" or the product title for a product without options. */
  label: string;
  options: string[];
  price: string;
  compareAtPrice: string | null;
  available: boolean;
  /** "in" | "low" (5 or fewer left) | "out" */
  stock: "in" | "low" | "out";
}

export interface ProductVM {
  title: string;
  /** Paragraphs of plain text; links are segments, never markup. */
  description: TextBlock[];
  images: ImageVM[];
  /** Option names (up to 3), e.g. ["Size", "Colour"]. */
  options: string[];
  variants: VariantVM[];
  /** The variant shown first: the first available one. */
  selected: VariantVM | null;
  price: string;
  compareAtPrice: string | null;
  /** "from Rs 1,200" when the variants' prices differ (the chosen one's is `price`), else null. */
  priceFrom: string | null;
  available: boolean;
  collection: CollectionLinkVM | null;
  /** The seller's sections below the buy box (types that need no D1 data). */
  sections: SectionVM[];
}

/** A paragraph of plain text: strings and http(s) links. Line breaks within are "\n". */
export type TextBlock = ({ text: string } | { href: string; text: string })[];

interface PageVM {
  title: string;
  body: TextBlock[];
}

/** What goes in <head>: title, description, sharing tags, structured data. */
export interface HeadVM {
  title: string;
  description?: string;
  /** Absolute URL of the sharing image (WhatsApp/Facebook preview). */
  image?: string;
  type?: "website" | "product";
  /** A product's (lowest) price for product:price meta tags, as a decimal string. */
  price?: { amount: string; currency: string };
  /** JSON-LD objects, serialised safely into <script type="application/ld+json">. */
  jsonLd?: object[];
  noindex?: boolean;
  /** The page's LCP photo, preloaded with high priority (`sizes` as its <img> has them). */
  preload?: { img: ImageVM; sizes: string };
}

export interface LayoutProps<S = unknown> {
  ctx: StoreContext<S>;
  head: HeadVM;
  children: ComponentChildren;
}

/** Each page receives its context, its data and its <head> (built by the storefront). */
export interface ThemePages<S> {
  home: (ctx: StoreContext<S>, vm: HomeVM, head: HeadVM) => VNode;
  collection: (ctx: StoreContext<S>, vm: CollectionVM, head: HeadVM) => VNode;
  product: (ctx: StoreContext<S>, vm: ProductVM, head: HeadVM) => VNode;
  search: (ctx: StoreContext<S>, vm: SearchVM, head: HeadVM) => VNode;
  page: (ctx: StoreContext<S>, vm: PageVM, head: HeadVM) => VNode;
  notFound: (ctx: StoreContext<S>) => VNode;
}

export interface Theme<S = any> {
  manifest: ThemeManifest;
  settings: z.ZodType<S>;
  /**
   * The frame of every page (head, header, navigation, footer, the theme's CSS). Pages not
   * drawn by the theme (checkout, order status) render inside it, styled through the CSS
   * custom properties every theme defines: --bg, --ink, --muted, --line, --soft, --primary,
   * --on-primary, --danger, --radius, --font.
   */
  Layout: (props: LayoutProps<S>) => VNode;
  pages: ThemePages<S>;
}

export function defineTheme<S>(theme: Theme<S>): Theme<S> {
  return theme;
}
