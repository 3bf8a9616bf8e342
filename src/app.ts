/**
 * One Worker for every shop. The Host decides the area: the platform and seller admin on
 * ROOT_DOMAIN, a storefront on {slug}.ROOT_DOMAIN. Routing on the host is done by prefixing
 * the path with the area (getPath), so each area is a plain Hono sub-app.
 */
import { Hono } from "hono";
import { admin } from "./admin/routes";
import { attachUser } from "./auth/guard";
import { csrf } from "./auth/csrf";
import type { AppEnv, Bindings } from "./env";
import { DEFAULT_LOCALE, messages } from "./i18n";
import { metering } from "./lib/meter";
import { flashNotice } from "./lib/flash";
import { errorPage, onError } from "./lib/on-error";
import { securityHeaders } from "./lib/security-headers";
import { platform } from "./platform/routes";
import { pwaRoutes } from "./pwa/routes";
import { devRoutes } from "./messages/dev-routes";
import { storefront } from "./storefront/routes";
import { GATEWAY_RETURNS } from "./gateways/routes";
import { hostTarget } from "./tenancy/host";
import { orders, shops } from "./db/schema";
import { runTemplates, template } from "./db/template";
import { MAX_FORM_BYTES, MAX_FORM_FIELDS, MAX_UPLOAD_BYTES } from "./lib/limits";
import { bodyCap } from "./lib/body-cap";
import { forgetIsolate } from "./storefront/bench-forget";
import { opsRoutes } from "./shards/routes";

/** The health check's two reads (the bench's floor for a page that must read D1). */
const firstShop = template((db) => db.select({ id: shops.id }).from(shops).orderBy(shops.id).limit(1));
const firstOrder = template((db) => db.select({ id: orders.id }).from(orders).orderBy(orders.id).limit(1));

// A custom domain (src/domains) serves its shop's storefront: the shop area.
const AREA = { platform: "/_p", shop: "/_s", custom: "/_s", www: "/_w", bad: "/_x" } as const;

export function createApp() {
  const app = new Hono<AppEnv>({
    getPath: (req, opts) => {
      const env = opts?.env as Bindings | undefined;
      const target = hostTarget(req, env?.ROOT_DOMAIN ?? "localhost:8787");
      const url = req.url;
      const start = url.indexOf("/", url.indexOf("://") + 3);
      const q = url.indexOf("?", start);
      const path = start === -1 ? "/" : q === -1 ? url.slice(start) : url.slice(start, q);
      // "/" of an area is the area's own path: Hono mounts a sub-app's "/" at "/_p", not "/_p/".
      return AREA[target.kind] + (path === "/" ? "" : path);
    },
  });

  app.use("*", metering());
  app.use("*", async function requestContext(c, next) {
    c.set("locale", DEFAULT_LOCALE);
    c.set("t", messages(DEFAULT_LOCALE).t);
    c.set("user", null);
    await next();
  });
  app.use("*", securityHeaders());
  app.use("*", bodyCap({ formBytes: MAX_FORM_BYTES, uploadBytes: MAX_UPLOAD_BYTES, fields: MAX_FORM_FIELDS }));

  // www.ROOT_DOMAIN -> ROOT_DOMAIN
  app.all(`${AREA.www}/*`, (c) => {
    const url = new URL(c.req.url);
    return c.redirect(`${url.protocol}//${c.env.ROOT_DOMAIN}${url.pathname}${url.search}`, 301);
  });
  app.all(`${AREA.bad}/*`, (c) => errorPage(c, 400, "badHost"));

  // Browsers ask every host for /favicon.ico: answer at once (no themed 404, no D1), cached a day.
  for (const area of [AREA.platform, AREA.shop]) {
    app.get(`${area}/favicon.ico`, (c) => c.body(null, 204, { "cache-control": "public, max-age=86400" }));
  }

  // A fixed page with no D1 and no session: uptime checks, and the benchmark's ceiling.
  app.get(`${AREA.platform}/healthz`, (c) => c.html("<!doctype html><title>ok</title><p>ok</p>"));
  // The same with a D1 round trip (two small indexed reads, folded into one statement by
  // runTemplates): the database is reachable; and the benchmark's floor for any page that must read D1.
  app.get(`${AREA.platform}/healthz/db`, async (c) => {
    const [shopsRow, ordersRow] = await runTemplates(c.get("db"), [firstShop.bind({}), firstOrder.bind({})]);
    return c.html(`<!doctype html><title>ok</title><p>ok ${shopsRow.length + ordersRow.length}</p>`);
  });
  // The bench's cold isolate: a 404 unless the bench runs with its hooks on (src/lib/bench-hooks.ts).
  app.get(`${AREA.platform}/healthz/forget`, forgetIsolate);

  // Storefront: no seller session here (the cookie is host-only on the root domain).
  app.use(`${AREA.shop}/*`, csrf({ token: false, except: GATEWAY_RETURNS.map((p) => AREA.shop + p) }));
  app.route(AREA.shop, storefront);

  // The operator's API (a bearer token, JSON; a 404 without OPS_TOKEN): before the session and CSRF checks.
  app.route(`${AREA.platform}/ops`, opsRoutes);

  // Platform and admin.
  app.use(`${AREA.platform}/*`, attachUser(), flashNotice(), csrf({ token: true }));
  // The installable admin's manifest, icons, service worker and offline page: before the admin's
  // log-in check (a browser fetches the manifest without cookies), none holds an account's data.
  app.route(`${AREA.platform}/admin`, pwaRoutes);
  app.route(`${AREA.platform}/admin`, admin);
  // The dev outbox (src/messages/dev-routes.tsx): a 404 in production.
  app.route(`${AREA.platform}/dev`, devRoutes);
  app.route(AREA.platform, platform);

  app.notFound((c) => errorPage(c, 404));
  app.onError(onError);
  return app;
}
