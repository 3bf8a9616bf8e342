import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sniffImage } from "./sniff";
import { Client, ROOT, sellerWithShop, shopOrigin } from "../../test/helpers";
import { addProduct, all, inShop, one, postMultipart, type Shop } from "../../test/admin-helpers";
import { ascii, concat, jpeg, png, webp } from "../../test/media-fixtures";

const objects = async (shopId: number) => (await env.MEDIA.list({ prefix: `shops/${shopId}/` })).objects.map((o) => o.key).sort();
const blob = (b: Uint8Array, type: string) => new Blob([b as Uint8Array<ArrayBuffer>], { type });

async function uploadSet(s: Shop, productId: number, files: Record<string, Blob>, json = true) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(files)) fd.append(k, v, `${k}.bin`);
  return postMultipart(s.client, `${ROOT}/admin/${s.slug}/products/${productId}/photos`, fd, json ? { accept: "application/json" } : {});
}

describe("sniffing by bytes", () => {
  it("reads the size of PNG, JPEG and WebP and refuses everything else", async () => {
    expect(sniffImage(await png(30, 20))).toEqual({ format: "png", width: 30, height: 20 });
    expect(sniffImage(jpeg(1280, 853))).toEqual({ format: "jpeg", width: 1280, height: 853 });
    expect(sniffImage(webp(640, 480))).toEqual({ format: "webp", width: 640, height: 480 });
    expect(sniffImage(ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBe("media.notImage");
    expect(sniffImage(ascii("GIF89a........"))).toBe("media.notImage");
    expect(sniffImage(jpeg(10, 10, concat([new Uint8Array([0xff, 0xfe, 0x00, 0x20]), ascii("<html><script>x</script></h")])))).toBe("media.markup");
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("media.corrupt");
  });
});

describe("photo upload", () => {
  it("stores the browser's resized WebP widths under the shop's content-hashed key and records the size", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s);
    const res = await uploadSet(s, id, { w320: blob(webp(320, 240), "image/webp"), w640: blob(webp(640, 480), "image/webp"), w1280: blob(webp(1280, 960), "image/webp") });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true });
    const row = (await inShop(s.shopId).one<{ key: string; widths: string; width: number; height: number; format: string }>("SELECT key, widths, width, height, format FROM product_images WHERE product_id = ?", id))!;
    expect(row).toMatchObject({ widths: "320,640,1280", width: 1280, height: 960, format: "webp" });
    expect(row.key).toMatch(new RegExp(`^shops/${s.shopId}/[a-f0-9]{64}$`));
    expect(await objects(s.shopId)).toEqual([`${row.key}/1280.webp`, `${row.key}/320.webp`, `${row.key}/640.webp`]);
    // The storefront serves it as WebP; the admin list shows it through its own proxy.
    const media = await exports_fetch(`${shopOrigin(s.slug)}/media/${row.key}/640.webp`);
    expect(media.status).toBe(200);
    expect(media.headers.get("content-type")).toBe("image/webp");
    const proxied = await s.client.get(`${ROOT}/admin/${s.slug}/media/${row.key}/320.webp`);
    expect(proxied.status).toBe(200);
  });

  it("shows each product's own first photo in the list", async () => {
    const s = await sellerWithShop();
    const first = await addProduct(s, { title: "No photo" });
    const second = await addProduct(s, { title: "With photo" });
    await uploadSet(s, second, { w320: blob(webp(320, 200), "image/webp") });
    await uploadSet(s, first, { w640: blob(webp(640, 400), "image/webp") });
    const key = (id: number) => inShop(s.shopId).one<{ key: string }>("SELECT key FROM product_images WHERE product_id = ?", id);
    const list = await s.client.get(`${ROOT}/admin/${s.slug}/products`);
    const srcs = [...list.text.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs).toEqual([`/admin/${s.slug}/media/${(await key(second))!.key}/320.webp`, `/admin/${s.slug}/media/${(await key(first))!.key}/640.webp`]);
  });

  it("accepts one plain image from the form without JavaScript", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s);
    const res = await uploadSet(s, id, { photo: blob(await png(50, 40), "image/png") }, false);
    expect(res.status).toBe(303);
    expect(res.location).toContain(`/products/${id}?done=photo`);
    expect(await inShop(s.shopId).one("SELECT widths, width, height, format FROM product_images WHERE product_id = ?", id)).toEqual({ widths: "50", width: 50, height: 40, format: "png" });
    expect((await objects(s.shopId)).length).toBe(1);
    const page = await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`);
    expect(page.text).toContain(`/admin/${s.slug}/media/shops/${s.shopId}/`);
  });

  const bad: [string, () => Promise<Record<string, Blob>> | Record<string, Blob>, number, string][] = [
    ["a text file", () => ({ photo: blob(ascii("just some notes"), "image/jpeg") }), 400, "This file is not a photo"],
    ["an SVG", () => ({ photo: blob(ascii('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "image/svg+xml") }), 400, "This file is not a photo"],
    ["HTML named .jpg", () => ({ photo: blob(ascii("<!doctype html><script>alert(document.cookie)</script>"), "image/jpeg") }), 400, "This file is not a photo"],
    ["a JPEG/HTML polyglot", () => ({ photo: blob(jpeg(100, 100, concat([new Uint8Array([0xff, 0xfe, 0x00, 0x30]), ascii("<script>alert(1)</script>.....................")])), "image/jpeg") }), 400, "web code hidden"],
    ["a width file over 1.5 MB", () => ({ w1280: blob(webp(1280, 960, 1_600_000), "image/webp") }), 413, "too big"],
    ["a plain upload over 5 MB", () => ({ photo: blob(webp(1280, 960, 5_300_000), "image/webp") }), 413, "too big"],
    ["absurd dimensions", () => ({ w1280: blob(webp(5000, 5000), "image/webp") }), 400, "too large"],
    ["a file whose bytes are not the width it claims", () => ({ w640: blob(webp(320, 240), "image/webp") }), 400, "do not match"],
  ];
  for (const [name, make, status, message] of bad) {
    it(`refuses ${name} with a clear message and stores nothing`, async () => {
      const s = await sellerWithShop();
      const id = await addProduct(s);
      const res = await uploadSet(s, id, await make());
      expect(res.status).toBe(status);
      expect(JSON.parse(res.text).error).toContain(message);
      expect(await all("SELECT id FROM product_images WHERE shop_id = ?", s.shopId)).toEqual([]);
      expect(await objects(s.shopId)).toEqual([]);
      // Without JavaScript the edit page shows the same message, the product form intact.
      const plain = await uploadSet(s, id, await make(), false);
      expect(plain.status).toBe(303);
      const page = await s.client.get(`${ROOT}${plain.location}`);
      expect(page.text).toContain(message);
      expect(page.text).toContain('value="Lawn suit"');
    });
  }

  it("deletes a photo's objects with it, and a product's objects with the product (shared bytes survive)", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s);
    await uploadSet(s, id, { w320: blob(webp(320, 240), "image/webp"), w640: blob(webp(640, 480), "image/webp") });
    await uploadSet(s, id, { photo: blob(await png(60, 40), "image/png") });
    expect((await objects(s.shopId)).length).toBe(3);
    const imgs = await inShop(s.shopId).all<{ id: number; key: string }>("SELECT id, key FROM product_images WHERE product_id = ? ORDER BY position", id);
    // Reorder, then delete the PNG.
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/photos/${imgs[1]!.id}/move`, { dir: "up" })).status).toBe(303);
    expect((await inShop(s.shopId).one<{ id: number }>("SELECT id FROM product_images WHERE product_id = ? ORDER BY position LIMIT 1", id))!.id).toBe(imgs[1]!.id);
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/photos/${imgs[1]!.id}/delete`, {})).status).toBe(303);
    expect((await objects(s.shopId)).length).toBe(2);
    // A duplicate shares the WebP objects: deleting the original keeps them for the copy.
    const dup = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/duplicate`, {});
    const copy = Number(/products\/(\d+)/.exec(dup.location!)![1]);
    await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/delete`, {});
    expect((await objects(s.shopId)).length).toBe(2);
    await s.client.post(`${ROOT}/admin/${s.slug}/products/${copy}/delete`, {});
    expect(await objects(s.shopId)).toEqual([]);
    expect(await all("SELECT id FROM product_images WHERE shop_id = ?", s.shopId)).toEqual([]);
  });
});

async function exports_fetch(url: string) {
  return new Client().fetch(url);
}
