import type { MiddlewareHandler } from "hono";
import { contentSecurityPolicy } from "./csp";

/** Security headers on every response, and a CSP on every HTML page. */
export function securityHeaders(): MiddlewareHandler {
  return async function secureHeaders(c, next) {
    await next();
    const h = c.res.headers;
    h.set("x-content-type-options", "nosniff");
    h.set("referrer-policy", "strict-origin-when-cross-origin");
    h.set("x-frame-options", "DENY");
    h.set("permissions-policy", "camera=(self), geolocation=(), microphone=(), payment=()");
    h.set("cross-origin-opener-policy", "same-origin");
    if (new URL(c.req.url).protocol === "https:") h.set("strict-transport-security", "max-age=31536000; includeSubDomains");
    if ((h.get("content-type") ?? "").startsWith("text/html") && !h.has("content-security-policy")) {
      h.set("content-security-policy", await contentSecurityPolicy());
    }
  };
}
