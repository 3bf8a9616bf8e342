/**
 * Routing on a custom host: which shop an ACTIVE custom domain is (custom host -> slug), cached
 * like the shop record (src/tenancy/shop-cache.ts): in the isolate, and in the location's cache
 * shared by its isolates, each copy used while read from D1 less than SHOP_STALE_MS ago and read
 * again after the response once past SHOP_TTL_MS; misses too, so an unknown host costs one
 * indexed statement a few seconds a location. A cold isolate serving a custom host's cached page
 * makes no D1 round trip. The shop loader (src/storefront/load-shop.tsx) then runs the slug's
 * path. And the shop's canonical origin: its custom host once active, else the request's.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { shopDomains, shops } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { cacheEpoch, newCacheEpoch, readShared, writeShared } from "../tenancy/edge-cache";
import { SHOP_STALE_MS, SHOP_TTL_MS } from "../tenancy/shop-cache";

const MAX_ENTRIES = 5_000;
/** How long the location keeps a copy (readers decide freshness from when it was read). */
const KEPT_MS = 60_000;
const cache = new Map<string, { slug: string | null; at: number }>();
/** Hosts this isolate is reading again after a response. */
const rereading = new Set<string>();

const slugByHost = template((db) =>
  db
    .select({ slug: shops.slug })
    .from(shopDomains)
    .innerJoin(shops, eq(shops.id, shopDomains.shopId))
    .where(and(eq(shopDomains.hostname, ph("host")), eq(shopDomains.status, "active")))
    .limit(1),
);

/** The location's level for one request: how to run work after the response. */
interface Later {
  defer(work: () => Promise<unknown>): void;
}

const keyOf = (host: string) => `https://${host}/_cache/host/${cacheEpoch()}`;
const within = (ms: number, at: number, now: number) => now >= at && now - at < ms;

async function fromD1(db: Db, host: string, now: number, later?: Later): Promise<string | null> {
  const [[row]] = await runTemplates(db, [slugByHost.bind({ host })]);
  const slug = row?.slug ?? null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(host, { slug, at: now });
  later?.defer(() => writeShared("shops", keyOf(host), JSON.stringify({ slug }), now, KEPT_MS, { "content-type": "application/json" }));
  return slug;
}

/** A copy read `at`: served, and read again after the response when past SHOP_TTL_MS. */
function served(db: Db, host: string, slug: string | null, at: number, now: number, later?: Later): string | null {
  if (later && !within(SHOP_TTL_MS, at, now) && !rereading.has(host)) {
    rereading.add(host);
    later.defer(() =>
      fromD1(db, host, Date.now(), later)
        .catch((err: unknown) => console.warn("custom host: the read after the response failed", err))
        .finally(() => rereading.delete(host)),
    );
  }
  return slug;
}

/** The slug of the shop whose active custom domain `host` is (no port), or null. `later`: the location's level (a request's). */
export async function slugForHost(db: Db, host: string, later?: Later, now = Date.now()): Promise<string | null> {
  const hit = cache.get(host);
  if (hit && within(SHOP_STALE_MS, hit.at, now)) return served(db, host, hit.slug, hit.at, now, later);
  if (later) {
    const stored = await readShared("shops", keyOf(host));
    if (stored) {
      const { slug } = (await stored.res.json()) as { slug: string | null };
      if (within(SHOP_STALE_MS, stored.at, now)) {
        cache.set(host, { slug, at: stored.at });
        return served(db, host, slug, stored.at, now, later);
      }
    }
  }
  return fromD1(db, host, now, later);
}

/**
 * The shop's active custom host, as a column of a query on `shops` (the storefront's shop record
 * carries it with its chrome: src/storefront/chrome.ts), so no page pays a statement for it.
 */
export const activeHostColumn = sql<string | null>`(SELECT d.hostname FROM shop_domains d WHERE d.shop_id = "shops"."id" AND d.status = 'active' LIMIT 1)`.as("custom_host");

/** Where the shop's canonical URLs, sitemap and share tags point: https://<custom host> once active. */
export const canonicalOrigin = (requestUrl: string, customHost: string | null | undefined) => (customHost ? `https://${customHost}` : new URL(requestUrl).origin);

/** Empties the isolate's host cache (a cold isolate: src/storefront/page-cache.ts forgetIsolateCaches). */
export function forgetHosts(): void {
  cache.clear();
}

/** Empties the host cache, the isolate's and (a new epoch of its keys) the location's: tests, a cold start. */
export function clearHostCache(): void {
  forgetHosts();
  newCacheEpoch();
}
