/**
 * The wizard's theme pictures: each theme's demo shop photographed on a phone by
 * scripts/build-previews.mjs (run by hand) into theme-previews.gen.ts, served here at a URL
 * carrying the picture's hash, so browsers keep it for a year.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import previews from "./theme-previews.gen";

/** The pictures' size in pixels (half of a 390 x 844 phone screen). */
export const PREVIEW_SIZE = { width: 195, height: 422 } as const;

/** The theme's picture URL, or null for a theme not yet photographed. */
export function previewUrl(themeId: string): string | null {
  const p = previews[themeId];
  return p ? `/theme-preview/${themeId}-${p.hash}.jpg` : null;
}

const decoded = new Map<string, Uint8Array<ArrayBuffer>>();

export const themePreviewRoutes = new Hono<AppEnv>();

themePreviewRoutes.get("/theme-preview/:file", (c) => {
  const [, id = "", hash] = /^([a-z0-9]+)-([0-9a-f]{10})\.jpg$/.exec(c.req.param("file")) ?? [];
  const p = previews[id];
  if (!p || p.hash !== hash) return c.notFound();
  let jpg = decoded.get(id);
  if (!jpg) decoded.set(id, (jpg = Uint8Array.from(atob(p.jpg), (ch) => ch.charCodeAt(0))));
  return c.body(jpg, 200, { "content-type": "image/jpeg", "cache-control": "public, max-age=31536000, immutable" });
});
