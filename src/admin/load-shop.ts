import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { sessionCheckedByPage } from "../auth/guard";
import { setSessionShop } from "../auth/session";
import type { AppEnv } from "../env";
import { useShard } from "../lib/meter";
import { membershipBySlug, shopWithBadge } from "../platform/shops";
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
    const user = c.var.user!;
    const slug = c.req.param("shop") ?? "";
    const found = slug ? await membershipBySlug(c.var.dir, user.id, slug) : undefined;
    if (!found || !useShard(c, found.shop.shard)) throw new HTTPException(404);
    // A shop of another shard: its record and badge are there (the directory has its row only).
    const held = c.var.db === c.var.dir ? found : await shopWithBadge(c.var.db, found.shop.id).get();
    if (!held) throw new HTTPException(404);
    c.set("shop", toShop(held.shop));
    c.set("role", found.role);
    c.set("newOrders", held.newOrders);
    if (user.shopId !== found.shop.id) await setSessionShop(c.var.dir, user.sessionId, found.shop.id);
    await next();
  };
}

/**
 * After every request that may write (any method but GET and HEAD, whatever it answered: a
 * change may have landed before a later step failed), drops this isolate's cached record of the
 * shop, so its storefront here reads the new version at once (other isolates within
 * SHOP_TTL_MS). The version itself is bumped by the domain function, in the change's own batch
 * (src/tenancy/version.ts). A refused post costs the storefront one re-read of the record, no more.
 */
export function forgetShopAfterWrites(): MiddlewareHandler<AppEnv> {
  return async function shopRecordForgotten(c, next) {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") invalidateShop(c.var.shop.slug);
  };
}

/** Settings and staff are the owner's alone; staff get a 404 as if the page did not exist. */
export function requireOwner(): MiddlewareHandler<AppEnv> {
  return async function ownerRequired(c, next) {
    if (c.var.role !== "owner") throw new HTTPException(404);
    await next();
  };
}
