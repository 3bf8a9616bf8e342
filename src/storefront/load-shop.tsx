import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { messages } from "../i18n";
import { renderPage } from "../lib/render";
import { resolveHost } from "../tenancy/host";
import { shopBySlug } from "../tenancy/shop-cache";
import { slugProblem } from "../tenancy/slug";
import { ShopMissingPage } from "./ShopMissingPage";

/** Resolves the shop from the Host; an unknown or suspended shop gets a friendly 404. */
export function loadShop(): MiddlewareHandler<AppEnv> {
  return async function shopLoader(c, next) {
    const target = resolveHost(new URL(c.req.url).host, c.env.ROOT_DOMAIN);
    const slug = target.kind === "shop" ? target.slug : "";
    const shop = slug ? await shopBySlug(c.var.db, slug) : null;
    if (!shop || shop.status !== "active") {
      const m = messages("en");
      const platform = `${new URL(c.req.url).protocol}//${c.env.ROOT_DOMAIN}`;
      return renderPage(
        c,
        <ShopMissingPage m={m} slug={slug} platformUrl={platform} reserved={slugProblem(slug) !== null} />,
        404,
      );
    }
    c.set("shop", shop);
    c.set("locale", shop.locale);
    c.set("t", messages(shop.locale).t);
    await next();
  };
}
