/**
 * The second cache level: the Cache API of the Cloudflare location, shared by every isolate
 * there (the isolate's memory is the first level, D1 the third). Named caches, not
 * `caches.default`: `caches.default` is the zone's own HTTP cache, where the CDN keeps the
 * public URLs' responses; our entries (rendered pages under internal keys, shop records as
 * JSON) live apart from it and never collide with a URL the CDN caches or purges.
 *
 * Every entry carries `x-hatti-at`: when its content was read from D1 (ms). Freshness is
 * decided from it by the reader (on the injected clock), not by the Cache API's own expiry,
 * which only drops entries no reader would use any more.
 */
import type { Context } from "hono";

type SharedCacheName = "pages" | "shops";

const AT = "x-hatti-at";

let epoch = "0";

/** Part of every shared key: "0" in every isolate, until a clear moves it (tests, the bench). */
export const cacheEpoch = (): string => epoch;

/**
 * Moves the shared keys to a new epoch, so entries written before are never read again (they
 * expire on their own): the Cache API has no "delete everything".
 */
export function newCacheEpoch(): void {
  epoch = crypto.randomUUID();
}

async function open(name: SharedCacheName): Promise<Cache | null> {
  try {
    return await caches.open(name);
  } catch {
    return null; // no Cache API here: the level is skipped
  }
}

/** The stored response under `key` and when its content was read from D1, or null. */
export async function readShared(name: SharedCacheName, key: string): Promise<{ res: Response; at: number } | null> {
  try {
    const res = await (await open(name))?.match(key);
    if (!res) return null;
    const at = Number(res.headers.get(AT));
    if (!Number.isFinite(at) || res.headers.has("set-cookie")) {
      await res.body?.cancel();
      return null;
    }
    return { res, at };
  } catch (err) {
    console.warn("edge cache: read failed", err);
    return null;
  }
}

/** Stores `body` under `key`, kept by the location for `keepMs` (readers decide freshness from `at`). */
export async function writeShared(name: SharedCacheName, key: string, body: BodyInit, at: number, keepMs: number, headers: Record<string, string>): Promise<void> {
  try {
    const cache = await open(name);
    if (!cache) return;
    const stored = new Headers(headers);
    stored.set(AT, String(at));
    stored.set("cache-control", `public, max-age=${Math.ceil(keepMs / 1000)}`);
    await cache.put(key, new Response(body, { status: 200, headers: stored }));
  } catch (err) {
    console.warn("edge cache: write failed", err);
  }
}

/** Runs `work` after the response (waitUntil), or just lets it run where there is no ExecutionContext. */
export function afterResponse(c: Context, work: Promise<unknown>): void {
  let ctx: Context["executionCtx"] | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined;
  }
  if (ctx) ctx.waitUntil(work);
  else void work;
}
