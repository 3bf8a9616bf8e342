/**
 * The storefront page cache: warm pages skip D1, a seller's edit shows within 5 seconds, and
 * nothing personal (cart, checkout, order status) is ever cached or shared. Time is moved with
 * vitest's fake clock, never waited for.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SHOP_STALE_MS } from "../tenancy/shop-cache";
import { Client, shopD1 } from "../../test/helpers";
import { appRoutes } from "../../test/security-routes";
import { seedShop } from "../../test/storefront-fixtures";

const d1Queries = (res: { headers: Headers }) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1]);

afterEach(() => {
  vi.useRealTimers();
});

describe("page cache", () => {
  it("is declared on each route that may use it: the browse pages, never a personal one", () => {
    const cached = appRoutes()
      .filter((r) => r.handlerName === "cachedPage")
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(cached).toEqual(
      ["/", "/collections/:slug", "/pages/:slug", "/products/:slug", "/robots.txt", "/search", "/sitemap.xml"].map((p) => `GET /_s${p === "/" ? "" : p}`).sort(),
    );
  });

  it("serves a warm page without touching D1", async () => {
    const s = await seedShop();
    const c = new Client();
    await c.get(`${s.origin}/robots.txt`); // the shop record is now in the isolate
    const first = await c.get(`${s.origin}/products/${s.optionsProduct}`);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("miss");
    expect(d1Queries(first)).toBe(1);
    const again = await new Client().get(`${s.origin}/products/${s.optionsProduct}`);
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(d1Queries(again)).toBe(0);
    expect(again.text).toBe(first.text);
  });

  it("shows a seller's edit within 5 seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const s = await seedShop();
    const url = `${s.origin}/products/${s.optionsProduct}`;
    const before = await new Client().get(url);
    expect((await new Client().get(url)).headers.get("x-cache")).toBe("hit");

    // An edit from another isolate: the row changes and the shop's version is bumped, but this
    // isolate's caches are not told.
    await (await shopD1(s.shopId)).prepare("UPDATE products SET title = 'Renamed by the seller' WHERE shop_id = ? AND slug = ?").bind(s.shopId, s.optionsProduct).run();
    await (await shopD1(s.shopId)).prepare("UPDATE shops SET version = version + 1 WHERE id = ?").bind(s.shopId).run();

    vi.setSystemTime(Date.now() + SHOP_STALE_MS);
    expect(SHOP_STALE_MS).toBeLessThanOrEqual(5_000);
    const after = await new Client().get(url);
    expect(after.text).toContain("Renamed by the seller");
    expect(before.text).not.toContain("Renamed by the seller");
  });

  it("keys pages by shop and URL: two shops never share an entry", async () => {
    const a = await seedShop();
    const b = await seedShop();
    const pa = await new Client().get(`${a.origin}/`);
    const pb = await new Client().get(`${b.origin}/`);
    expect(pb.headers.get("x-cache")).toBe("miss");
    expect(pa.text).not.toBe(pb.text);
    expect(pb.text).toContain(b.origin);
  });

  it("never caches or shares a cart, checkout or order page", async () => {
    const s = await seedShop();
    const variant = await (await shopD1(s.shopId)).prepare("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.shop_id = ? AND v.stock > 0 LIMIT 2").bind(s.shopId).all<{ id: number }>();
    const [v1, v2] = variant.results.map((r) => r.id);
    const alice = new Client();
    const bob = new Client();
    await alice.post(`${s.origin}/cart/add`, { variant: String(v1), quantity: "1" }, { csrf: false });
    await bob.post(`${s.origin}/cart/add`, { variant: String(v2), quantity: "2" }, { csrf: false });
    for (const path of ["/cart", "/cart", "/checkout"]) {
      const ra = await alice.get(`${s.origin}${path}`);
      const rb = await bob.get(`${s.origin}${path}`);
      expect(ra.headers.get("x-cache"), path).toBeNull();
      expect(rb.headers.get("x-cache"), path).toBeNull();
      expect(ra.headers.get("cache-control") ?? "", path).toMatch(/no-store/);
      expect([ra.status, rb.status], path).toEqual([200, 200]);
      expect(ra.text, path).not.toBe(rb.text);
    }
    const order = await new Client().get(`${s.origin}/orders/doesnotexist0000000000000`);
    expect(order.headers.get("x-cache")).toBeNull();
  });

  it("is bypassed by the bench switch", async () => {
    const s = await seedShop();
    const url = `${s.origin}/`;
    await new Client().get(url);
    const original = env.CACHE_DISABLED;
    (env as { CACHE_DISABLED?: string }).CACHE_DISABLED = "1";
    try {
      const res = await new Client().get(url);
      expect(res.headers.get("x-cache")).toBeNull();
      expect(d1Queries(res)).toBe(1);
    } finally {
      (env as { CACHE_DISABLED?: string }).CACHE_DISABLED = original;
    }
  });
});
