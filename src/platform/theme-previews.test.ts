import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { THEMES } from "../../themes";
import { Client, ROOT, signUp, uniq } from "../../test/helpers";
import { PREVIEW_SIZE, previewUrl } from "./theme-previews";

/** A JPEG's size from its first start-of-frame marker. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xc2) return { height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]! };
    i += 2 + length;
  }
  return null;
}

describe("theme previews (scripts/build-previews.mjs)", () => {
  it.each(THEMES.map((t) => t.manifest.id))("has a phone picture of %s's demo shop, served as a JPEG with a year's cache", async (id) => {
    const url = previewUrl(id);
    expect(url, `${id}: run node scripts/build-previews.mjs`).toMatch(new RegExp(`^/theme-preview/${id}-[0-9a-f]{10}\\.jpg$`));
    const res = await exports.default.fetch(new Request(`${ROOT}${url}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(jpegSize(bytes)).toEqual(PREVIEW_SIZE);
    // A few KB: the wizard shows five of them on a phone.
    expect(bytes.length).toBeLessThan(16_000);
  });

  it("answers 404 for a stale hash or an unknown theme", async () => {
    const stale = previewUrl(THEMES[0]!.manifest.id)!.replace(/-[0-9a-f]{10}\.jpg$/, "-0000000000.jpg");
    for (const path of [stale, "/theme-preview/nosuch-0123456789.jpg", "/theme-preview/classic.jpg"]) {
      expect((await new Client().get(`${ROOT}${path}`)).status, path).toBe(404);
    }
  });

  it.each(["en", "ur"] as const)("shows every theme's picture in the wizard's theme step (%s), sized, lazy, with alt text", async (locale) => {
    const s = await signUp();
    if (locale === "ur") await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    const slug = uniq("looks");
    const html = (await s.client.get(`${ROOT}/start/theme?name=Looks&slug=${slug}`)).text;
    for (const t of THEMES) {
      const img = new RegExp(`<img src="${previewUrl(t.manifest.id)}" width="${PREVIEW_SIZE.width / 2}" height="${PREVIEW_SIZE.height / 2}" loading="lazy" decoding="async" alt="([^"]+)"`).exec(html);
      expect(img, t.manifest.id).not.toBeNull();
      expect(img![1]).toContain(t.manifest.name[locale]);
    }
  });
});
