/**
 * Photos from R2: /media/shops/{shopId}/{sha256}/{width}.{webp|jpg|png}. Keys are content-hashed,
 * so responses are immutable; a shop serves only its own photos.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { CONTENT_TYPE } from "../media/urls";

export const mediaRoutes = new Hono<AppEnv>();

const KEY_RE = /^shops\/(\d+)\/([a-f0-9]{64})\/(\d{2,4})\.(webp|jpg|png)$/;

mediaRoutes.get("/*", async (c) => {
  // Keys are plain ASCII: the raw path is matched as is (decoding a malformed "%C3%28" threw a 500).
  const key = new URL(c.req.url).pathname.replace(/^\/media\//, "");
  const match = KEY_RE.exec(key);
  if (!match || Number(match[1]) !== c.get("shop").id) return c.notFound();
  const obj = await c.env.MEDIA.get(key, { onlyIf: c.req.raw.headers });
  if (!obj) return c.notFound();
  const headers = new Headers({
    "content-type": CONTENT_TYPE[match[4]!]!,
    etag: obj.httpEtag,
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  });
  if (!("body" in obj) || !obj.body) return new Response(null, { status: 304, headers });
  headers.set("content-length", String(obj.size));
  return new Response(obj.body, { headers });
});
