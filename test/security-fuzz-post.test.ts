/**
 * The hostile corpus in bodies: every POST route the router knows, with each payload in every
 * field the forms use. Never a 500, never markup from the body in the page. (URLs:
 * security-fuzz.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { Client, ROOT, TEST_CSRF, shopOrigin } from "./helpers";
import { hostileRun } from "./fixtures/hostile";
import { furnishedShop } from "./fixtures/shops";
import { auditHtml } from "./security-html";
import { fill, handlers, type Route } from "./security-routes";

const run = hostileRun();
const origin = (r: Route, slug: string) => (r.path.startsWith("/_s") ? shopOrigin(slug) : ROOT);

/** Field names the forms use; each is set to the payload (a form ignores the ones it does not read). */
const FIELDS = [
  "title", "name", "description", "body", "price", "compareAt", "status", "trackStock", "intent", "dir", "published", "product", "collection",
  "opt1Name", "opt1Values", "v0_key", "v0_id", "v0_stock", "v0_sku", "v0_price", "fee", "freeAbove", "whatsapp", "phone", "email", "city",
  "currency", "locale", "contact", "from", "to", "courier", "tracking", "note", "variant", "quantity", "key", "zone", "payment", "reference",
  "address", "seen", "login", "password", "current", "next", "slug", "theme", "codEnabled", "jazzcashEnabled", "jazzcashTitle", "jazzcashNumber",
  "s_sec0_heading", "s_announcement", "s_primary", "s_font", "has_announcement", "sec0_type", "op",
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
