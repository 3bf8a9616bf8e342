/**
 * CSRF on every state-changing route, enumerated from the router: platform and admin routes
 * need the double-submit token (and the same Origin); storefront routes need the same Origin.
 * Each refusal is a 403 and changes nothing anywhere (every table, every R2 object); the
 * same request done properly is not a 403, so the refusal is the CSRF check's and no other.
 */
import { describe, expect, it } from "vitest";
import { Client, ROOT, shopOrigin, TEST_CSRF } from "./helpers";
import { dumpAll, furnishedShop } from "./fixtures/shops";
import { fill, handlers, type Route } from "./security-routes";
import { GATEWAY_RETURNS } from "../src/gateways/routes";

/**
 * The operator's API (/ops, src/shards/routes.ts) is not a form: it takes a bearer token and no
 * cookie, so there is no ambient credential to forge (src/shards/job.test.ts: a 404 without
 * OPS_TOKEN, a 401 without the token, whatever cookies the request carries).
 */
const unsafe = (r: Route) => !["GET", "HEAD", "OPTIONS"].includes(r.method) && !r.path.startsWith("/_p/ops/");
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const body = { title: "Changed", name: "Changed", note: "x", variant: "1", quantity: "1" };

async function send(client: Client, method: string, url: string, headers: Record<string, string>, fields: Record<string, string> = body) {
  return client.fetch(url, { method, body: form(fields), headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
}

describe("CSRF on platform and admin routes", () => {
  it("refuses every POST/PUT/PATCH/DELETE without the token, with a wrong token or from another origin", async () => {
    const s = await furnishedShop();
    const routes = handlers("/_p").filter(unsafe);
    expect(routes.length).toBeGreaterThan(35);
    expect(routes.every((r) => r.method === "POST"), "a non-POST route: check its CSRF handling").toBe(true);
    const before = await dumpAll();
    const host = new URL(ROOT).host;
    for (const r of routes) {
      const url = ROOT + fill(r.path, s.ids);
      // 1. No token cookie, no field (a forged form from another site cannot read either).
      s.client.cookies(host).delete("hatti_csrf");
      let res = await send(s.client, r.method, url, { origin: ROOT });
      expect(res.status, `no token: ${r.method} ${url}`).toBe(403);
      // 2. The cookie but no field. 3. A wrong field. 4. The right token from another origin.
      s.client.cookies(host).set("hatti_csrf", TEST_CSRF);
      res = await send(s.client, r.method, url, { origin: ROOT });
      expect(res.status, `cookie only: ${url}`).toBe(403);
      res = await send(s.client, r.method, url, { origin: ROOT }, { ...body, _csrf: "x".repeat(TEST_CSRF.length) });
      expect(res.status, `wrong token: ${url}`).toBe(403);
      res = await send(s.client, r.method, url, { origin: "https://evil.example" }, { ...body, _csrf: TEST_CSRF });
      expect(res.status, `foreign origin: ${url}`).toBe(403);
      res = await send(s.client, r.method, url, { "sec-fetch-site": "cross-site" }, { ...body, _csrf: TEST_CSRF });
      expect(res.status, `cross-site, no origin: ${url}`).toBe(403);
      expect(res.text).toContain("<html");
      expect(res.text).toContain("This form has expired"); // the CSRF page: a 403 means nothing else
    }
    expect(await dumpAll()).toEqual(before);

    // Control: the same requests with the token pass the CSRF check (whatever they then do).
    for (const r of routes) {
      const url = ROOT + fill(r.path, s.ids);
      const res = await s.client.post(url, body);
      expect(res.status, `with token: ${url}`).not.toBe(403);
    }
  });

  it("refuses a multipart upload without the token", async () => {
    const s = await furnishedShop();
    const before = await dumpAll();
    const fd = new FormData();
    fd.append("photo", new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }), "x.jpg");
    const res = await s.client.fetch(`${ROOT}/admin/${s.slug}/products/${s.ids["products/:id"]}/photos`, { method: "POST", body: fd, headers: { origin: ROOT } });
    expect(res.status).toBe(403);
    expect(await dumpAll()).toEqual(before);
  });
});

describe("CSRF on storefront routes", () => {
  it("refuses every state-changing storefront route from another origin or without any origin proof", async () => {
    const s = await furnishedShop();
    const origin = shopOrigin(s.slug);
    const routes = handlers("/_s").filter(unsafe);
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/_s/cart/add", "/_s/checkout"]));
    const customer = new Client();
    const fields = { ...body, variant: String(s.variantId) };
    const before = await dumpAll();
    for (const r of routes) {
      const url = origin + fill(r.path, s.ids);
      const cases: Record<string, string>[] = [
        { origin: "https://evil.example" },
        { origin: shopOrigin("othershop") }, // a sibling shop on the same root domain
        { origin: ROOT },
        {}, // no Origin and no Sec-Fetch-Site
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site" },
        { origin: "null" },
        // Not a form: Hono's csrf() leaves these types unchecked (a browser would preflight them).
        { origin: "https://evil.example", "content-type": "application/json" },
        { "content-type": "text/csv" },
        { origin, "content-type": "application/json" },
      ];
      // A gateway's return is posted from the gateway's page by design: it is let through, and a
      // return without a verifiable transaction is a 404 that changes nothing (dumpAll below).
      const expected = GATEWAY_RETURNS.some((p) => r.path === `/_s${p}`) ? 404 : 403;
      for (const headers of cases) {
        const res = await send(customer, r.method, url, headers, fields);
        expect(res.status, `${r.method} ${url} ${JSON.stringify(headers)}`).toBe(expected);
      }
    }
    expect(customer.cookies(new URL(origin).host).size).toBe(0);
    expect(await dumpAll()).toEqual(before);
    // Control: same origin is accepted (adds to the cart).
    const ok = await send(customer, "POST", `${origin}/cart/add`, { origin }, fields);
    expect(ok.status).toBe(303);
    const viaFetchSite = await send(customer, "POST", `${origin}/cart/add`, { "sec-fetch-site": "same-origin" }, fields);
    expect(viaFetchSite.status).toBe(303);
  });
});
