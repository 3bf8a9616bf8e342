/**
 * The shop record, with the storefront's chrome (header collections, footer pages): host ->
 * shop, version, chrome. Two cache levels before D1: the isolate's memory, then the location's
 * Cache API (src/tenancy/edge-cache.ts), so an isolate that starts cold in a busy location reads
 * no D1 for it. Both levels count a record's age from its D1 read (`at`), never from when a
 * level received it: a record is used for SHOP_STALE_MS at most after it was read (past
 * SHOP_TTL_MS it is read again after the response), whichever level holds it, and that is the
 * whole staleness of a seller's edit on the storefront (the page keys carry the shop's version:
 * src/storefront/page-cache.ts).
 *
 * Edits bump `shops.version` in their own batch (src/tenancy/version.ts) and the admin drops the
 * record after every write it serves (`invalidateShop()`, src/admin/load-shop.ts): the next read
 * in that isolate goes to D1 (not to the location's copy, which may be the old one) and stores
 * the new record for the location. Other isolates see the change within SHOP_STALE_MS.
 */
import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { ALERT_CHANNELS, shops } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { chromeColumns, parseChrome, type Chrome } from "../storefront/chrome";
import type { Locale } from "../i18n";
import { parsePayments, type Payments } from "../payments";
import { cacheEpoch, readShared, writeShared } from "./edge-cache";
import { forgetRoute, keepRoute, routeOf } from "./routes";

export const SHOP_TTL_MS = 3_000;
/**
 * From SHOP_TTL_MS to SHOP_STALE_MS after its D1 read a record is still served at once, and read
 * again after the response (once at a time per shop in an isolate): a visitor of a shop seen in
 * the last 5 s never waits on D1 for a cached page. Never older: an edit shows within 5 s.
 */
export const SHOP_STALE_MS = 5_000;
/**
 * How long the location keeps a record: longer than it is fresh, because freshness is decided
 * from its `at` on the reader's clock (which tests move), not by the Cache API's expiry.
 */
const RECORD_KEPT_MS = 60_000;

export interface Shop {
  id: number;
  slug: string;
  name: string;
  status: "active" | "suspended";
  themeId: string;
  /** Raw settings as stored; the theme's zod schema fills defaults when rendering. */
  themeSettings: Record<string, unknown>;
  locale: Locale;
  currency: string;
  whatsapp: string;
  alertChannel: (typeof ALERT_CHANNELS)[number];
  lowStockAt: number | null;
  /** Cash-on-delivery orders await the customer's confirmation, flagged after codConfirmHours (src/orders/confirmation.ts). */
  codConfirm: boolean;
  codConfirmHours: number;
  phone: string;
  email: string;
  city: string;
  description: string;
  payments: Payments;
  version: number;
  updatedAt: number;
  /** The database that holds the shop (src/db/shards.ts). */
  shard: number;
  /**
   * The providers whose credentials the shop saved (src/credentials: "jazzcash", ...), on the
   * storefront's record only: the order page offers a gateway's Pay now without a query of its own.
   */
  providers?: readonly string[];
}

type Row = typeof shops.$inferSelect;

export function toShop(row: Row): Shop {
  let settings: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.themeSettings);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) settings = parsed as Record<string, unknown>;
  } catch {
    settings = {};
  }
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    themeId: row.themeId,
    themeSettings: settings,
    locale: row.locale,
    currency: row.currency,
    whatsapp: row.whatsapp,
    alertChannel: row.alertChannel,
    lowStockAt: row.lowStockAt,
    codConfirm: row.codConfirm,
    codConfirmHours: row.codConfirmHours,
    phone: row.phone,
    email: row.email,
    city: row.city,
    description: row.description,
    payments: parsePayments(row.payments),
    version: row.version,
    updatedAt: row.updatedAt,
    shard: row.shard,
  };
}

/** What a storefront request needs before its page's own queries. */
export interface StorefrontShop {
  shop: Shop;
  chrome: Chrome;
}

interface Held {
  record: StorefrontShop | null;
  /** When the record was read from D1 (ms). */
  at: number;
  /** Dropped after an edit here: the next read goes to D1, past the location's copy. */
  reread?: true;
}

const cache = new Map<string, Held>();
const MAX_ENTRIES = 5_000;

const shopRecord = template((db) =>
  db
    .select({
      ...getTableColumns(shops),
      ...chromeColumns,
      providers: sql<string | null>`(SELECT group_concat(provider) FROM shop_credentials WHERE shop_id = "shops"."id")`.as("providers"),
    })
    .from(shops)
    .where(eq(shops.slug, ph("slug")))
    .limit(1),
);

/** The location's level for one request: the host's origin (the key) and how to run work after the response. */
interface SharedLevel {
  origin: string;
  defer(work: () => Promise<unknown>): void;
}

const recordKey = (origin: string, slug: string) => `${origin}/_cache/shop/${cacheEpoch()}/${encodeURIComponent(slug)}`;

/** Read from D1 less than `ms` ago (a record from the future, a clock's skew, is not trusted). */
const within = (ms: number, at: number, now: number) => now >= at && now - at < ms;
const fresh = (at: number, now: number) => within(SHOP_TTL_MS, at, now);
const usable = (at: number, now: number) => within(SHOP_STALE_MS, at, now);

/** Slugs whose record this isolate is reading again after a response. */
const rereading = new Set<string>();

function hold(slug: string, held: Held): void {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(slug, held);
}

/**
 * Where the record is read: the directory, and the database of each shard (null for a shard this
 * deployment does not have). `holdsShops(k)`: whether the directory's database is shard k (its
 * rows of that shard are the full records).
 */
export interface ShopSource {
  dir: Db;
  /** How many shards there are. */
  shards: number;
  shard(k: number): Db | null;
  holdsShops(k: number): boolean;
}

type RecordRow = Awaited<ReturnType<typeof runTemplates<[ReturnType<typeof shopRecord.bind>]>>>[0][number];

/** The record of a row read where the shop lives (its custom host from the shard's copy of its domains: src/db/members.ts). */
const toRecord = (row: RecordRow): StorefrontShop => ({
  shop: { ...toShop(row), providers: row.providers ? row.providers.split(",") : [] },
  chrome: parseChrome(row),
});

/**
 * The record from D1: from the shop's shard when this isolate knows its route (one round trip),
 * else from the directory, whose row is the record itself when the directory's database is the
 * shop's shard (one round trip), or names the shard to read next (two, once a minute per shop and
 * isolate: src/tenancy/routes.ts). A shard that does not hold the shop (it moved) answers no row:
 * the route is forgotten and the directory asked.
 */
async function readRecord(src: ShopSource, slug: string, now: number, hint?: StorefrontShop | null): Promise<StorefrontShop | null> {
  // A record past its freshness still says where the shop lived: the route, when none is known.
  const route = routeOf(slug, now) ?? (hint ? { id: hint.shop.id, shard: hint.shop.shard, at: now } : null);
  const routed = route ? src.shard(route.shard) : null;
  if (route && routed) {
    const [[row]] = await runTemplates(routed, [shopRecord.bind({ slug })]);
    if (row && row.shard === route.shard) return toRecord(row);
    forgetRoute(slug);
  }
  const [[entry]] = await runTemplates(src.dir, [shopRecord.bind({ slug })]);
  if (!entry) return null;
  keepRoute(slug, { id: entry.id, shard: entry.shard, at: now });
  if (src.holdsShops(entry.shard)) return toRecord(entry);
  const shard = src.shard(entry.shard);
  if (!shard) return null;
  const [[row]] = await runTemplates(shard, [shopRecord.bind({ slug })]);
  return row && row.shard === entry.shard ? toRecord(row) : null;
}

/**
 * The shop and its chrome by slug: none of D1 while a copy read less than SHOP_STALE_MS ago is in
 * this isolate or (with `shared`) in the location's cache (past SHOP_TTL_MS it is read again
 * after the response); else read from D1 (readRecord), and the record is kept in both levels.
 * The record carries its shard (`shop.shard`): the caller points the request's database at it.
 * `now` is the clock (tests move it).
 */
export async function storefrontBySlug(src: ShopSource, slug: string, shared?: SharedLevel, now = Date.now()): Promise<StorefrontShop | null> {
  const hit = cache.get(slug);
  if (hit && !hit.reread && usable(hit.at, now)) return servedStale(src, slug, hit, shared, now);
  let hint = hit?.record;
  if (shared && !hit?.reread) {
    const stored = await readShared("shops", recordKey(shared.origin, slug));
    const record = stored ? ((await stored.res.json()) as StorefrontShop | null) : null;
    if (stored && usable(stored.at, now)) {
      const held = { record, at: stored.at };
      hold(slug, held);
      return servedStale(src, slug, held, shared, now);
    }
    hint ??= record;
  }
  return fromD1(src, slug, shared, now, undefined, hint);
}

/** A held record; past SHOP_TTL_MS it is read again after the response (stale-while-revalidate). */
function servedStale(src: ShopSource, slug: string, held: Held, shared: SharedLevel | undefined, now: number): StorefrontShop | null {
  if (shared && !fresh(held.at, now) && !rereading.has(slug)) {
    rereading.add(slug);
    shared.defer(() =>
      fromD1(src, slug, shared, Date.now(), held, held.record)
        .catch((err: unknown) => console.warn("shop record: the read after the response failed", err))
        .finally(() => rereading.delete(slug)),
    );
  }
  return held.record;
}

/**
 * Read from D1 (readRecord); the record is kept in both levels, unless (read after a response)
 * this isolate holds another entry than `replacing` by now: an edit here dropped it, or a newer
 * read replaced it. `hint`: an older record, whose shard is the route when none is known.
 */
async function fromD1(src: ShopSource, slug: string, shared: SharedLevel | undefined, now: number, replacing?: Held, hint?: StorefrontShop | null): Promise<StorefrontShop | null> {
  const record = await readRecord(src, slug, now, hint);
  const current = cache.get(slug);
  if (replacing && current !== undefined && current !== replacing) return record;
  hold(slug, { record, at: now });
  if (shared) {
    const body = JSON.stringify(record);
    shared.defer(() => writeShared("shops", recordKey(shared.origin, slug), body, now, RECORD_KEPT_MS, { "content-type": "application/json" }));
  }
  return record;
}

/** Drops a shop from this isolate's cache (after an edit, or when a shop is created): its next read is from D1. */
export function invalidateShop(slug: string): void {
  hold(slug, { record: null, at: -Infinity, reread: true });
}

/** Empties this isolate's records (tests: a cold isolate). */
export function forgetShopRecords(): void {
  cache.clear();
}
