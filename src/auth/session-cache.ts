/**
 * The admin's session check, kept a few seconds in the isolate (src/admin/page.ts).
 *
 * A seller clicking through her admin asks the same question on every page: is this session live,
 * who is she, is she a member of the shop in the URL? Answered from D1, it is a join of four
 * tables, and every statement of the page's batch filtered by it (sessionShopSql) repeats three
 * lookups. Kept here for SESSION_CHECK_MS, a page's batch is its own statements and the shop's
 * record with its badge, read by the shop's id (the shop itself is always read fresh).
 *
 * What may change meanwhile, and when each holds:
 * - Her own writes (her name or language, a log-out, leaving a shop): any request of hers that may
 *   write forgets her entries in this isolate as it ends, and the key holds her directory bookmark
 *   (src/db/sessions.ts), which a write renews: another isolate misses too.
 * - An owner's change to a shop's members (removing her): forgets the shop's entries here; other
 *   isolates hold the old answer at most SESSION_CHECK_MS.
 * - A log-out everywhere from another device: at most SESSION_CHECK_MS on other isolates.
 * A cold isolate has none (forgetIsolateCaches), so the first page of each isolate reads D1.
 */
import type { SessionUser } from "./session";

/** How long an answer is trusted: a revoked session or membership holds everywhere after it. */
export const SESSION_CHECK_MS = 3_000;

/** At most this many answers (the oldest go first). */
export const MAX_ENTRIES = 2_000;

/** What the check answered for a member: the seller, and the shop's id, shard and her role there. */
export interface CheckedSession {
  user: SessionUser;
  shopId: number;
  shard: number;
  role: "owner" | "staff";
}

interface Entry extends CheckedSession {
  slug: string;
  at: number;
}

const entries = new Map<string, Entry>();

const keyOf = (sessionId: string, slug: string, bookmark: string) => `${sessionId}\n${slug}\n${bookmark}`;

/** The answer for this session, shop slug and directory bookmark, while fresh. */
export function checkedSession(sessionId: string, slug: string, bookmark: string, now: number): CheckedSession | null {
  const key = keyOf(sessionId, slug, bookmark);
  const e = entries.get(key);
  if (!e) return null;
  if (now - e.at >= SESSION_CHECK_MS || now < e.at) {
    entries.delete(key);
    return null;
  }
  return e;
}

/** Keeps a member's answer (never a refusal: a stranger is asked again every time). */
export function keepCheckedSession(sessionId: string, slug: string, bookmark: string, now: number, checked: CheckedSession): void {
  const key = keyOf(sessionId, slug, bookmark);
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { ...checked, slug, at: now });
}

/** After a request that may have written: her answers, and every answer about the shop it was in. */
export function forgetCheckedSessions(who: { userId?: number; slug?: string }): void {
  for (const [key, e] of entries) if (e.user.id === who.userId || e.slug === who.slug) entries.delete(key);
}

/**
 * Session ids by cookie token, as hashed here before: every page of a seller's visit hashes the
 * same token (SHA-256, an async call into the runtime), and the id never changes for a token.
 * At most MAX_ENTRIES (the oldest go first).
 */
const ids = new Map<string, string>();

export const knownSessionId = (token: string): string | undefined => ids.get(token);

export function keepSessionId(token: string, id: string): void {
  if (ids.size >= MAX_ENTRIES) ids.delete(ids.keys().next().value!);
  ids.set(token, id);
}

/** A cold isolate (src/storefront/page-cache.ts forgetIsolateCaches). */
export function forgetAllCheckedSessions(): void {
  entries.clear();
  ids.clear();
}
