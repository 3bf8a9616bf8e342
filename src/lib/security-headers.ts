import { secureHeaders } from "hono/secure-headers";
import { POLICY } from "./csp";

/**
 * Security headers on every response: Hono's secureHeaders() with our values. Its CSP, with
 * `script-src 'none'`, is the policy of any response that is not a rendered page; a rendered
 * page sets its own (its scripts' hashes, ./csp), which `overwrite: false` keeps. Hono builds
 * the CSP before the handler runs, so it cannot know which scripts the page will contain.
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: POLICY,
    xFrameOptions: "DENY",
    referrerPolicy: "strict-origin-when-cross-origin",
    // Browsers ignore it over plain HTTP (development), so it is sent on every response.
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    permissionsPolicy: { camera: ["self"], geolocation: [], microphone: [], payment: [] },
    overwrite: false,
  });
}
