/**
 * CSRF protection for every state-changing request.
 *
 * - Every unsafe request must come from the same origin: `Origin` (or, failing that,
 *   `Sec-Fetch-Site`) is checked; a request that proves neither is refused.
 * - With `token: true` (platform and admin, which are never cached) a double-submit token
 *   is also required: the `_csrf` form field or `x-csrf-token` header must equal the
 *   HttpOnly cookie. Cached storefront pages cannot carry a per-customer token, so the
 *   storefront relies on the origin check alone; it holds no logged-in session.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { randomToken } from "../lib/bytes";
import { HttpError } from "../lib/errors";

export const CSRF_COOKIE = "hatti_csrf";
export const CSRF_FIELD = "_csrf";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CsrfOptions {
  token: boolean;
}

export function csrf(opts: CsrfOptions): MiddlewareHandler<AppEnv> {
  return async function csrfGuard(c, next) {
    const url = new URL(c.req.url);
    let token = opts.token ? getCookie(c, CSRF_COOKIE) : undefined;
    if (opts.token && (!token || !/^[A-Za-z0-9_-]{32,64}$/.test(token))) {
      token = randomToken(24);
      setCookie(c, CSRF_COOKIE, token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: url.protocol === "https:",
        path: "/",
      });
      // A fresh cookie means the form could not have carried it: unsafe requests fail below.
      c.set("csrfToken", token);
      if (!SAFE.has(c.req.method)) throw new HttpError(403, "csrf");
    }
    c.set("csrfToken", token ?? "");
    if (SAFE.has(c.req.method)) return next();

    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    const sameOrigin = origin ? origin === url.origin : site === "same-origin";
    if (!sameOrigin) throw new HttpError(403, "csrf");

    if (opts.token) {
      let sent = c.req.header("x-csrf-token");
      if (!sent) {
        const type = c.req.header("content-type") ?? "";
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
          const body = await c.req.parseBody();
          const v = body[CSRF_FIELD];
          sent = typeof v === "string" ? v : undefined;
        }
      }
      if (!sent || sent !== token) throw new HttpError(403, "csrf");
    }
    return next();
  };
}
