/**
 * The location's level of the storefront caches (the Cache API, shared by every isolate there):
 * a cold isolate serves a cached page with no D1 round trip, a seller's edit shows within 5 s,
 * a stale page is served at once and rendered again in the background, and nothing personal
 * lands there. "A cold isolate" is this one with its memory emptied (forgetIsolateCaches); time
 * is moved with vitest's fake clock, never waited for; the background work is awaited through
 * the ExecutionContext.
 */
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { Hono } from "hono";
import { setCookie } from "hono/cookie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../index";
import type { AppEnv, Bindings } from "../env";
import { meteredSource } from "../lib/meter";
import { forgetShopRecords, invalidateShop, SHOP_STALE_MS, SHOP_TTL_MS, storefrontBySlug, type Shop } from "../tenancy/shop-cache";
import { forgetIsolateCaches, PAGE_TTL_MS, pageCache, pageKey, STALE_MAX_MS } from "./page-cache";
import { Client, shopD1 } from "../../test/helpers";
import { seedShop } from "../../test/storefront-fixtures";

const KURTA = "Handmade embroidered chiffon kurta with dupatta for weddings";
const KURTA_UR = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

interface Visit {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
  cache: string | null;
  d1: number;
  ctx: ExecutionContext;
}

/** One request to the Worker; its background work (waitUntil) is awaited unless `wait` is false. */
async function visit(url: string, headers: Record<string, string> = {}, wait = true): Promise<Visit> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(url, { headers, redirect: "manual" }), env as unknown as Bindings, ctx);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (wait) await waitOnExecutionContext(ctx);
  const d1 = Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? 0);
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes), cache: res.headers.get("x-cache"), d1, ctx };
}

const inLocation = async (key: string) => (await caches.open("pages")).match(key);

const rename = async (shopId: number, slug: string, title: string) =>
  (await shopD1(shopId)).prepare("UPDATE products SET title = ? WHERE shop_id = ? AND slug = ?").bind(title, shopId, slug).run();
const bumpVersion = async (shopId: number) => (await shopD1(shopId)).prepare("UPDATE shops SET version = version + 1 WHERE id = ?").bind(shopId).run();

// A frozen clock, moved by the tests: a shop record read "a moment ago" stays fresh however
// slowly the machine runs.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the location's cache (Cache API)", () => {
  it("serves a cold isolate a cached page with no D1 round trip, the stored bytes as they are", async () => {
    const s = await seedShop();
    for (const path of ["/", `/products/${s.optionsProduct}`, `/collections/${s.collectionSlug}`, "/search?q=lawn", "/pages/about", "/sitemap.xml", "/robots.txt"]) {
      const first = await visit(`${s.origin}${path}`);
      expect(first.cache, path).toBe("miss");
      if (path !== "/robots.txt") expect(first.d1, path).toBeGreaterThan(0); // robots.txt has no query
      forgetIsolateCaches();
      const cold = await visit(`${s.origin}${path}`);
      expect(cold.cache, path).toBe("shared");
      expect(cold.headers.get("server-timing"), path).toContain("d1q;dur=0");
      expect(cold.bytes, path).toEqual(first.bytes);
      expect(cold.headers.get("content-type"), path).toBe(first.headers.get("content-type"));
      expect(cold.headers.get("content-security-policy"), path).toBe(first.headers.get("content-security-policy"));
      // ...and the isolate holds it now: the next request does not even ask the location.
      expect((await visit(`${s.origin}${path}`)).cache, path).toBe("hit");
    }
    // A 404 in the shop's style is shared too, with its status.
    await visit(`${s.origin}/products/no-such-product`);
    forgetIsolateCaches();
    const missing = await visit(`${s.origin}/products/no-such-product`);
    expect([missing.status, missing.cache, missing.d1]).toEqual([404, "shared", 0]);
  });

  it("keeps the shop record there: read back whole, with no D1 round trip", async () => {
    const s = await seedShop();
    const level = { origin: s.origin, pending: [] as Promise<unknown>[] };
    const shared = { origin: level.origin, defer: (work: () => Promise<unknown>) => void level.pending.push(work()) };
    // The isolate knows which shard holds the shop (src/tenancy/routes.ts: read once a minute);
    // the first read of a cold route also asks the directory, its cost is not what this measures.
    await storefrontBySlug(meteredSource(env).source, s.slug);
    invalidateShop(s.slug); // read from D1, past anything the location holds
    const fromD1 = meteredSource(env);
    const read = await storefrontBySlug(fromD1.source, s.slug, shared);
    await Promise.all(level.pending);
    expect(fromD1.meter.queries).toBe(1);
    forgetShopRecords();
    const cold = meteredSource(env);
    const again = await storefrontBySlug(cold.source, s.slug, shared);
    expect(cold.meter.queries).toBe(0);
    expect(again).toEqual(read);
    expect(again?.chrome.nav.length).toBeGreaterThan(0);
  });

  it("shows a seller's edit within 5 s everywhere, and no stale page after (controlled clock)", async () => {
    const t0 = Date.now();
    const s = await seedShop();
    const url = `${s.origin}/products/${s.optionsProduct}`;
    await visit(url); // the record and the page, in both levels

    // The seller renames the product in another isolate: the row changes and the version is
    // bumped, but no cache here is told.
    await rename(s.shopId, s.optionsProduct, KURTA);
    await bumpVersion(s.shopId);

    // While the record read at t0 lives, a cold isolate may still serve the old page...
    vi.setSystemTime(t0 + SHOP_TTL_MS - 1);
    forgetIsolateCaches();
    const during = await visit(url);
    expect([during.cache, during.d1]).toEqual(["shared", 0]);
    expect(during.text).not.toContain(KURTA);

    // ...and from SHOP_STALE_MS (5 s: the record is never used older) on, no isolate does, warm
    // (this one) or cold.
    expect(SHOP_STALE_MS).toBeLessThanOrEqual(5_000);
    vi.setSystemTime(t0 + SHOP_STALE_MS);
    const warm = await visit(url);
    expect(warm.text).toContain(KURTA);
    expect(warm.cache).toBe("miss"); // a new version: a new key, rendered (the old page, still within STALE_MAX_MS, is never served)
    forgetIsolateCaches();
    const cold = await visit(url);
    expect(cold.text).toContain(KURTA);
    expect([cold.cache, cold.d1]).toEqual(["shared", 0]);
  });

  it("never makes a visitor wait on D1 for a cached page while the shop's record is under 5 s old: past SHOP_TTL_MS it is read again after the response", async () => {
    const t0 = Date.now();
    const s = await seedShop();
    const url = `${s.origin}/products/${s.optionsProduct}`;
    const first = await visit(url); // the record and the page, in both levels, read at t0
    await rename(s.shopId, s.optionsProduct, KURTA); // an edit in another isolate
    await bumpVersion(s.shopId);

    // A cold isolate, the location's record past its freshness but under SHOP_STALE_MS: the
    // cached page at once, no D1 round trip in the visitor's request (Server-Timing is made with
    // the response; the record's read again is after it).
    vi.setSystemTime(t0 + SHOP_TTL_MS + 500);
    expect(SHOP_TTL_MS + 500).toBeLessThan(SHOP_STALE_MS);
    forgetIsolateCaches();
    const cold = await visit(url, {}, false);
    expect([cold.cache, cold.d1]).toEqual(["shared", 0]);
    expect(cold.bytes).toEqual(first.bytes);
    await waitOnExecutionContext(cold.ctx);

    // The record read after the response carries the new version: the edit shows from the next
    // request, in this isolate and in a cold one (the location has the new record).
    const next = await visit(url);
    expect(next.text).toContain(KURTA);
    forgetIsolateCaches();
    const coldAgain = await visit(url);
    expect([coldAgain.cache, coldAgain.d1]).toEqual(["shared", 0]);
    expect(coldAgain.text).toContain(KURTA);
  });

  it("lets no read after a response undo an edit's drop of the record in this isolate", async () => {
    const t0 = Date.now();
    const s = await seedShop();
    const later: (() => Promise<unknown>)[] = [];
    const shared = { origin: s.origin, defer: (work: () => Promise<unknown>) => void later.push(work) };
    const run = async () => Promise.all(later.splice(0).map((work) => work()));
    invalidateShop(s.slug);
    await storefrontBySlug(meteredSource(env).source, s.slug, shared, t0);
    await run();
    // Past SHOP_TTL_MS: served at once, its read again kept for after the response...
    await storefrontBySlug(meteredSource(env).source, s.slug, shared, t0 + SHOP_TTL_MS + 500);
    expect(later).toHaveLength(1);
    // ...which is under way when the seller's edit here drops the record.
    const inFlight = run();
    invalidateShop(s.slug);
    await inFlight;
    const next = meteredSource(env);
    await storefrontBySlug(next.source, s.slug, shared, t0 + SHOP_TTL_MS + 600);
    expect(next.meter.queries).toBe(1); // the drop stood: read from D1, past anything older
  });

  it("shows the seller her own edit at once in her isolate, past the location's older copy", async () => {
    const seller = await seedShop();
    const url = `${seller.origin}/products/${seller.optionsProduct}`;
    await visit(url);
    await rename(seller.shopId, seller.optionsProduct, KURTA_UR);
    await bumpVersion(seller.shopId);
    invalidateShop(seller.slug); // what the admin does after a write (src/admin/load-shop.ts)
    const after = await visit(url);
    expect(after.text).toContain(KURTA_UR);
    // and the location now holds the new record: a cold isolate shows the edit too, with no D1.
    forgetIsolateCaches();
    const cold = await visit(url);
    expect([cold.cache, cold.d1]).toEqual(["shared", 0]);
    expect(cold.text).toContain(KURTA_UR);
  });

  it("serves a stale page at once and renders it again in the background, up to STALE_MAX_MS", async () => {
    const t0 = Date.now();
    const s = await seedShop();
    const url = `${s.origin}/products/${s.optionsProduct}`;
    const first = await visit(url);

    // What orders change (stock, here a title) changes no version: the page only ages.
    await rename(s.shopId, s.optionsProduct, KURTA);
    vi.setSystemTime(t0 + PAGE_TTL_MS);
    await visit(`${s.origin}/robots.txt`); // a busy shop: its record was read a moment ago
    const stale = await visit(url, {}, false);
    expect([stale.cache, stale.d1]).toEqual(["stale", 0]);
    expect(stale.bytes).toEqual(first.bytes);
    await waitOnExecutionContext(stale.ctx); // the background render lands

    const fresh = await visit(url);
    expect([fresh.cache, fresh.d1]).toEqual(["hit", 0]);
    expect(fresh.text).toContain(KURTA);
    forgetIsolateCaches();
    const cold = await visit(url);
    expect([cold.cache, cold.d1]).toEqual(["shared", 0]);
    expect(cold.text).toContain(KURTA);

    // Too old to be served: rendered in the request.
    await rename(s.shopId, s.optionsProduct, KURTA_UR);
    vi.setSystemTime(t0 + PAGE_TTL_MS + STALE_MAX_MS);
    const old = await visit(url);
    expect(old.cache).toBe("miss");
    expect(old.text).toContain(KURTA_UR);
  });

  it("never keeps a response that sets a cookie, is private or varies", async () => {
    const shop = { id: 2_000_000_001, version: 1 } as Shop;
    const app = new Hono<AppEnv>();
    app.use("*", async (c, next) => {
      c.set("shop", shop);
      await next();
    });
    const cached = pageCache();
    app.get("/cookie", cached, (c) => {
      setCookie(c, "hatti_cart", "secret");
      return c.html("<p>yours</p>");
    });
    app.get("/private", cached, (c) => c.html("<p>yours</p>", 200, { "cache-control": "private" }));
    app.get("/no-store", cached, (c) => c.html("<p>yours</p>", 200, { "cache-control": "no-store" }));
    app.get("/vary", cached, (c) => c.html("<p>yours</p>", 200, { vary: "cookie" }));
    app.get("/public", cached, (c) => c.html("<p>everyone's</p>"));
    for (const path of ["/cookie", "/private", "/no-store", "/vary", "/public"]) {
      const url = `https://edge-test.hatti.test${path}`;
      for (let i = 0; i < 2; i++) {
        const ctx = createExecutionContext();
        const res = await app.fetch(new Request(url), env as unknown as Bindings, ctx);
        await waitOnExecutionContext(ctx);
        expect(res.headers.get("x-cache"), path).toBe(path === "/public" ? (i === 0 ? "miss" : "hit") : null);
      }
      const stored = await inLocation(pageKey(shop, new URL(url)));
      await stored?.body?.cancel();
      expect(stored !== undefined, path).toBe(path === "/public");
    }
  });

  it("gives a customer with a cart the public pages, and nobody anyone's cart, checkout or code link", async () => {
    const s = await seedShop();
    const variants = await (await shopD1(s.shopId)).prepare("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.shop_id = ? AND v.stock > 0 LIMIT 2").bind(s.shopId).all<{ id: number }>();
    const [v1, v2] = variants.results.map((r) => r.id);
    const alice = new Client();
    const bob = new Client();
    await alice.post(`${s.origin}/cart/add`, { variant: String(v1), quantity: "1" }, { csrf: false });
    await bob.post(`${s.origin}/cart/add`, { variant: String(v2), quantity: "2" }, { csrf: false });
    const aliceCookie = alice.cookieHeader(s.origin);
    expect(aliceCookie).toContain("=");

    // A public page, asked for with her cookie: the shared copy, no cookie set.
    const product = `${s.origin}/products/${s.optionsProduct}`;
    const plain = await visit(product);
    forgetIsolateCaches();
    const hers = await visit(product, { cookie: aliceCookie });
    expect([hers.cache, hers.d1]).toEqual(["shared", 0]);
    expect(hers.headers.has("set-cookie")).toBe(false);
    expect(hers.bytes).toEqual(plain.bytes);

    // Her cart and checkout: never in either level; Bob never gets hers.
    for (const path of ["/cart", "/checkout"]) {
      const a = await visit(`${s.origin}${path}`, { cookie: aliceCookie });
      const b = await visit(`${s.origin}${path}`, { cookie: bob.cookieHeader(s.origin) });
      expect([a.cache, b.cache], path).toEqual([null, null]);
      expect(a.text, path).not.toBe(b.text);
      const shop = { id: s.shopId, version: (await (await shopD1(s.shopId)).prepare("SELECT version FROM shops WHERE id = ?").bind(s.shopId).first<number>("version"))! };
      const stored = await inLocation(pageKey(shop, new URL(`${s.origin}${path}`)));
      expect(stored, path).toBeUndefined();
    }

    // A code link is answered with a redirect (setting her cart's code), never kept.
    const link = await visit(`${s.origin}/?code=EID10`, { cookie: aliceCookie });
    expect(link.status).toBe(303);
    expect(link.cache).toBeNull();
    const version = (await (await shopD1(s.shopId)).prepare("SELECT version FROM shops WHERE id = ?").bind(s.shopId).first<number>("version"))!;
    expect(await inLocation(pageKey({ id: s.shopId, version }, new URL(`${s.origin}/?code=EID10`)))).toBeUndefined();
  });

  it("keys a page by host, shop, version and the whole query", () => {
    const shop = { id: 7, version: 3 };
    const keys = [
      pageKey(shop, new URL("https://lawn.hatti.test/search?q=kurta")),
      pageKey(shop, new URL("https://www.her-brand.pk/search?q=kurta")),
      pageKey({ id: 7, version: 4 }, new URL("https://lawn.hatti.test/search?q=kurta")),
      pageKey({ id: 8, version: 3 }, new URL("https://lawn.hatti.test/search?q=kurta")),
      pageKey(shop, new URL("https://lawn.hatti.test/search?q=kurta&sort=price-asc")),
      pageKey(shop, new URL("https://lawn.hatti.test/search")),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
