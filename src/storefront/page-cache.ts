/**
 * The storefront's page cache: rendered HTML of the pages every visitor sees alike, in two
 * levels before D1: the isolate's memory, then the location's Cache API (shared by every
 * isolate there: src/tenancy/edge-cache.ts). Both levels use one key (`pageKey`): the host,
 * the shop's id and version, and the path with its query (the page's only other inputs: the
 * language and currency are the shop's own, so its version covers them; a `?code=` link never
 * reaches here, it is redirected without the parameter by src/checkout/code-link.ts).
 *
 * Staleness:
 * - A seller's edit bumps the shop's version, so it shows as soon as the shop record is re-read:
 *   within SHOP_TTL_MS of the edit everywhere, at once in the isolate that saved it.
 * - Stock states change with orders, not with edits: a page is fresh for PAGE_TTL_MS after it
 *   was rendered; then, up to STALE_MAX_MS, it is still served at once and rendered again in the
 *   background (`waitUntil`), so a visitor never waits on D1 for a page that was cached. Older
 *   than STALE_MAX_MS, it is rendered in the request.
 * A hit sends the stored bytes as they are (no re-encoding).
 *
 * Privacy: only the routes that declare themselves cacheable pass through here (the browse
 * pages, src/storefront/routes.tsx), only GET and HEAD, and only responses that set no cookie,
 * are not private, and do not vary. Cart, checkout and order pages never do.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { afterResponse, cacheEpoch, newCacheEpoch, readShared, writeShared } from "../tenancy/edge-cache";
import { forgetShopRecords, type Shop } from "../tenancy/shop-cache";
import { forgetHosts } from "../domains/lookup";
import { forgetAllCheckedSessions } from "../auth/session-cache";
import { forgetKeptHtml } from "../ui/html";

export const PAGE_TTL_MS = 10_000;
export const STALE_MAX_MS = 60_000;
const MAX_BYTES = 24 * 1024 * 1024;
const MAX_ENTRY_BYTES = 256 * 1024;
const STATUS = "x-hatti-status";

interface Entry {
  /** UTF-8 bytes, encoded once: a hit sends them as they are. */
  body: Uint8Array<ArrayBuffer>;
  status: number;
  type: string;
  /** The page's own CSP (the hashes of its inline scripts: src/lib/csp.ts), or null. */
  csp: string | null;
  /** When the page was rendered (ms). */
  at: number;
}

const entries = new Map<string, Entry>();
let bytes = 0;

function drop(key: string): void {
  const e = entries.get(key);
  if (!e) return;
  bytes -= e.body.byteLength;
  entries.delete(key);
}

function put(key: string, entry: Entry): void {
  drop(key);
  entries.set(key, entry);
  bytes += entry.body.byteLength;
  // Map keeps insertion order; hits re-insert, so the first keys are the least recently used.
  for (const oldest of entries.keys()) {
    if (bytes <= MAX_BYTES) break;
    drop(oldest);
  }
}

/** The one key of a page, in both levels: host, shop id and version, epoch, path and query. */
export function pageKey(shop: Pick<Shop, "id" | "version">, url: URL): string {
  return `${url.origin}/_cache/page/${shop.id}.${shop.version}.${cacheEpoch()}${url.pathname}${url.search}`;
}

/** Empties the cache, both levels (tests, and the bench switch): the next page is rendered. */
export function clearPageCache(): void {
  entries.clear();
  bytes = 0;
  newCacheEpoch();
}

/** Empties this isolate's memory of pages and shop records, keeping the location's level (tests: a cold isolate). */
export function forgetIsolateCaches(): void {
  entries.clear();
  bytes = 0;
  forgetShopRecords();
  forgetHosts();
  forgetAllCheckedSessions();
  forgetKeptHtml();
}

async function fromLocation(key: string): Promise<Entry | null> {
  const stored = await readShared("pages", key);
  if (!stored) return null;
  const { res, at } = stored;
  const body = new Uint8Array(await res.arrayBuffer());
  return { body, status: Number(res.headers.get(STATUS) ?? 200), type: res.headers.get("content-type") ?? "", csp: res.headers.get("content-security-policy"), at };
}

function toLocation(key: string, e: Entry): Promise<void> {
  const headers: Record<string, string> = { "content-type": e.type, [STATUS]: String(e.status) };
  if (e.csp) headers["content-security-policy"] = e.csp;
  return writeShared("pages", key, e.body, e.at, STALE_MAX_MS, headers);
}

/** A response the shared levels may keep: a page or a 404, public, no cookie, no Vary. */
function storable(res: Response): boolean {
  const cacheControl = res.headers.get("cache-control") ?? "";
  return (
    (res.status === 200 || res.status === 404) &&
    !res.headers.has("set-cookie") &&
    !res.headers.has("vary") &&
    !/private|no-store|no-cache/.test(cacheControl) &&
    /^(text\/html|text\/plain|application\/xml)/.test(res.headers.get("content-type") ?? "")
  );
}

/** Background renders: the requests this module made (no visitor's header or cookie), and the keys being rendered. */
const refreshes = new WeakSet<Request>();
const refreshing = new Set<string>();

/** The app, loaded when first needed (it imports this module). */
let app: Promise<ReturnType<typeof import("../app").createApp>> | undefined;

/** Renders the page again after the response, through the whole app (as a request with no cookie, user agent or referrer: not a visit). */
function refreshLater(c: Context<AppEnv>, key: string): void {
  if (refreshing.has(key)) return;
  let ctx: Context["executionCtx"];
  try {
    ctx = c.executionCtx;
  } catch {
    return; // no ExecutionContext: the page is rendered by a later request instead
  }
  refreshing.add(key);
  const req = new Request(c.req.url);
  refreshes.add(req);
  app ??= import("../app").then((m) => m.createApp());
  const work = (async () => {
    try {
      const res = await (await app).fetch(req, c.env, ctx);
      await res.body?.cancel();
    } catch (err) {
      console.warn("page cache: background render failed", err);
    } finally {
      refreshing.delete(key);
    }
  })();
  ctx.waitUntil(work);
}

function send(c: Context<AppEnv>, e: Entry, level: "hit" | "shared" | "stale"): Response {
  const headers: Record<string, string> = { "content-type": e.type, "x-cache": level };
  if (e.csp) headers["content-security-policy"] = e.csp;
  return c.body(e.body, e.status as 200, headers);
}

export function pageCache(): MiddlewareHandler<AppEnv> {
  return async function cachedPage(c, next) {
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || c.env.CACHE_DISABLED === "1") {
      return next();
    }
    const key = pageKey(c.get("shop"), new URL(c.req.url));
    const now = Date.now();
    const background = refreshes.has(c.req.raw);
    if (!background) {
      let hit = entries.get(key);
      let level: "hit" | "shared" = "hit";
      if (!hit || now - hit.at >= PAGE_TTL_MS) {
        // Another isolate of the location may hold a newer copy.
        const shared = await fromLocation(key);
        if (shared && (!hit || shared.at > hit.at)) {
          hit = shared;
          level = "shared";
        }
      }
      if (hit) {
        const age = now - hit.at;
        if (age >= 0 && age < STALE_MAX_MS) {
          put(key, hit); // re-inserted: the most recently used
          if (age < PAGE_TTL_MS) return send(c, hit, level);
          refreshLater(c, key);
          return send(c, hit, "stale");
        }
        drop(key);
      }
    }

    await next();
    const res = c.res;
    if (!storable(res)) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    if (body.byteLength <= MAX_ENTRY_BYTES) {
      const entry = { body, status: res.status, type: res.headers.get("content-type") ?? "", csp: res.headers.get("content-security-policy"), at: now };
      put(key, entry);
      // A background render is itself after a response: it waits for its write.
      if (background) await toLocation(key, entry);
      else afterResponse(c, toLocation(key, entry));
    }
    res.headers.set("x-cache", "miss");
  };
}
