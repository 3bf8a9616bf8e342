/**
 * /media serving from R2: content type by extension, ETag and 304, immutable caching, nosniff,
 * and a shop serves only its own photos.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sellerWithShop, shopOrigin } from "../../test/helpers";

let a: { slug: string; shopId: number };
let b: { slug: string; shopId: number };
const H1 = "a".repeat(63) + "1";
const bytes = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);

beforeAll(async () => {
  a = await sellerWithShop();
  b = await sellerWithShop();
  await env.MEDIA.put(`shops/${a.shopId}/${H1}/640.webp`, bytes);
  await env.MEDIA.put(`shops/${a.shopId}/${H1}/640.jpg`, bytes);
  await env.MEDIA.put(`shops/${b.shopId}/${H1}/640.png`, bytes);
});

const fetchMedia = (slug: string, key: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(new Request(`${shopOrigin(slug)}/media/${key}`, { headers }));

describe("/media", () => {
  it("serves a photo with its type, ETag, an immutable year-long cache and nosniff", async () => {
    const res = await fetchMedia(a.slug, `shops/${a.shopId}/${H1}/640.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const jpg = await fetchMedia(a.slug, `shops/${a.shopId}/${H1}/640.jpg`);
    expect(jpg.headers.get("content-type")).toBe("image/jpeg");
    await jpg.arrayBuffer();
  });

  it("answers 304 with no body when If-None-Match carries the ETag", async () => {
    const first = await fetchMedia(a.slug, `shops/${a.shopId}/${H1}/640.webp`);
    const etag = first.headers.get("etag")!;
    await first.arrayBuffer();
    const again = await fetchMedia(a.slug, `shops/${a.shopId}/${H1}/640.webp`, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toContain("immutable");
    expect(await again.text()).toBe("");
    const stale = await fetchMedia(a.slug, `shops/${a.shopId}/${H1}/640.webp`, { "if-none-match": '"other"' });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it("never serves another shop's photo, a missing one, or a key outside the pattern", async () => {
    for (const key of [
      `shops/${b.shopId}/${H1}/640.png`, // b's photo on a's host
      `shops/${a.shopId}/${H1}/320.webp`, // not stored
      `shops/${a.shopId}/${H1}/640.svg`,
      `shops/${a.shopId}/${H1}/640.html`,
      `shops/${a.shopId}/../${b.shopId}/${H1}/640.png`,
      `shops/${a.shopId}/${H1.slice(1)}/640.webp`,
    ]) {
      const res = await fetchMedia(a.slug, key);
      expect(res.status, key).toBe(404);
      await res.arrayBuffer();
    }
    const own = await fetchMedia(b.slug, `shops/${b.shopId}/${H1}/640.png`);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/png");
    await own.arrayBuffer();
  });
});
