/**
 * The installable admin, as the Worker serves it: the manifest (Android Chrome's install
 * criteria), its two PNG icons (sizes read from their headers), the service worker with its
 * headers and strings, the offline page in every language, every admin page linking them, the
 * CSP letting the worker and manifest load, and log-out clearing what the phone kept.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Client, ROOT, sellerWithShop } from "../../test/helpers";
import sw from "../client/sw.gen";
import { baseCss, baseCssHref } from "../ui/styles";

/** A PNG's signature and its IHDR's width and height. */
function pngHead(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    signature: [...bytes.subarray(0, 8)].join(","),
    type: new TextDecoder().decode(bytes.subarray(12, 16)),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
}

describe("the manifest and icons", () => {
  it("are served to anyone (a browser fetches the manifest without cookies), with what install needs", async () => {
    const res = await new Client().get(`${ROOT}/admin/manifest.webmanifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/manifest+json; charset=utf-8");
    const m = JSON.parse(res.text) as Record<string, unknown> & { icons: { src: string; sizes: string; type: string; purpose: string }[] };
    expect(m).toMatchObject({ id: "/admin/", name: "Hatti: my shop", short_name: "Hatti", start_url: "/admin/", scope: "/admin/", display: "standalone", theme_color: "#0f5c4d" });
    expect(m.icons.map((i) => `${i.sizes} ${i.type} ${i.purpose}`)).toEqual(["192x192 image/png any", "512x512 image/png any", "512x512 image/png maskable"]);
    for (const icon of m.icons) {
      expect(icon.src).toMatch(/^\/admin\/icon-(192|512)\.png\?v=[0-9a-f]{10}$/);
      const got = await exports.default.fetch(new Request(`${ROOT}${icon.src}`));
      expect(got.status).toBe(200);
      expect(got.headers.get("content-type")).toBe("image/png");
      expect(got.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const size = Number(icon.sizes.split("x")[0]);
      expect(pngHead(new Uint8Array(await got.arrayBuffer()))).toEqual({ signature: "137,80,78,71,13,10,26,10", type: "IHDR", width: size, height: size });
    }
  });

  it("are linked from every admin page, with the theme colour and the iPhone's icon", async () => {
    const s = await sellerWithShop();
    for (const path of ["", "/orders", "/products", "/shop", "/settings"]) {
      const page = await s.client.get(`${ROOT}/admin/${s.slug}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain('<link rel="manifest" href="/admin/manifest.webmanifest"/>');
      expect(page.text, path).toMatch(/<link rel="apple-touch-icon" href="\/admin\/icon-192\.png\?v=[0-9a-f]{10}"\/>/);
      expect(page.text, path).toContain('<meta name="theme-color" content="#0f5c4d"/>');
      // The base stylesheet linked at its version, not carried by the page.
      expect(page.text, path).toContain(`<link rel="stylesheet" href="${baseCssHref}"/>`);
      expect(page.text, path).not.toContain(baseCss.slice(0, 200));
      const csp = page.headers.get("content-security-policy")!;
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("manifest-src 'self'");
    }
  });
});

describe("the service worker", () => {
  it("is served at /admin/sw.js as JavaScript, never from a stale cache, scoped to /admin/, with its strings", async () => {
    const res = await new Client().get(`${ROOT}/admin/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("service-worker-allowed")).toBe("/admin/");
    expect(res.text.endsWith(sw.code)).toBe(true);
    const strings = JSON.parse(/^self\.HATTI_SW=(.*);\n/.exec(res.text)![1]!) as { copy: Record<string, { text: string; intl: string }>; icon: string };
    expect(strings.copy.en).toEqual({ text: "Offline copy, saved at {time}", intl: "en-PK" });
    expect(strings.copy.ur).toEqual({ text: "آف لائن نقل، محفوظ کی گئی {time}", intl: "ur-PK" });
    expect(strings.icon).toMatch(/^\/admin\/icon-192\.png\?v=/);
    expect((strings as { css?: string }).css).toBe(baseCssHref);
  });

  it("serves the admin's stylesheet a year at its version, and today's without keeping it at any other", async () => {
    expect(baseCssHref).toMatch(/^\/admin\/app\.css\?v=[0-9a-f]{8}$/);
    const res = await new Client().get(`${ROOT}${baseCssHref}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.text).toBe(baseCss);
    for (const other of ["/admin/app.css?v=00000000", "/admin/app.css"]) {
      const old = await new Client().get(`${ROOT}${other}`);
      expect(old.status, other).toBe(200);
      expect(old.headers.get("cache-control"), other).toBe("no-cache");
      expect(old.text, other).toBe(baseCss);
    }
    // The platform's own pages (a first visit) still carry it inline: no render-blocking request.
    const landing = await new Client().get(`${ROOT}/`);
    expect(landing.text).toContain(baseCss.slice(0, 200));
    expect(landing.text).not.toContain("/admin/app.css");
  });

  it("has an offline page in English and Urdu (right to left), without the account's data", async () => {
    const res = await new Client().get(`${ROOT}/admin/offline`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<section class="card" lang="en" dir="ltr">');
    expect(res.text).toContain('<section class="card" lang="ur" dir="rtl">');
    expect(res.text).toContain("You are offline");
    expect(res.text).toContain("آپ آف لائن ہیں");
  });

  it("log-out tells the browser to clear what it kept for the account (pages, the worker, its push subscription)", async () => {
    const s = await sellerWithShop();
    const out = await s.client.post(`${ROOT}/logout`, {});
    expect(out.status).toBe(303);
    expect(out.headers.get("clear-site-data")).toBe('"cache", "storage"');
  });
});
