/**
 * The storefront home drawn with unsaved theme settings, inside the admin. Uses the same data
 * query and view models as the storefront's home route; photo URLs point at the admin's own
 * media proxy (the storefront's /media lives on the shop's host).
 */
import type { Context } from "hono";
import { loadChrome } from "../storefront/chrome";
import { loadHome } from "../storefront/home";
import type { AppEnv } from "../env";
import { renderDocument, type RenderedDocument } from "../lib/render";
import { storeContext } from "../storefront/context";
import { homeHead } from "../storefront/seo";
import type { Theme } from "../storefront/theme";
import { cardVM } from "../storefront/view-models";
import { originFor } from "../tenancy/host";

export async function renderPreview(c: Context<AppEnv>, theme: Theme, settings: Record<string, unknown>): Promise<RenderedDocument> {
  const shop = c.var.shop;
  const chrome = await loadChrome(c.var.db, shop.slug);
  const data = await loadHome({ db: c.var.db, shopId: shop.id }, chrome.nav[0]);
  const origin = originFor(c.req.url, c.env.ROOT_DOMAIN, shop.slug);
  const ctx = storeContext(shop, origin, "/", settings, chrome);
  const vm = {
    featured: data.featured
      ? { collection: { title: data.featured.title, url: `/collections/${encodeURIComponent(data.featured.slug)}` }, products: data.featured.cards.map((r) => cardVM(ctx, r)) }
      : null,
    newArrivals: data.newArrivals.map((r) => cardVM(ctx, r)),
    collections: ctx.nav,
  };
  const first = vm.featured?.products[0]?.image ?? vm.newArrivals[0]?.image ?? null;
  const { html, csp } = renderDocument(theme.pages.home(ctx, vm, { ...homeHead(ctx, first), noindex: true }));
  // Photos through the admin's proxy; links lead to the live shop (not to admin paths).
  const shown = html
    .split(`/media/shops/${shop.id}/`)
    .join(`/admin/${shop.slug}/media/shops/${shop.id}/`)
    .replace(/href="\/(?![/\\]|admin\/)/g, `href="${origin}/`);
  return { html: shown, csp };
}
