/**
 * Routing on a custom host: which shop an ACTIVE custom domain is (custom host -> slug), cached
 * in the isolate like the shop record (SHOP_TTL_MS; misses too, so an unknown host costs one
 * indexed statement a few seconds); the shop loader (src/storefront/load-shop.tsx) then runs the
 * slug's path. And the shop's canonical origin: its custom host once active, else the request's.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { shopDomains, shops } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { SHOP_TTL_MS } from "../tenancy/shop-cache";

const MAX_ENTRIES = 5_000;
const cache = new Map<string, { slug: string | null; at: number }>();

const slugByHost = template((db) =>
  db
    .select({ slug: shops.slug })
    .from(shopDomains)
    .innerJoin(shops, eq(shops.id, shopDomains.shopId))
    .where(and(eq(shopDomains.hostname, ph("host")), eq(shopDomains.status, "active")))
    .limit(1),
);

/** The slug of the shop whose active custom domain `host` is (no port), or null. */
export async function slugForHost(db: Db, host: string, now = Date.now()): Promise<string | null> {
  const hit = cache.get(host);
  if (hit && now - hit.at < SHOP_TTL_MS) return hit.slug;
  const [[row]] = await runTemplates(db, [slugByHost.bind({ host })]);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(host, { slug: row?.slug ?? null, at: now });
  return row?.slug ?? null;
}

/**
 * The shop's active custom host, as a column of a query on `shops` (the storefront's shop record
 * carries it with its chrome: src/storefront/chrome.ts), so no page pays a statement for it.
 */
export const activeHostColumn = sql<string | null>`(SELECT d.hostname FROM shop_domains d WHERE d.shop_id = "shops"."id" AND d.status = 'active' LIMIT 1)`.as("custom_host");

/** Where the shop's canonical URLs, sitemap and share tags point: https://<custom host> once active. */
export const canonicalOrigin = (requestUrl: string, customHost: string | null | undefined) => (customHost ? `https://${customHost}` : new URL(requestUrl).origin);

/** Empties the isolate's host cache (tests). */
export function clearHostCache(): void {
  cache.clear();
}
