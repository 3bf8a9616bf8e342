/**
 * Custom domains (src/domains): a shop's own hostname ("www.her-brand.pk") as a Cloudflare for
 * SaaS custom hostname. Written by the seller's form in state `creating`; the queue and the cron
 * create it at Cloudflare (`cf_id`, the DNS records to add), poll it while `pending` until it is
 * `active` (then the storefront answers on it), and delete it (`removing`, or pending past 7 days).
 * One domain a shop (besides one being removed); a hostname belongs to one shop.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { shopId } from "./platform";

export const DOMAIN_STATES = ["creating", "pending", "active", "failed", "removing"] as const;

export const shopDomains = sqliteTable(
  "shop_domains",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    shopId: shopId(),
    /** Lowercase, ASCII (an IDN as punycode), no trailing dot. */
    hostname: text("hostname").notNull(),
    /** Cloudflare's custom hostname id ("" until created there). */
    cfId: text("cf_id").notNull().default(""),
    status: text("status", { enum: DOMAIN_STATES }).notNull().default("creating"),
    /** JSON [{type, name, value}]: the DNS records she adds (the CNAME, the TXT validations). */
    records: text("records").notNull().default("[]"),
    /** Why the last call failed or Cloudflare refused (a catalogue key's reason and detail, never a secret). */
    lastError: text("last_error").notNull().default(""),
    /** Calls made for it so far (the polls' backoff). */
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    /** When Cloudflare was last asked (0: never). */
    checkedAt: integer("checked_at").notNull().default(0),
    /** When the cron asks next. */
    nextCheck: integer("next_check").notNull().default(0),
  },
  (t) => [
    uniqueIndex("shop_domains_hostname_uq").on(t.hostname),
    // One domain a shop, besides one being removed.
    uniqueIndex("shop_domains_shop_uq").on(t.shopId).where(sql`${t.status} != 'removing'`),
    // The shop's domain (the admin page, the shop record's active host).
    index("shop_domains_shop_idx").on(t.shopId, t.status),
    // The cron's walk: the rows still in motion, the most overdue first.
    index("shop_domains_due_idx").on(t.nextCheck, t.id).where(sql`${t.status} IN ('creating', 'pending', 'removing')`),
  ],
);
