import type { Context, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { sessionCheckedByPage } from "../auth/guard";
import { setSessionShop } from "../auth/session";
import { forgetCheckedSessions } from "../auth/session-cache";
import type { AppEnv } from "../env";
import { sharesDirectory } from "../db/shards";
import { useShard } from "../lib/meter";
import { membershipBySlug, readShopWithBadge } from "../platform/shops";
import { forgetRoute, keepRoute, routeOf } from "../tenancy/routes";
import { invalidateShop, toShop } from "../tenancy/shop-cache";
import { loadPageWithSession } from "./page";

/**
 * Loads the shop named in /admin/:shop/... for the logged-in seller, with the new-orders badge
 * of its Orders tab. A shop she is not a member of is a 404, exactly like one that does not exist.
 * A page declared with adminPage (./page.ts) does all of it in its own page's batch.
 */
export function loadAdminShop(): MiddlewareHandler<AppEnv> {
  return async function adminShopLoader(c, next) {
    const page = sessionCheckedByPage(c);
    if (page !== null) return loadPageWithSession(c, page, next);
    const user = c.get("user")!;
    const slug = c.req.param("shop") ?? "";
    const { found, held } = await memberAndShop(c, user.id, slug);
    if (!found || !held) throw new HTTPException(404);
    c.set("shop", toShop(held.shop));
    c.set("role", found.role);
    c.set("newOrders", held.newOrders);
    if (user.shopId !== found.shop.id) await setSessionShop(c.get("dir"), user.sessionId, found.shop.id);
    await next();
  };
}

/**
 * Her membership (the directory) and the shop's record and badge (its shard; the directory has
 * only its row for a shop of another shard). With the shop's shard known to this isolate
 * (src/tenancy/routes.ts), both are read side by side: one round trip, as for a shop in the
 * directory's own database. Otherwise the membership names the shard, then the shard is read.
 */
async function memberAndShop(c: Context<AppEnv>, userId: number, slug: string) {
  if (!slug) return { found: undefined, held: undefined };
  const route = routeOf(slug);
  if (route && !sharesDirectory(c.env, route.shard) && useShard(c, route.shard)) {
    const [found, held] = await Promise.all([membershipBySlug(c.get("dir"), userId, slug), readShopWithBadge(c.get("db"), route.id)]);
    if (!found || (held && found.shop.id === route.id && found.shop.shard === route.shard)) return { found, held };
    forgetRoute(slug); // moved since this isolate read its route: the membership says where it is now
    return { found, held: useShard(c, found.shop.shard) ? await heldIn(c, found) : undefined };
  }
  const found = await membershipBySlug(c.get("dir"), userId, slug);
  if (!found || !useShard(c, found.shop.shard)) return { found: undefined, held: undefined };
  if (!sharesDirectory(c.env, found.shop.shard)) keepRoute(slug, { id: found.shop.id, shard: found.shop.shard, at: Date.now() });
  return { found, held: await heldIn(c, found) };
}

type Found = NonNullable<Awaited<ReturnType<typeof membershipBySlug>>>;
const heldIn = async (c: Context<AppEnv>, found: Found) =>
  c.get("db") === c.get("dir") ? found : await readShopWithBadge(c.get("db"), found.shop.id);

/**
 * After every request that may write (any method but GET and HEAD, whatever it answered: a
 * change may have landed before a later step failed), drops this isolate's cached record of the
 * shop, so its storefront here reads the new version at once (other isolates within
 * SHOP_TTL_MS), and the sellers' checks of it (src/auth/session-cache.ts). The version itself is bumped by the domain function, in the change's own batch
 * (src/tenancy/version.ts). A refused post costs the storefront one re-read of the record, no more.
 */
export function forgetShopAfterWrites(): MiddlewareHandler<AppEnv> {
  return async function shopRecordForgotten(c, next) {
    await next();
    if (c.req.method === "GET" || c.req.method === "HEAD") return;
    invalidateShop(c.get("shop").slug);
    // Its members may have changed (staff added, removed): every seller's check of it is asked again.
    forgetCheckedSessions({ slug: c.get("shop").slug });
  };
}

/** Settings and staff are the owner's alone; staff get a 404 as if the page did not exist. */
export function requireOwner(): MiddlewareHandler<AppEnv> {
  return async function ownerRequired(c, next) {
    if (c.get("role") !== "owner") throw new HTTPException(404);
    await next();
  };
}
