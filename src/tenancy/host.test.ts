import { describe, expect, it } from "vitest";
import { resolveHost } from "./host";
import { alternativeSlugs, slugProblem, suggestSlug } from "./slug";
import { Client, ROOT, sellerWithShop, shopOrigin } from "../../test/helpers";
import { exports } from "cloudflare:workers";

describe("resolveHost", () => {
  const root = "hatti.pk";
  it("maps the root domain to the platform and a subdomain to a shop", () => {
    expect(resolveHost("hatti.pk", root)).toEqual({ kind: "platform" });
    expect(resolveHost("HATTI.PK.", root)).toEqual({ kind: "platform" });
    expect(resolveHost("ayesha.hatti.pk", root)).toEqual({ kind: "shop", slug: "ayesha" });
    expect(resolveHost("www.hatti.pk", root)).toEqual({ kind: "www" });
    expect(resolveHost("demo.localhost:8787", "localhost:8787")).toEqual({ kind: "shop", slug: "demo" });
  });
  it("refuses anything else", () => {
    for (const bad of ["", "a.b.hatti.pk", "<script>.hatti.pk", "a".repeat(300) + ".hatti.pk", "demo.hatti.pk:99999999"]) {
      expect(resolveHost(bad, root).kind, bad).toBe("bad");
    }
  });
  it("takes any other hostname for a shop's custom domain (src/domains says whose: an unknown one gets the 400 page)", () => {
    for (const other of ["evil.com", "hatti.pk.evil.com", "xhatti.pk"]) expect(resolveHost(other, root), other).toEqual({ kind: "custom", host: other });
  });
});

describe("slugs", () => {
  it("accepts 3 to 30 of a-z, 0-9 and inner hyphens", () => {
    for (const ok of ["abc", "ayesha-kitchen", "a1b", "x".repeat(30)]) expect(slugProblem(ok), ok).toBeNull();
    for (const bad of ["ab", "x".repeat(31), "-abc", "abc-", "a--b", "Abc", "ab_c", "آئشہ", "ab c", "аbc" /* Cyrillic a */]) {
      expect(slugProblem(bad), bad).toBe("invalid");
    }
  });
  it("keeps reserved names away from sellers", () => {
    // Whole names here; words reserved as parts of an address are tested in shop-addresses.
    for (const r of ["www", "admin", "app", "api", "mail", "static", "assets", "help", "support", "blog"]) {
      expect(slugProblem(r)).toBe("reserved");
    }
  });
  it("suggests a slug from a shop name", () => {
    expect(suggestSlug("Ayesha's Kitchen!")).toBe("ayeshas-kitchen");
    expect(suggestSlug("  Café  Noor  ")).toBe("cafe-noor");
    expect(suggestSlug("زینب بوتیک")).toBe("zainab-boutique");
    expect(suggestSlug("Admin")).toBe("my-shop");
    expect(suggestSlug("Blog")).toBe("blog-shop");
    expect(slugProblem(suggestSlug("A very long shop name that goes on and on forever"))).toBeNull();
    expect(alternativeSlugs("ayesha").every((s) => slugProblem(s) === null)).toBe(true);
  });
});

describe("hosts end to end", () => {
  it("an unknown subdomain gets a friendly 404 with a link to create that shop", async () => {
    const res = await new Client().get("https://no-such-shop.hatti.test/");
    expect(res.status).toBe(404);
    expect(res.text).toContain("There is no shop called");
    expect(res.text).toContain("/signup?slug=no-such-shop");
  });
  it("a reserved subdomain gets a 404 without the create link", async () => {
    const res = await new Client().get("https://api.hatti.test/");
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("/signup?slug=");
  });
  it("a host that is not ours gets a 400 page", async () => {
    const res = await exports.default.fetch("https://evil.example/");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Unknown address");
    const deep = await exports.default.fetch("https://a.b.hatti.test/admin");
    expect(deep.status).toBe(400);
  });
  it("www redirects to the root domain", async () => {
    const res = await exports.default.fetch("https://www.hatti.test/login?x=1", { redirect: "manual" });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("https://hatti.test/login?x=1");
  });
  it("a live shop is served on its subdomain with Server-Timing and security headers", async () => {
    const s = await sellerWithShop();
    const res = await new Client().get(`${shopOrigin(s.slug)}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toMatch(/d1q;dur=\d+/);
    expect(res.headers.get("content-security-policy")).toContain("script-src");
    expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline'; style-src 'self'; script");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
  it("the platform's paths do not exist on a shop's host and vice versa", async () => {
    const s = await sellerWithShop();
    const admin = await s.client.get(`${shopOrigin(s.slug)}/admin/${s.slug}`);
    expect(admin.status).toBe(404);
    const signup = await new Client().get(`${shopOrigin(s.slug)}/signup`);
    expect(signup.status).toBe(404);
    expect((await new Client().get(`${ROOT}/products/x`)).status).toBe(404);
  });
});
