/**
 * Hostile uploads (extends media-upload.test.ts): HTML claiming image/jpeg, SVG, JPEG and
 * GIF polyglots, a PNG declaring 100000 x 100000 pixels, a truncated JPEG, and 50 MB bodies.
 * Each is refused with a clear message through both upload routes (product photos, theme logo)
 * and R2 holds nothing new afterwards; the 50 MB body is refused without being read.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ROOT, TEST_CSRF, sellerWithShop } from "./helpers";
import { addProduct, all, postMultipart } from "./admin-helpers";
import { ascii, concat, crc32, jpeg, png } from "./media-fixtures";

const r2Keys = async () => (await env.MEDIA.list()).objects.map((o) => o.key).sort();
const be32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const pngChunk = (type: string, data: Uint8Array) => {
  const td = concat([ascii(type), data]);
  return concat([be32(data.length), td, be32(crc32(td))]);
};

/** A 60-byte PNG whose IHDR claims 100000 x 100000 pixels (30 GB decoded): a decompression bomb. */
function bombPng(): Uint8Array {
  const ihdr = concat([be32(100_000), be32(100_000), new Uint8Array([8, 2, 0, 0, 0])]);
  const idat = new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
  return concat([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", ihdr), pngChunk("IDAT", idat), pngChunk("IEND", new Uint8Array())]);
}

const files: [string, () => Promise<[Uint8Array, string]> | [Uint8Array, string], string][] = [
  ["HTML claiming image/jpeg", () => [ascii("<html><body><script>fetch('/admin').then(r=>r.text()).then(alert)</script></body></html>"), "image/jpeg"], "not a photo"],
  ["an SVG with script", () => [ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'), "image/svg+xml"], "not a photo"],
  ["an SVG named .png", () => [ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'), "image/png"], "not a photo"],
  ["a valid JPEG followed by HTML/JS", () => [concat([jpeg(200, 100), ascii("<html><script>alert(1)</script></html>")]), "image/jpeg"], "web code"],
  ["a PNG with script in a text chunk", async () => {
    const p = await png(8, 8);
    return [concat([p.subarray(0, p.length - 12), pngChunk("tEXt", ascii("Comment\0<script>alert(1)</script>")), p.subarray(p.length - 12)]), "image/png"];
  }, "web code"],
  ["a GIF/JS polyglot", () => [ascii("GIF89a/*\x01\x00\x01\x00\x00\xff\x00,*/=alert(document.cookie);//\x00\x00\x00\x00;"), "image/gif"], "not a photo"],
  ["a PNG declaring 100000 x 100000 pixels", () => [bombPng(), "image/png"], "too large"],
  ["a truncated JPEG (SOI and a partial header, no frame)", () => [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01]), "image/jpeg"], "damaged"],
];

describe("hostile photo uploads", () => {
  for (const [name, make, message] of files) {
    it(`refuses ${name} on the product photo route and the theme logo, storing nothing`, async () => {
      const s = await sellerWithShop();
      const id = await addProduct(s);
      const before = await r2Keys();
      const [bytes, type] = await make();
      for (const field of ["photo", "w320"]) {
        const fd = new FormData();
        fd.append(field, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), field === "photo" ? "holiday.jpg" : "320.webp");
        const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/products/${id}/photos`, fd, { accept: "application/json" });
        expect(res.status, field).toBe(400);
        expect(JSON.parse(res.text).error, field).toContain(message);
      }
      // Without JavaScript: back to the edit page, which says why.
      const fd = new FormData();
      fd.append("photo", new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), "holiday.jpg");
      const plain = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/products/${id}/photos`, fd);
      expect(plain.status).toBe(303);
      expect((await s.client.get(`${ROOT}${plain.location}`)).text).toContain(message);
      // The theme logo upload refuses it too, keeping the form.
      const theme = new FormData();
      theme.append("theme", "classic");
      theme.append("has_logo", "1");
      theme.append("s_logo", "");
      theme.append("file_logo", new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), "logo.png");
      const logo = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/theme`, theme);
      expect(logo.status).toBe(400);
      expect(logo.text).toContain(message);
      expect(await all("SELECT id FROM product_images WHERE shop_id = ?", s.shopId)).toEqual([]);
      expect(await r2Keys()).toEqual(before);
    });
  }
});

describe("huge bodies", () => {
  /** A 50 MB multipart-looking body that counts how much of it the Worker pulls. */
  function hugeBody(total: number) {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (sent >= total) return ctrl.close();
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        ctrl.enqueue(n === chunk.length ? chunk : chunk.subarray(0, n));
      },
    });
    return { stream, sent: () => sent };
  }

  for (const declared of [true, false]) {
    it(`refuses a 50 MB upload with 413 ${declared ? "from its Content-Length, reading none of it" : "without a Content-Length, stopping after the 6 MB limit"}`, async () => {
      const s = await sellerWithShop();
      const id = await addProduct(s);
      const before = await r2Keys();
      const total = 50 * 1024 * 1024;
      const body = hugeBody(total);
      s.client.cookies(new URL(ROOT).host).set("hatti_csrf", TEST_CSRF);
      const headers: Record<string, string> = { origin: ROOT, "x-csrf-token": TEST_CSRF, "content-type": "multipart/form-data; boundary=xyz" };
      if (declared) headers["content-length"] = String(total);
      const res = await s.client.fetch(`${ROOT}/admin/${s.slug}/products/${id}/photos`, { method: "POST", body: body.stream, headers, duplex: "half" } as RequestInit);
      expect(res.status).toBe(413);
      expect(res.text).toContain("That was too much to send");
      // Streams pull ahead a little; what matters is that 50 MB were never buffered.
      expect(body.sent()).toBeLessThan(declared ? 1024 * 1024 : 8 * 1024 * 1024);
      expect(await r2Keys()).toEqual(before);
    });
  }
});
