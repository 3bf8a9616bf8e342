/**
 * The storefront drawn with unsaved theme settings, inside the admin: the home page, or the shop's
 * newest product's page (its sections below the buy box); the same data query, view model and
 * theme page as the storefront's routes, with links to the live shop and photos through the
 * admin's own media proxy (the storefront's /media lives on the shop's host).
 */
import type { Context } from "hono";
import { loadChrome } from "../storefront/chrome";
import { loadHome } from "../storefront/home";
import { loadProduct } from "../storefront/product";
import type { AppEnv } from "../env";
import { renderDocument, type RenderedDocument } from "../lib/render";
import { storeContext } from "../storefront/context";
import { homeHead, productHead } from "../storefront/seo";
import type { Theme } from "../storefront/theme";
import { homeNeeds, homeSections, homeVM, productSections, productVM } from "../storefront/view-models";
import { originFor } from "../tenancy/host";
import { newestLive } from "./choices";

type C = Context<AppEnv>;

/** The page's context: links lead to the live shop (not to admin paths); photos come through the admin's proxy. */
async function previewContext(c: C, path: string, settings: Record<string, unknown>) {
  const shop = c.get("shop");
  const chrome = await loadChrome(c.get("db"), shop.slug);
  const origin = originFor(c.req.url, c.env.ROOT_DOMAIN, shop.slug);
  return storeContext(shop, origin, path, settings, chrome, { links: origin, media: `/admin/${shop.slug}/media/` });
}

export async function renderPreview(c: C, theme: Theme, settings: Record<string, unknown>): Promise<RenderedDocument> {
  const ctx = await previewContext(c, "/", settings);
  const sections = homeSections(theme, settings);
  const vm = homeVM(ctx, sections, await loadHome({ db: c.get("db"), shopId: c.get("shop").id }, homeNeeds(sections)));
  return renderDocument(theme.pages.home(ctx, vm, { ...homeHead(ctx, vm), noindex: true }));
}

/** The shop's newest product on sale, drawn as its product page; null when she has none yet. */
export async function renderProductPreview(c: C, theme: Theme, settings: Record<string, unknown>): Promise<RenderedDocument | null> {
  const shop = c.get("shop");
  const [newest] = await newestLive(c.get("db"), shop.id, 1);
  if (!newest) return null;
  const data = await loadProduct({ db: c.get("db"), shopId: shop.id }, newest.slug);
  if (!data.product) return null;
  const ctx = await previewContext(c, `/products/${encodeURIComponent(newest.slug)}`, settings);
  const vm = productVM(ctx, data, productSections(theme, settings));
  return renderDocument(theme.pages.product(ctx, vm, { ...productHead(ctx, shop, data, vm), noindex: true }));
}
