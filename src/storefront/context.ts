/** Builds the plain StoreContext a theme receives, from the shop and the request URL. */
import { formatMoney, messages } from "../i18n";
import { PAYMENT_METHODS } from "../payments";
import { imageVM, MEDIA_BASE } from "../media/urls";
import type { Shop } from "../tenancy/shop-cache";
import { themeById } from "../../themes";
import { storedSettings } from "../../themes/_shared/sections/upgrade";
import type { BaseSettings, NavLinkVM, StoreContext, Theme } from "./theme";
import type { ImageRef } from "./theme-settings";

export interface ResolvedTheme {
  theme: Theme;
  settings: unknown;
}

/** Validated settings per shop record: the record is cached (and replaced on every edit). */
const resolved = new WeakMap<Shop, ResolvedTheme>();

/** The shop's theme with its stored settings validated; invalid values fall back to defaults. */
export function resolveTheme(shop: Shop): ResolvedTheme {
  let r = resolved.get(shop);
  if (!r) {
    const theme = themeById(shop.themeId);
    const parsed = theme.settings.safeParse(storedSettings(theme, shop.themeSettings));
    r = { theme, settings: parsed.success ? parsed.data : theme.settings.parse({}) };
    resolved.set(shop, r);
  }
  return r;
}

/** Collections and content pages as rows from the chrome queries (src/storefront/chrome.ts). */
export interface ChromeRows {
  nav?: { title: string; slug: string }[];
  pages?: { title: string; slug: string }[];
  cartCount?: number;
}

const photo = (ref: ImageRef | null | undefined, alt: string, preferred: number, base: string) =>
  ref ? imageVM({ ...ref, alt }, alt, preferred, base) : null;

/**
 * Where a page's links and photos point. On the shop: its own paths and /media/. The theme
 * preview in the admin draws the same page with links to the live shop and photos through the
 * admin's media proxy (the storefront's /media lives on the shop's host).
 */
export interface PageBases {
  links?: string;
  media?: string;
}

/**
 * The context of one page. `path` is the canonical path (with its normalised query). Pages
 * outside the theme (cart, checkout) may pass no chrome rows: the header then shows no
 * collection links.
 */
export function storeContext(shop: Shop, origin: string, path: string, settings: unknown, chrome: ChromeRows = {}, bases: PageBases = {}): StoreContext {
  const m = messages(shop.locale);
  const s = (settings ?? {}) as Partial<BaseSettings>;
  const links = bases.links ?? "";
  const media = bases.media ?? MEDIA_BASE;
  const url = (p: string) => links + p;
  const link = (prefix: string) => (r: { title: string; slug: string }): NavLinkVM => ({
    title: r.title,
    url: url(`${prefix}${encodeURIComponent(r.slug)}`),
  });
  return {
    shop: {
      name: shop.name,
      description: shop.description,
      whatsapp: shop.whatsapp,
      slug: shop.slug,
      payments: PAYMENT_METHODS.filter((id) => shop.payments[id]?.enabled).map((id) => m.t(`checkout.pay.${id}`)),
    },
    locale: m.locale,
    dir: m.dir,
    t: m.t,
    money: (minor) => formatMoney(minor, shop.currency, shop.locale),
    url,
    media,
    settings,
    nav: (chrome.nav ?? []).map(link("/collections/")),
    pages: (chrome.pages ?? []).map(link("/pages/")),
    cartCount: chrome.cartCount ?? 0,
    canonical: origin + path,
    origin,
    logo: photo(s.logo, shop.name, 320, media),
  };
}
