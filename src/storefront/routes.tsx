/**
 * Customer routes on {slug}.ROOT_DOMAIN. Handlers load page data through the catalog
 * domain module (one D1 round trip) and render the shop's theme.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { renderDocument } from "../lib/render";
import { newestCards } from "../catalog/cards";
import { imageVM, parsePacked } from "../media/urls";
import { storeContext, resolveTheme } from "./context";
import { loadShop } from "./load-shop";
import { mediaRoutes } from "./media";
import { checkoutRoutes } from "../checkout/routes";
import type { ProductCardVM, StoreContext } from "./theme";
import type { CardRow } from "../catalog/cards";

export const storefront = new Hono<AppEnv>();

storefront.use("*", loadShop());
storefront.route("/media", mediaRoutes);

function toCard(ctx: StoreContext, row: CardRow): ProductCardVM {
  const img = parsePacked(row.image);
  return {
    id: row.id,
    url: ctx.url(`/products/${row.slug}`),
    title: row.title,
    price: ctx.money(row.price),
    compareAtPrice: row.compareAtPrice && row.compareAtPrice > row.price ? ctx.money(row.compareAtPrice) : null,
    soldOut: !row.inStock,
    image: img ? imageVM(img, row.title, 640) : null,
  };
}

storefront.get("/", async (c) => {
  const shop = c.var.shop;
  const rows = await newestCards(c.var.db, shop.id, 24);
  const { theme, settings } = resolveTheme(shop);
  const ctx = storeContext(shop, new URL(c.req.url).origin, "/", settings);
  return c.html(renderDocument(theme.pages.home(ctx, { products: rows.map((r) => toCard(ctx, r)) })));
});

// Cart, checkout and order status (src/checkout).
storefront.route("/", checkoutRoutes);

// Last: anything no route above answered is a 404 in the shop's own style.
storefront.all("*", (c) => {
  const shop = c.var.shop;
  const { theme, settings } = resolveTheme(shop);
  const ctx = storeContext(shop, new URL(c.req.url).origin, new URL(c.req.url).pathname, settings);
  return c.html(renderDocument(theme.pages.notFound(ctx)), 404);
});
