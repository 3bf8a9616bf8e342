/**
 * The shop record, with the storefront's chrome (header collections, footer pages), cached in
 * the isolate for a few seconds. Edits bump `shops.version` in their own batch
 * (src/tenancy/version.ts) and the admin drops the record after every write it serves
 * (`invalidateShop()`, src/admin/load-shop.ts); other isolates see the change when their entry
 * expires, so a seller's edit shows on the storefront within SHOP_TTL_MS.
 */
import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { ALERT_CHANNELS, shops } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { chromeColumns, parseChrome, type Chrome } from "../storefront/chrome";
import type { Locale } from "../i18n";
import { parsePayments, type Payments } from "../payments";

export const SHOP_TTL_MS = 3_000;

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
  };
}

/** What a storefront request needs before its page's own queries. */
export interface StorefrontShop {
  shop: Shop;
  chrome: Chrome;
}

const cache = new Map<string, { record: StorefrontShop | null; at: number }>();
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

/** The shop and its chrome by slug: one statement on a miss, none within SHOP_TTL_MS. */
export async function storefrontBySlug(db: Db, slug: string): Promise<StorefrontShop | null> {
  const now = Date.now();
  const hit = cache.get(slug);
  if (hit && now - hit.at < SHOP_TTL_MS) return hit.record;
  const [[row]] = await runTemplates(db, [shopRecord.bind({ slug })]);
  const record = row ? { shop: { ...toShop(row), providers: row.providers ? row.providers.split(",") : [] }, chrome: parseChrome(row) } : null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(slug, { record, at: now });
  return record;
}

/** Drops a shop from this isolate's cache (after an edit, or when a shop is created). */
export function invalidateShop(slug: string): void {
  cache.delete(slug);
}
