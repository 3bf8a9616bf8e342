/**
 * A shop's custom domain, as the seller's page sees and changes it: read it, add one (one a shop;
 * never the platform's own domain, never another shop's), remove it. Each is one D1 round trip;
 * nothing here calls Cloudflare (the queue and the cron do: sync.ts).
 */
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db, Scope } from "../db/client";
import { onDirectory, pageRead, runRead } from "../db/page-read";
import { DOMAIN_STATES, shopDomains } from "../db/schema";
import { bumpVersionStmt } from "../tenancy/version";
import type { DnsRecord } from "./cloudflare";

type DomainState = (typeof DOMAIN_STATES)[number];

export interface Domain {
  id: number;
  hostname: string;
  status: DomainState;
  /** The TXT records Cloudflare asked for (the CNAME is derived from the hostname). */
  txt: DnsRecord[];
  /** The reason of the last refusal or failure ("duplicate", "bad_credentials"...), or "". */
  reason: string;
  createdAt: number;
  checkedAt: number;
}

function parseRecords(json: string): DnsRecord[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as DnsRecord[]).filter((r) => r && typeof r.name === "string" && typeof r.value === "string") : [];
  } catch {
    return [];
  }
}

type Row = typeof shopDomains.$inferSelect;

const toDomain = (r: Row): Domain => ({
  id: r.id,
  hostname: r.hostname,
  status: r.status,
  txt: parseRecords(r.records),
  reason: r.lastError.split(":")[0] ?? "",
  createdAt: r.createdAt,
  checkedAt: r.checkedAt,
});

/** The shop's domain: the one in use, else one still being removed; null when none. As a page's read: one statement, on the directory (custom domains are directory rows: src/db/shards.ts). */
export const shopDomainRead = onDirectory(
  pageRead(
    (db, shop) => [db.select().from(shopDomains).where(eq(shopDomains.shopId, shop)).orderBy(sql`${shopDomains.status} = 'removing'`, desc(shopDomains.id)).limit(1)] as const,
    ([rows]) => (rows[0] ? toDomain(rows[0]) : null),
  ),
);

export function shopDomain({ db, shopId }: Scope): Promise<Domain | null> {
  return runRead(db, shopId, shopDomainRead);
}

/** The platform's own host (ROOT_DOMAIN without a port): it and its subdomains are never a shop's. */
const platformHost = (rootDomain: string) => rootDomain.toLowerCase().replace(/:\d+$/, "");

export type AddRefusal = "domains.hostname.platform" | "domains.hostname.taken" | "domains.hostname.removing" | "domains.hostname.yours" | "domains.one";

/**
 * Adds the shop's domain in state "creating" (the queue creates it at Cloudflare): its id, or
 * why not. One round trip: the insert (nothing on a conflict) and what it conflicted with.
 */
export async function addDomain({ db, shopId }: Scope, rootDomain: string, hostname: string): Promise<{ id: number } | { refused: AddRefusal }> {
  const root = platformHost(rootDomain);
  if (hostname === root || hostname.endsWith(`.${root}`)) return { refused: "domains.hostname.platform" };
  const [inserted, holders, own] = await db.batch([
    db.insert(shopDomains).values({ shopId, hostname }).onConflictDoNothing().returning({ id: shopDomains.id }),
    db.select({ shopId: shopDomains.shopId, status: shopDomains.status }).from(shopDomains).where(eq(shopDomains.hostname, hostname)).limit(1),
    db.select({ id: shopDomains.id }).from(shopDomains).where(and(eq(shopDomains.shopId, shopId), ne(shopDomains.status, "removing"))).limit(1),
  ]);
  if (inserted[0]) return { id: inserted[0].id };
  const holder = holders[0];
  if (holder && holder.shopId !== shopId) return { refused: "domains.hostname.taken" };
  if (holder?.status === "removing") return { refused: "domains.hostname.removing" };
  if (holder) return { refused: "domains.hostname.yours" };
  return { refused: own[0] ? "domains.one" : "domains.hostname.taken" };
}

/**
 * Marks the shop's domain for removal (the queue deletes it at Cloudflare, then here): it stops
 * serving at once, and when it was active the shop's version is bumped (pages cached with it as
 * their canonical address are made again). A row a job holds right now keeps its lease: that job
 * sees "removing" when it finishes. The ids to put on the queue.
 */
export async function removeDomain({ db, shopId }: Scope, now = Date.now()): Promise<number[]> {
  const [, rows] = await db.batch([
    bumpVersionStmt(db, shopId, { when: sql`EXISTS (SELECT 1 FROM ${shopDomains} WHERE ${shopDomains.shopId} = ${shopId} AND ${shopDomains.status} = 'active')` }),
    db
      .update(shopDomains)
      .set({ status: "removing", nextCheck: sql`iif(${shopDomains.nextCheck} > CAST(${now} AS INTEGER), ${shopDomains.nextCheck}, 0)` })
      .where(and(eq(shopDomains.shopId, shopId), ne(shopDomains.status, "removing")))
      .returning({ id: shopDomains.id }),
  ]);
  return rows.map((r) => r.id);
}

/** For the tests and the e2e journey's check: the domain row by hostname. */
export async function domainByHostname(db: Db, hostname: string): Promise<Domain | null> {
  const rows = await db.select().from(shopDomains).where(eq(shopDomains.hostname, hostname)).limit(1);
  return rows[0] ? toDomain(rows[0]) : null;
}
