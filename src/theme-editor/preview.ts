/**
 * The storefront home drawn with unsaved theme settings, inside the admin: the same data query,
 * view model and theme page as the storefront's home route, with links to the live shop and
 * photos through the admin's own media proxy (the storefront's /media lives on the shop's host).
 */
import type { Context } from "hono";
import { loadChrome } from "../storefront/chrome";
import { loadHome } from "../storefront/home";
import type { AppEnv } from "../env";
import { renderDocument, type RenderedDocument } from "../lib/render";
import { storeContext } from "../storefront/context";
import { homeHead } from "../storefront/seo";
import type { Theme } from "../storefront/theme";
import { homeNeeds, homeSections, homeVM } from "../storefront/view-models";
import { originFor } from "../tenancy/host";

export async function renderPreview(c: Context<AppEnv>, theme: Theme, settings: Record<string, unknown>): Promise<RenderedDocument> {
  const shop = c.var.shop;
  const chrome = await loadChrome(c.var.db, shop.slug);
  const origin = originFor(c.req.url, c.env.ROOT_DOMAIN, shop.slug);
  // Links lead to the live shop (not to admin paths); photos come through the admin's proxy.
  const ctx = storeContext(shop, origin, "/", settings, chrome, { links: origin, media: `/admin/${shop.slug}/media/` });
  const sections = homeSections(theme, settings);
  const vm = homeVM(ctx, sections, await loadHome({ db: c.var.db, shopId: shop.id }, homeNeeds(sections)));
  return renderDocument(theme.pages.home(ctx, vm, { ...homeHead(ctx, vm), noindex: true }));
}
