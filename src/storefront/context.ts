/** Builds the plain StoreContext a theme receives, from the shop and the request URL. */
import { formatMoney, messages } from "../i18n";
import type { Shop } from "../tenancy/shop-cache";
import { themeById } from "../../themes";
import type { StoreContext, Theme } from "./theme";

export interface ResolvedTheme {
  theme: Theme;
  settings: unknown;
}

/** The shop's theme with its stored settings validated; invalid values fall back to defaults. */
export function resolveTheme(shop: Shop): ResolvedTheme {
  const theme = themeById(shop.themeId);
  const parsed = theme.settings.safeParse(shop.themeSettings);
  return { theme, settings: parsed.success ? parsed.data : theme.settings.parse({}) };
}

export function storeContext(shop: Shop, origin: string, path: string, settings: unknown, cartCount = 0): StoreContext {
  const m = messages(shop.locale);
  return {
    shop: { name: shop.name, description: shop.description, whatsapp: shop.whatsapp, slug: shop.slug },
    locale: m.locale,
    dir: m.dir,
    t: m.t,
    money: (minor) => formatMoney(minor, shop.currency, shop.locale),
    url: (p) => p,
    settings,
    nav: [],
    cartCount,
    canonical: origin + path,
  };
}
