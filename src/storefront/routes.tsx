/**
 * Customer routes on {slug}.ROOT_DOMAIN. Each handler validates its input, loads the page's
 * data through a loader in this folder (home.ts, listing.ts, product.ts, content.ts, search.ts) (one D1 round trip; the header and footer
 * links come with the cached shop record) and renders the shop's theme. The HTML depends only on (shop, shop.version, path + query): nothing personal, so
 * pages can be cached and shared. The cart count is filled in by a script from the cookie.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { renderDocument, sendDocument } from "../lib/render";
import { loadHome } from "./home";
import { decodeCursor, loadAllProducts, loadCollection, SORTS } from "./listing";
import { loadSearch, SEARCH_SORTS } from "./search";
import { loadProduct } from "./product";
import { loadContentPage, loadSitemap } from "./content";
import { codeLink } from "../checkout/code-link";
import { checkoutRoutes } from "../checkout/routes";
import { recoveryRoutes } from "../recovery/routes";
import { gatewayRoutes } from "../gateways/routes";
import { resolveTheme, storeContext } from "./context";
import { canonicalOrigin } from "../domains/lookup";
import { loadShop } from "./load-shop";
import { pageCache } from "./page-cache";
import { countVisits } from "../insight/count-visits";
import { visitTally } from "../insight/tally";
import { mediaRoutes } from "./media";
import { homeHead, listingHead, pageHead, productHead } from "./seo";
import { robotsTxt, sitemapXml } from "./sitemap";
import { textBlocks } from "./text";
import type { StoreContext, Theme } from "./theme";
import { homeNeeds, homeSections, homeVM, listingUrl, listingVM, productSections, productVM } from "./view-models";

export const storefront = new Hono<AppEnv>();

storefront.use("*", loadShop());
// Visits (src/insight): counted in the isolate after the page is made, cached or not.
storefront.use("*", countVisits({ tally: visitTally }));
storefront.use("*", codeLink());
storefront.route("/media", mediaRoutes);

/**
 * A page every visitor sees alike is declared so on its route (`cached`): its HTML depends only
 * on (shop, shop version, URL). A route without it is never cached: new page types are personal
 * until said otherwise (src/storefront/page-cache.test.ts reads which routes are from the router).
 */
const cached = pageCache();

type C = Context<AppEnv>;
// c.get(), not c.var: Hono's c.var builds a new object of every value on each read, and these
// run on every storefront page.
const scope = (c: C) => ({ db: c.get("db"), shopId: c.get("shop").id });
/** The shop's canonical origin (its custom domain once active: src/domains), for canonical URLs, the sitemap and share tags. */
const origin = (c: C) => canonicalOrigin(c.req.url, c.get("chrome").customHost);

/** The theme and context of this page; `path` is its canonical path. */
function themed(c: C, path: string): { theme: Theme; ctx: StoreContext } {
  const { theme, settings } = resolveTheme(c.get("shop"));
  return { theme, ctx: storeContext(c.get("shop"), origin(c), path, settings, c.get("chrome")) };
}

const html = (c: C, node: ReturnType<Theme["pages"]["notFound"]>, status: 200 | 404 = 200) =>
  sendDocument(c, renderDocument(node), status);

/** The shop's own 404 page: no query of its own. */
function notFound(c: C) {
  const { theme, ctx } = themed(c, new URL(c.req.url).pathname);
  return html(c, theme.pages.notFound(ctx), 404);
}

const SLUG = /^[\p{L}\p{N}_-]{1,120}$/u;

const listingParams = z.object({
  sort: z.enum(SORTS).catch("newest"),
  after: z.string().max(40).optional(),
});
const searchParams = z.object({
  sort: z.enum(SEARCH_SORTS).catch("newest"),
  after: z.string().max(40).optional(),
  q: z.string().catch(""),
});

storefront.get("/", cached, async (c) => {
  const { theme, ctx } = themed(c, "/");
  const sections = homeSections(theme, ctx.settings);
  const vm = homeVM(ctx, sections, await loadHome(scope(c), homeNeeds(sections)));
  return html(c, theme.pages.home(ctx, vm, homeHead(ctx, vm)));
});

storefront.get("/collections/:slug", cached, async (c) => {
  const slug = c.req.param("slug");
  const params = listingParams.parse(c.req.query());
  const cursor = params.after === undefined ? null : decodeCursor(params.after);
  if (!SLUG.test(slug) || (params.after !== undefined && !cursor)) return notFound(c);
  const isAll = slug === "all";
  const data = isAll
    ? { ...(await loadAllProducts(scope(c), params.sort, cursor)), collection: null }
    : await loadCollection(scope(c), slug, params.sort, cursor);
  if (!isAll && !data.collection) return notFound(c);
  const path = `/collections/${encodeURIComponent(slug)}`;
  const { theme, ctx } = themed(c, listingUrl(path, { sort: params.sort, after: cursor }));
  const title = data.collection?.title ?? ctx.t("store.allProducts");
  const description = data.collection?.description ?? "";
  const vm = { ...listingVM(ctx, path, data.cards, { sort: params.sort, sorts: SORTS, after: cursor, next: data.next }), title, description: textBlocks(description), path };
  // A cursor past the end: an empty page (with a link to the first) that is not indexed.
  const pastEnd = cursor !== null && data.cards.length === 0;
  const noindex = pastEnd || params.sort !== "newest";
  const head = listingHead(ctx, title, description, vm.products[0]?.image ?? null, noindex, path);
  return html(c, theme.pages.collection(ctx, vm, head), pastEnd ? 404 : 200);
});

storefront.get("/products/:slug", cached, async (c) => {
  const slug = c.req.param("slug");
  if (!SLUG.test(slug)) return notFound(c);
  const data = await loadProduct(scope(c), slug);
  if (!data.product) return notFound(c);
  const { theme, ctx } = themed(c, `/products/${encodeURIComponent(slug)}`);
  const vm = productVM(ctx, data, productSections(theme, ctx.settings));
  return html(c, theme.pages.product(ctx, vm, productHead(ctx, c.get("shop"), data, vm)));
});

/** Queries are capped: a 2,000-character paste searches (and shows) its first 100 characters. */
export const MAX_QUERY = 100;

storefront.get("/search", cached, async (c) => {
  const params = searchParams.parse(c.req.query());
  const q = params.q.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY);
  const cursor = params.after === undefined ? null : decodeCursor(params.after);
  if (params.after !== undefined && !cursor) return notFound(c);
  const data = await loadSearch(scope(c), q, params.sort, cursor);
  const { theme, ctx } = themed(c, listingUrl("/search", { q, sort: params.sort, after: cursor }));
  const listing = listingVM(ctx, "/search", data.cards, { q, sort: params.sort, sorts: SEARCH_SORTS, after: cursor, next: data.next });
  const vm = { ...listing, query: q, path: "/search" };
  const title = q ? ctx.t("store.search.resultsFor", { q }) : ctx.t("store.search.title");
  return html(c, theme.pages.search(ctx, vm, listingHead(ctx, title, "", null, true)));
});

storefront.get("/pages/:slug", cached, async (c) => {
  const slug = c.req.param("slug");
  if (!SLUG.test(slug)) return notFound(c);
  const data = await loadContentPage(scope(c), slug);
  if (!data.page) return notFound(c);
  const { theme, ctx } = themed(c, `/pages/${encodeURIComponent(slug)}`);
  const vm = { title: data.page.title, body: textBlocks(data.page.body) };
  return html(c, theme.pages.page(ctx, vm, pageHead(ctx, data.page.title, data.page.body)));
});

storefront.get("/sitemap.xml", cached, async (c) => {
  const data = await loadSitemap(scope(c));
  return c.body(sitemapXml(origin(c), data), 200, { "content-type": "application/xml; charset=utf-8" });
});

storefront.get("/robots.txt", cached, (c) => c.text(robotsTxt(origin(c))));

// Cart, checkout and order status (src/checkout).
storefront.route("/", checkoutRoutes);
// Her phone at checkout, and the reminder's restore link (src/recovery).
storefront.route("/", recoveryRoutes);
storefront.route("/", gatewayRoutes);

// Last: anything no route above answered is a 404 in the shop's own style.
storefront.all("*", (c) => notFound(c));
