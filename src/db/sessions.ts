/**
 * Read replicas through D1's Sessions API: every request runs on one D1 session.
 *
 * - A storefront page reads from the nearest replica ("first-unconstrained").
 * - A write that starts without a bookmark (the checkout, a cart or a log-in) starts at the
 *   primary ("first-primary").
 * - Whoever wrote carries the bookmark of her last write in a cookie, and her next requests start
 *   from it, so a replica that has not yet seen her change never answers her: the seller on the
 *   platform's host (the admin, her account, the log-in that made her session; host-only, so shop
 *   subdomains never receive it), the customer on the shop's `/orders/` pages (the order page
 *   after placing, cancelling, confirming or sending proof). The cookie is refreshed after every
 *   request that may write (any method but GET and HEAD, not refused) with the session's `getBookmark()`.
 *
 * A bookmark belongs to one database: the directory's cookie is `hatti_bm`, shard k's (its own
 * binding, src/db/shards.ts) `hatti_bm<k>`, so a seller whose shop lives in shard 1 reads her
 * own writes there and in the directory.
 *
 * A cookie that is not a bookmark's shape is ignored (the request starts as if it had none): a
 * session is never built from what a browser typed. With replication off, or locally (Miniflare:
 * one copy, bookmarks returned and ignored), every session reads the primary and nothing changes.
 */
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { hostTarget } from "../tenancy/host";

export const BOOKMARK_COOKIE = "hatti_bm";

/** The bookmark cookie of a database: the directory's (and shard 0's when it shares it), or shard k's. */
export const bookmarkCookie = (shard: number | null): string => (shard ? `${BOOKMARK_COOKIE}${shard}` : BOOKMARK_COOKIE);

/** D1's bookmarks: three 8-digit hex counters and a 32-digit hex hash ("00000000-00000002-00000000-000…"). */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/;

/** How long a bookmark is worth carrying: far longer than a replica's lag. */
const BOOKMARK_MAX_AGE_S = 600;

const SAFE = new Set(["GET", "HEAD"]);

/** Where a request's session starts: the bookmark in its cookie when well-formed, else by its method. */
export function sessionStart(method: string, cookie: string | undefined): D1SessionBookmark | D1SessionConstraint {
  if (cookie !== undefined && BOOKMARK.test(cookie)) return cookie;
  return SAFE.has(method) ? "first-unconstrained" : "first-primary";
}

/** The path the bookmark cookie is sent on: the whole platform host, or a shop's order pages. */
function cookiePath(c: Context<AppEnv>): string | null {
  const kind = hostTarget(c.req.raw, c.env.ROOT_DOMAIN).kind;
  return kind === "platform" ? "/" : kind === "shop" ? "/orders" : null;
}

/** Opens the request's D1 session on `d1` (see above), from the bookmark in `cookie`. */
export function openSession(c: Context<AppEnv>, d1: D1Database, cookie: string): D1DatabaseSession {
  const path = cookiePath(c);
  return d1.withSession(sessionStart(c.req.method, path ? getCookie(c, cookie) : undefined));
}

/**
 * After a request that may have written and was not refused (a refusal, 4xx or 5xx, writes
 * nothing: a form's error is never half-saved, a cross-site post is stopped before any change):
 * the cookie carries the session's newest bookmark. A refused post sets no cookie.
 */
export function keepBookmark(c: Context<AppEnv>, session: D1DatabaseSession, cookie: string): void {
  if (SAFE.has(c.req.method) || c.res.status >= 400) return;
  const path = cookiePath(c);
  const bookmark = session.getBookmark();
  if (!path || !bookmark || !BOOKMARK.test(bookmark) || bookmark === getCookie(c, cookie)) return;
  setCookie(c, cookie, bookmark, {
    httpOnly: true,
    secure: new URL(c.req.url).protocol === "https:",
    sameSite: "Lax",
    path,
    maxAge: BOOKMARK_MAX_AGE_S,
  });
}
