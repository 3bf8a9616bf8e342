/**
 * Security headers and the CSP on every GET route the router knows (params filled with a real
 * shop's ids), logged in and not, plus the error pages: nosniff, frame-ancestors 'none' /
 * X-Frame-Options DENY, a Referrer-Policy; every inline <script> is listed by its sha256 in
 * script-src (never 'unsafe-inline'), script-src lists no other page's script, and no inline
 * event handler attribute appears anywhere.
 */
import adminSw from "../src/client/admin-sw.gen";
import { describe, expect, it } from "vitest";
import { Client, ROOT, shopOrigin } from "./helpers";
import { furnishedShop } from "./fixtures/shops";
import { auditHtml, extraScriptHashes, headerProblems } from "./security-html";
import { fill, handlers } from "./security-routes";

async function check(client: Client, url: string, expectHtml = true) {
  const res = await client.get(url);
  const problems = headerProblems(res.headers);
  const html = (res.headers.get("content-type") ?? "").startsWith("text/html");
  if (html) problems.push(...(await auditHtml(res.text, res.headers.get("content-security-policy"))), ...(await extraScriptHashes(res.text, res.headers.get("content-security-policy"))));
  expect(problems, `${url} (${res.status})`).toEqual([]);
  if (expectHtml && res.status === 200) expect(html || res.headers.get("content-type"), url).toBeTruthy();
  return { res, html };
}

describe("headers and CSP on every GET route", () => {
  it("platform, admin and storefront, with and without a session", async () => {
    const s = await furnishedShop();
    const visitor = new Client();
    let pages = 0;
    for (const r of handlers("/_p").filter((x) => x.method === "GET")) {
      const url = ROOT + fill(r.path, s.ids);
      for (const client of [s.client, visitor]) {
        const { res, html } = await check(client, url);
        expect(res.status, url).toBeLessThan(500);
        if (html && res.status === 200) pages++;
      }
    }
    for (const r of handlers("/_s").filter((x) => x.method === "GET")) {
      const url = shopOrigin(s.slug) + fill(r.path, s.ids);
      const { res, html } = await check(visitor, url);
      expect(res.status, url).toBeLessThan(400); // an empty checkout redirects to the cart
      if (html) pages++;
      // A page served again from the page cache carries its own CSP too.
      const again = await check(visitor, url);
      expect(again.res.headers.get("content-security-policy"), `${url} (${again.res.headers.get("x-cache")})`).toBe(res.headers.get("content-security-policy"));
    }
    // The order status page (personal), a cart and a checkout with something in it.
    const customer = new Client();
    await customer.post(`${shopOrigin(s.slug)}/cart/add`, { variant: String(s.variantId), quantity: "1" }, { csrf: false });
    for (const p of ["/cart", "/checkout", `/orders/${s.ids["orders/:token"]}`]) {
      const { res } = await check(customer, shopOrigin(s.slug) + p);
      expect(res.status).toBe(200);
    }
    expect(pages).toBeGreaterThan(30);
  });

  it("error pages too: 404, 403, 400 for an unknown host, 413, and a storefront 404", async () => {
    const s = await furnishedShop();
    const c = new Client();
    expect((await check(c, `${ROOT}/no/such/page`)).res.status).toBe(404);
    expect((await check(c, `${shopOrigin(s.slug)}/products/no-such-product`)).res.status).toBe(404);
    expect((await check(c, `${shopOrigin("nosuchshop")}/`)).res.status).toBe(404);
    expect((await check(c, "https://evil.example/")).res.status).toBe(400);
    const forbidden = await c.fetch(`${ROOT}/login`, { method: "POST", body: "login=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(forbidden.status).toBe(403);
    expect(headerProblems(forbidden.headers)).toEqual([]);
    expect(await auditHtml(forbidden.text, forbidden.headers.get("content-security-policy"))).toEqual([]);
    expect(await extraScriptHashes(forbidden.text, forbidden.headers.get("content-security-policy"))).toEqual([]);
    const big = await c.fetch(`${ROOT}/signup`, { method: "POST", body: `name=${"a".repeat(1_100_000)}`, headers: { "content-type": "application/x-www-form-urlencoded", origin: ROOT } });
    expect(big.status).toBe(413);
    expect(headerProblems(big.headers)).toEqual([]);
    expect(await auditHtml(big.text, big.headers.get("content-security-policy"))).toEqual([]);
    expect(await extraScriptHashes(big.text, big.headers.get("content-security-policy"))).toEqual([]);
  });

  it("the CSP allows no inline script but the registered hashes, and the hashes match the pages' scripts", async () => {
    const s = await furnishedShop();
    const res = await s.client.get(`${ROOT}/admin/${s.slug}/products/${s.ids["products/:id"]}`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    // The edit page does carry inline scripts (the photo uploader, the share card), allowed by hash.
    expect(res.text).toMatch(/<script>[\s\S]+?<\/script>/);
    expect(await auditHtml(res.text, csp)).toEqual([]);
    // It lists those scripts (the photo uploader, the share card) and the admin's service-worker
    // registration (on every admin page), and no other page's: the same policy on a page without
    // them is a hole.
    expect(csp.match(/'sha256-/g)).toHaveLength(3);
    expect(csp).toContain(`'${adminSw.hash}'`);
    expect(await extraScriptHashes(res.text, csp)).toEqual([]);
    expect(await extraScriptHashes("<!doctype html><p>no script here</p>", csp)).toHaveLength(3);
    const list = await s.client.get(`${ROOT}/admin/${s.slug}/products`);
    expect(list.headers.get("content-security-policy")).toContain(`script-src '${adminSw.hash}';`);
    // A script the page did not declare would not be: the audit catches it.
    expect(await auditHtml(res.text.replace("</body>", "<script>alert(1)</script></body>"), csp)).toEqual(["inline script not in CSP: alert(1)"]);
    expect(await auditHtml('<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>', csp)).toEqual([
      'script URL in <a href="javascript:alert(1)">',
      "inline handler <img onerror>",
    ]);
  });
});
