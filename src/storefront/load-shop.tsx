import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { DEFAULT_LOCALE, messages } from "../i18n";
import { renderPage } from "../lib/render";
import { shopSource, useShard } from "../lib/meter";
import { errorPage } from "../lib/on-error";
import { slugForHost } from "../domains/lookup";
import { hostTarget } from "../tenancy/host";
import { afterResponse } from "../tenancy/edge-cache";
import { storefrontBySlug } from "../tenancy/shop-cache";
import { slugProblem } from "../tenancy/slug";
import { ShopMissingPage } from "./ShopMissingPage";

/**
 * Resolves the shop (and its chrome) from the Host: {slug}.ROOT_DOMAIN, or a shop's active
 * custom domain (an unknown one is a bad host: the 400 page); an unknown or suspended shop gets a
 * friendly 404. The record comes from the isolate, the location's cache (keyed by the host) or D1
 * (src/tenancy/shop-cache.ts), and the request's database becomes the shop's shard. The record's own work after the response (writing the location's
 * copy, reading a stale record again) starts once the response is made: none of it is the
 * visitor's wait, nor counted in her Server-Timing.
 */
export function loadShop(): MiddlewareHandler<AppEnv> {
  return async function shopLoader(c, next) {
    const target = hostTarget(c.req.raw, c.env.ROOT_DOMAIN);
    const origin = new URL(c.req.url).origin;
    const after = afterTheResponse(c);
    try {
      const slug = target.kind === "shop" ? target.slug : target.kind === "custom" ? ((await slugForHost(c.get("dir"), target.host, after, Date.now())) ?? "") : "";
      if (target.kind === "custom" && !slug) return errorPage(c, 400, "badHost");
      const record = slug ? await storefrontBySlug(shopSource(c), slug, { origin, defer: after.defer }) : null;
      // The page's own reads go to the shop's shard (src/db/shards.ts).
      if (!record || record.shop.status !== "active" || !useShard(c, record.shop.shard)) {
        const m = messages(DEFAULT_LOCALE);
        const platform = `${new URL(c.req.url).protocol}//${c.env.ROOT_DOMAIN}`;
        return renderPage(
          c,
          <ShopMissingPage m={m} slug={slug} platformUrl={platform} reserved={slugProblem(slug) !== null} />,
          404,
        );
      }
      const { shop, chrome } = record;
      c.set("shop", shop);
      c.set("chrome", chrome);
      c.set("locale", shop.locale);
      c.set("t", messages(shop.locale).t);
      await next();
    } finally {
      after.start();
    }
  };
}

/** Work kept until `start()` (the response is made), then run in the background (waitUntil); work deferred after that starts at once. */
function afterTheResponse(c: Context<AppEnv>) {
  let kept: (() => Promise<unknown>)[] | null = [];
  return {
    defer(work: () => Promise<unknown>): void {
      if (kept) kept.push(work);
      else afterResponse(c, work());
    },
    start(): void {
      const works = kept ?? [];
      kept = null;
      for (const work of works) afterResponse(c, work());
    },
  };
}
