/**
 * The hostile corpus in URLs: every GET route the router knows, with each payload as every
 * path param and as every query parameter the app reads (done, next, q, sort, after, before,
 * status, page, size, from, to, slug, name, photoError, placed). Never a 500, headers and CSP
 * intact, no markup or handler from the URL in the page.
 */
import { describe, expect, it } from "vitest";
import { Client, ROOT, TEST_CSRF, shopOrigin } from "./helpers";
import { hostileRun, shownOf } from "./fixtures/hostile";
import { furnishedShop } from "./fixtures/shops";
import { auditHtml, headerProblems } from "./security-html";
import { fill, handlers, paramsOf, type Route } from "./security-routes";

const QUERY = ["done", "next", "q", "sort", "after", "before", "status", "page", "size", "from", "to", "slug", "name", "photoError", "placed"];

async function probe(client: Client, url: string, payload: string) {
  const res = await client.get(url);
  expect(res.status, url).toBeLessThan(500);
  expect(headerProblems(res.headers), url).toEqual([]);
  if ((res.headers.get("content-type") ?? "").startsWith("text/html")) {
    expect(await auditHtml(res.text, res.headers.get("content-security-policy")), url).toEqual([]);
    if (payload.includes("<")) expect(res.text.includes(payload), `${url} echoes the raw payload`).toBe(false);
  }
  if (res.location) expect(new URL(res.location.replace(/[\t\n\r]/g, ""), url).host, `${url} redirects away`).toBe(new URL(url).host);
}

const run = hostileRun();
const origin = (r: Route, slug: string) => (r.path.startsWith("/_s") ? shopOrigin(slug) : ROOT);

describe(`hostile URLs on every GET route (${run.label})`, () => {
  it("as query parameters of every GET route (owner and visitor)", { timeout: 180_000 }, async () => {
    const s = await furnishedShop();
    const visitor = new Client();
    const routes = [...handlers("/_p"), ...handlers("/_s")].filter((r) => r.method === "GET");
    for (const h of run.entries) {
      const payload = shownOf(h);
      const query = QUERY.map((k) => `${k}=${h.raw ?? encodeURIComponent(h.value)}`).join("&");
      for (const r of routes) {
        const url = `${origin(r, s.slug)}${fill(r.path, s.ids)}?${query}`;
        await probe(r.path.startsWith("/_p/admin") ? s.client : visitor, url, payload);
      }
    }
  });

  it("as every path parameter of every GET route", { timeout: 180_000 }, async () => {
    const s = await furnishedShop();
    const visitor = new Client();
    const routes = [...handlers("/_p"), ...handlers("/_s")].filter((r) => r.method === "GET" && paramsOf(r.path).some((p) => p.key !== "admin/:shop"));
    expect(routes.length).toBeGreaterThan(10);
    for (const h of run.entries) {
      const enc = h.raw ?? encodeURIComponent(h.value);
      for (const r of routes) {
        const values: Record<string, string> = { ...s.ids };
        for (const p of paramsOf(r.path)) if (p.key !== "admin/:shop") values[p.key] = enc;
        const url = origin(r, s.slug) + fill(r.path, values);
        await probe(r.path.startsWith("/_p/admin") ? s.client : visitor, url, shownOf(h));
      }
      // And as the shop slug of the admin, and as a storefront host label.
      await probe(s.client, `${ROOT}/admin/${enc}/products`, shownOf(h));
    }
  });
});

/** Field names the forms use; each is set to the payload (a form ignores the ones it does not read). */
const FIELDS = [
  "title", "name", "description", "body", "price", "compareAt", "status", "trackStock", "intent", "dir", "published", "product", "collection",
  "opt1Name", "opt1Values", "v0_key", "v0_id", "v0_stock", "v0_sku", "v0_price", "fee", "freeAbove", "whatsapp", "phone", "email", "city",
  "currency", "locale", "contact", "from", "to", "courier", "tracking", "note", "variant", "quantity", "key", "zone", "payment", "reference",
  "address", "seen", "login", "password", "current", "next", "slug", "theme", "codEnabled", "jazzcashEnabled", "jazzcashTitle", "jazzcashNumber",
  "s_bannerText", "s_announcement", "s_primary", "s_font", "has_bannerText",
];
const last = (r: Route) => /delete|remove|cancel|logout|sessions|password/.test(r.path);

describe(`hostile bodies on every POST route (${run.label})`, () => {
  it("never a 500 and never markup, whatever each field holds", { timeout: 300_000 }, async () => {
    const routes = [...handlers("/_p"), ...handlers("/_s")].filter((r) => r.method === "POST").sort((a, b) => Number(last(a)) - Number(last(b)));
    expect(routes.length).toBeGreaterThan(40);
    for (const h of run.entries) {
      const s = await furnishedShop();
      const customer = new Client();
      const value = h.raw ?? encodeURIComponent(h.value);
      for (const r of routes) {
        const url = origin(r, s.slug) + fill(r.path, s.ids);
        const client = r.path.startsWith("/_s") || /\/(signup|login)$/.test(r.path) ? customer : s.client;
        const platform = !r.path.startsWith("/_s");
        if (platform) client.cookies(new URL(ROOT).host).set("hatti_csrf", TEST_CSRF);
        const body = [...(platform ? [`_csrf=${TEST_CSRF}`] : []), ...FIELDS.map((f) => `${f}=${value}`), `stock_${s.variantId}=${value}`].join("&");
        const res = await client.fetch(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(url).origin, "cf-connecting-ip": `fz-${h.name}` } });
        expect(res.status, `${h.name}: POST ${url}`).toBeLessThan(500);
        if ((res.headers.get("content-type") ?? "").startsWith("text/html")) {
          expect(await auditHtml(res.text, res.headers.get("content-security-policy")), `${h.name}: POST ${url}`).toEqual([]);
          if (h.value.includes("<")) expect(res.text.includes(h.value), `${h.name}: POST ${url} echoes it raw`).toBe(false);
        }
      }
    }
  });
});
