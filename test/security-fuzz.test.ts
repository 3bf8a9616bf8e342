/**
 * The hostile corpus in URLs: every GET route the router knows, with each payload as every
 * path param and as every query parameter the app reads (done, next, q, sort, after, before,
 * status, page, size, from, to, slug, name, photoError, placed). Never a 500, headers and CSP
 * intact, no markup or handler from the URL in the page. (Bodies: security-fuzz-post.test.ts;
 * two files, so the two test workers share the corpus.)
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
