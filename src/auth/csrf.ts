/**
 * CSRF protection for every state-changing request.
 *
 * - Same origin: Hono's csrf() accepts `Sec-Fetch-Site: same-origin` or an `Origin` equal to
 *   the request's own, and refuses the rest. It checks only the content types a cross-site
 *   <form> can send (any other needs a CORS preflight this app never grants); our rule is that
 *   every unsafe request proves its origin, so a request that is not a form is refused before
 *   it: no route reads anything but a form.
 * - With `token: true` (platform and admin, which are never cached) a double-submit token is
 *   also required: the `_csrf` form field or `x-csrf-token` header must equal the HttpOnly
 *   cookie. Hono has no token check. Cached storefront pages cannot carry a per-customer token,
 *   so the storefront relies on the origin check alone; it holds no logged-in session.
 */
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { csrf as sameOriginOnly } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { randomToken } from "../lib/bytes";

const CSRF_COOKIE = "hatti_csrf";
const CSRF_FIELD = "_csrf";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

export interface CsrfOptions {
  token: boolean;
  /**
   * Paths (as the app routes them) a third party posts to by design: a payment gateway's return,
   * posted by the customer's browser from the gateway's page. Each proves itself (a signature)
   * and changes nothing without it.
   */
  except?: readonly string[];
}

export function csrf(opts: CsrfOptions): MiddlewareHandler<AppEnv> {
  const sameOrigin = sameOriginOnly();
  const except = new Set(opts.except ?? []);
  return async function csrfGuard(c, next) {
    if (except.has(c.req.path) && c.req.method === "POST") return next();
    let token = opts.token ? getCookie(c, CSRF_COOKIE) : undefined;
    if (opts.token && (!token || !/^[A-Za-z0-9_-]{32,64}$/.test(token))) {
      token = randomToken(24);
      setCookie(c, CSRF_COOKIE, token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: new URL(c.req.url).protocol === "https:",
        path: "/",
      });
      // A fresh cookie means the form could not have carried it: unsafe requests fail below.
      c.set("csrfToken", token);
      if (!SAFE.has(c.req.method)) throw new HTTPException(403);
    }
    c.set("csrfToken", token ?? "");
    if (SAFE.has(c.req.method)) return next();

    const type = c.req.header("content-type") ?? "";
    if (!FORM.test(type)) throw new HTTPException(403);
    return sameOrigin(c, async () => {
      if (opts.token) {
        let sent = c.req.header("x-csrf-token");
        if (!sent) {
          const v = (await c.req.parseBody())[CSRF_FIELD];
          sent = typeof v === "string" ? v : undefined;
        }
        if (!sent || sent !== token) throw new HTTPException(403);
      }
      await next();
    });
  };
}
