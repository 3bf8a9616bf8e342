/**
 * The storefront's page cache: rendered HTML of the pages every visitor sees alike, kept in
 * the isolate and keyed by (shop id, shop version, URL). A seller's edit bumps the shop's
 * version, so her change shows as soon as the shop record is re-read (SHOP_TTL_MS, 3 s) —
 * at once in the isolate that saved it. Entries also expire after PAGE_TTL_MS so that stock
 * states (which change with orders, not with edits) are never stale for long.
 *
 * Privacy: only the routes that declare themselves cacheable pass through here (the browse
 * pages, src/storefront/routes.tsx), only GET and HEAD, and only responses that set no cookie
 * and are not marked private. Cart, checkout and order pages never do.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

const PAGE_TTL_MS = 10_000;
const MAX_BYTES = 24 * 1024 * 1024;
const MAX_ENTRY_BYTES = 256 * 1024;

interface Entry {
  /** UTF-8 bytes, encoded once: a hit sends them as they are. */
  body: Uint8Array<ArrayBuffer>;
  status: number;
  type: string;
  /** The page's own CSP (the hashes of its inline scripts: src/lib/csp.ts), or null. */
  csp: string | null;
  expires: number;
  bytes: number;
}

const entries = new Map<string, Entry>();
let bytes = 0;

function drop(key: string): void {
  const e = entries.get(key);
  if (!e) return;
  bytes -= e.bytes;
  entries.delete(key);
}

function put(key: string, entry: Entry): void {
  drop(key);
  entries.set(key, entry);
  bytes += entry.bytes;
  // Map keeps insertion order; hits re-insert, so the first keys are the least recently used.
  for (const oldest of entries.keys()) {
    if (bytes <= MAX_BYTES) break;
    drop(oldest);
  }
}

/** Empties the cache (tests, and the bench switch). */
export function clearPageCache(): void {
  entries.clear();
  bytes = 0;
}

export function pageCache(): MiddlewareHandler<AppEnv> {
  return async function cachedPage(c, next) {
    const url = new URL(c.req.url);
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || c.env.CACHE_DISABLED === "1") {
      return next();
    }
    const shop = c.get("shop");
    const key = `${shop.id}:${shop.version}:${url.origin}${url.pathname}${url.search}`;
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expires > now) {
      entries.delete(key);
      entries.set(key, hit);
      const headers: Record<string, string> = { "content-type": hit.type, "x-cache": "hit" };
      if (hit.csp) headers["content-security-policy"] = hit.csp;
      return c.body(hit.body, hit.status as 200, headers);
    }
    if (hit) drop(key);

    await next();
    const res = c.res;
    const cacheControl = res.headers.get("cache-control") ?? "";
    const type = res.headers.get("content-type") ?? "";
    if (
      (res.status === 200 || res.status === 404) &&
      !res.headers.has("set-cookie") &&
      !/private|no-store/.test(cacheControl) &&
      /^(text\/html|text\/plain|application\/xml)/.test(type)
    ) {
      const body = new Uint8Array(await res.clone().arrayBuffer());
      if (body.byteLength <= MAX_ENTRY_BYTES) put(key, { body, status: res.status, type, csp: res.headers.get("content-security-policy"), expires: now + PAGE_TTL_MS, bytes: body.byteLength });
      res.headers.set("x-cache", "miss");
    }
  };
}
