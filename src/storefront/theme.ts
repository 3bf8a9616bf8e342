/**
 * The theme contract. A theme is a pure view layer: it receives plain view models and
 * returns Preact elements. It never touches D1, R2 or the request. Each theme declares its
 * settings as a zod schema with defaults; the seller's values are validated against it.
 */
import type { ComponentChildren, VNode } from "preact";
import type { z } from "zod";
import type { Locale, TFunction } from "../i18n";

/** A string a theme declares in every locale (a theme folder carries its own words). */
export type Localized = Record<Locale, string>;

export interface ThemeManifest {
  id: string;
  name: Localized;
  description: Localized;
  /** Three colours (background, primary, accent) drawn as the theme's swatch in pickers. */
  swatch: readonly [string, string, string];
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

/** What every page of a theme receives, besides the page's own data. */
export interface StoreContext<S = unknown> {
  shop: { name: string; description: string; whatsapp: string; slug: string };
  locale: Locale;
  dir: "ltr" | "rtl";
  t: TFunction;
  /** Formats minor units in the shop's currency and language. */
  money: (minor: number) => string;
  /** A path within the shop, e.g. url("/products/kurta"). */
  url: (path: string) => string;
  settings: S;
  nav: NavLinkVM[];
  cartCount: number;
  /** The page's canonical URL. */
  canonical: string;
}

export interface HomeVM {
  products: ProductCardVM[];
}

/** What goes in <head>: title, description, sharing tags, structured data. */
export interface HeadVM {
  title: string;
  description?: string;
  /** Absolute URL of the sharing image (WhatsApp/Facebook preview). */
  image?: string;
  type?: "website" | "product";
  /** JSON-LD objects, serialised safely into <script type="application/ld+json">. */
  jsonLd?: object[];
  noindex?: boolean;
}

export interface LayoutProps<S = unknown> {
  ctx: StoreContext<S>;
  head: HeadVM;
  children: ComponentChildren;
}

export interface ThemePages<S> {
  home: (ctx: StoreContext<S>, vm: HomeVM) => VNode;
  notFound: (ctx: StoreContext<S>) => VNode;
}

export interface Theme<S = any> {
  manifest: ThemeManifest;
  settings: z.ZodType<S>;
  /**
   * The frame of every page (head, header, navigation, footer, the theme's CSS). Pages not
   * drawn by the theme (checkout, order status) render inside it, styled through the CSS
   * custom properties every theme defines: --bg, --ink, --muted, --line, --primary,
   * --on-primary, --radius, --font.
   */
  Layout: (props: LayoutProps<S>) => VNode;
  pages: ThemePages<S>;
}

export function defineTheme<S>(theme: Theme<S>): Theme<S> {
  return theme;
}
