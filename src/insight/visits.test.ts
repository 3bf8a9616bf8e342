/**
 * Visits on the storefront, end to end through the Worker: a page view costs the page no D1
 * round trip (Server-Timing d1q), cached pages stay cached and carry the same headers, only a
 * person's page views arriving from outside the shop count, and the 100th visit flushes the
 * isolate's tally in the background as one upsert.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { karachiDate } from "../orders/dates";
import { Client } from "../../test/helpers";
import { seedShop, type SeededShop } from "../../test/storefront-fixtures";
import { visitTally } from "./tally";

const ANDROID = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const d1q = (res: { headers: Headers }) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1]);
const person = (referer?: string): Record<string, string> => ({ "user-agent": ANDROID, "sec-fetch-dest": "document", ...(referer ? { referer } : {}) });

const visitRows = (shopId: number) =>
  env.DB.prepare("SELECT day, source, n FROM shop_visits WHERE shop_id = ? ORDER BY source").bind(shopId).all<{ day: string; source: string; n: number }>().then((r) => r.results);

/** Waits for the background flush (waitUntil) to land: polls the table, never asserts a time. */
async function flushed(shopId: number, total: number) {
  for (let i = 0; i < 200; i++) {
    const rows = await visitRows(shopId);
    if (rows.reduce((s, r) => s + r.n, 0) >= total) return rows;
    await new Promise((r) => setTimeout(r, 10));
  }
  return visitRows(shopId);
}

/** The headers a cache or a browser acts on. */
const cacheHeaders = (h: Headers) => ({
  "cache-control": h.get("cache-control"),
  "set-cookie": h.get("set-cookie"),
  vary: h.get("vary"),
  "x-cache": h.get("x-cache"),
  "content-type": h.get("content-type"),
});

let shop: SeededShop;
beforeEach(async () => {
  shop = await seedShop();
  await new Client().get(`${shop.origin}/robots.txt`); // the shop record is now in the isolate
  visitTally.take();
});

describe("counting a visit", () => {
  it("costs the page no D1 round trip, cached or not, and leaves a cached page cached with the same headers", async () => {
    const url = `${shop.origin}/products/${shop.optionsProduct}`;
    const first = await new Client().get(url, person("https://wa.me/"));
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("miss");
    expect(d1q(first)).toBe(1); // the page's own one round trip, as before
    expect(visitTally.pending).toBe(1);

    const counted = await new Client().get(url, person("https://www.instagram.com/"));
    expect(counted.headers.get("x-cache")).toBe("hit");
    expect(d1q(counted)).toBe(0);
    expect(visitTally.pending).toBe(2);

    // A machine's view of the same page is not counted: the headers are the same.
    const machine = await new Client().get(url);
    expect(visitTally.pending).toBe(2);
    expect(cacheHeaders(counted.headers)).toEqual(cacheHeaders(machine.headers));
    expect(counted.headers.get("set-cookie")).toBeNull();
    expect(counted.text).toBe(machine.text);
  });

  it("flushes the tally at the 100th visit, in the background: that page too costs no round trip", async () => {
    const home = `${shop.origin}/`;
    const product = `${shop.origin}/products/${shop.productSlugs[0]}`;
    const pages: [string, Record<string, string>][] = [
      ...Array.from({ length: 60 }, (): [string, Record<string, string>] => [home, person("https://wa.me/")]),
      ...Array.from({ length: 25 }, (): [string, Record<string, string>] => [`${product}?utm_source=ig`, person()]),
      ...Array.from({ length: 14 }, (): [string, Record<string, string>] => [product, person()]),
    ];
    for (const [url, headers] of pages) expect((await new Client().get(url, headers)).status).toBe(200);
    expect(visitTally.pending).toBe(99);
    expect(await visitRows(shop.shopId)).toEqual([]); // nothing written yet

    const hundredth = await new Client().get(home, person("https://www.google.com.pk/"));
    expect(hundredth.headers.get("x-cache")).toBe("hit");
    expect(d1q(hundredth)).toBe(0);
    const day = karachiDate(Date.now());
    expect(await flushed(shop.shopId, 100)).toEqual([
      { day, source: "direct", n: 14 },
      { day, source: "google", n: 1 },
      { day, source: "instagram", n: 25 },
      { day, source: "whatsapp", n: 60 },
    ]);
    expect(visitTally.pending).toBe(0);
  });

  it("counts only a person's HTML page views from outside the shop", async () => {
    const url = `${shop.origin}/collections/${shop.collectionSlug}`;
    const token = `tok${shop.shopId}x0123456789abcdefghij`;
    await env.DB.prepare(
      `INSERT INTO orders (shop_id, number, token, idempotency_key, payment_method, customer_name, customer_phone, city, address, subtotal, total, currency)
       VALUES (?, 1001, ?, ?, 'cod', 'Ayesha Bibi', '+923001234567', 'Lahore', 'House 12, Street 4, Gulberg III', 450000, 475000, 'PKR')`,
    )
      .bind(shop.shopId, token, `idem-${token}`)
      .run();
    const c = new Client();
    expect((await c.get(`${shop.origin}/orders/${token}`, person())).status).toBe(200);
    expect(visitTally.pending, "her order's status page, opened from the message").toBe(0);
    const notCounted: [string, () => Promise<{ status: number }>][] = [
      ["a page of the shop opened from another of its pages", () => c.get(url, person(`${shop.origin}/`))],
      ["a crawler", () => c.get(url, { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" })],
      ["WhatsApp's link preview", () => c.get(url, { "user-agent": "WhatsApp/2.24.1.6 A" })],
      ["a prefetch", () => c.get(url, { ...person(), "sec-purpose": "prefetch" })],
      ["a HEAD", () => c.fetch(url, { method: "HEAD", headers: person() })],
      ["a missing page (404)", () => c.get(`${shop.origin}/products/no-such-thing`, person())],
      ["robots.txt (not HTML)", () => c.get(`${shop.origin}/robots.txt`, person())],
      ["the sitemap (not HTML)", () => c.get(`${shop.origin}/sitemap.xml`, person())],
    ];
    for (const [what, request] of notCounted) {
      await request();
      expect(visitTally.pending, what).toBe(0);
    }
    // The cart is a page of the shop: a visit when she lands on it from outside.
    expect((await c.get(`${shop.origin}/cart`, person("https://m.facebook.com/"))).status).toBe(200);
    expect(visitTally.take()).toEqual([{ shopId: shop.shopId, day: karachiDate(Date.now()), source: "facebook", n: 1 }]);
  });
});
