/**
 * Fixed-window rate limits counted in D1 (one upsert a hit). Used for log-in, sign-up and
 * checkout, per IP and per account.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rateLimits } from "../db/schema";

export interface RateRule {
  limit: number;
  windowMs: number;
}

export const RULES = {
  loginIp: { limit: 30, windowMs: 15 * 60_000 },
  /** Wrong passwords on one account before it is locked for the rest of the window. */
  loginAccount: { limit: 5, windowMs: 15 * 60_000 },
  signupIp: { limit: 10, windowMs: 60 * 60_000 },
  checkoutIp: { limit: 30, windowMs: 10 * 60_000 },
} satisfies Record<string, RateRule>;

export interface RateResult {
  count: number;
  limited: boolean;
  retryAfterMs: number;
}

/** Counts one hit on `key` and says whether it is over the rule. */
export async function hit(db: Db, key: string, rule: RateRule, now = Date.now()): Promise<RateResult> {
  const start = now - (now % rule.windowMs);
  const row = await db
    .insert(rateLimits)
    .values({ key, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = ${start} THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: start,
      },
    })
    .returning({ count: rateLimits.count })
    .get();
  const count = row?.count ?? 1;
  return { count, limited: count > rule.limit, retryAfterMs: start + rule.windowMs - now };
}

/** Reads a counter without counting a hit. */
export async function peek(db: Db, key: string, rule: RateRule, now = Date.now()): Promise<RateResult> {
  const start = now - (now % rule.windowMs);
  const row = await db.select().from(rateLimits).where(sql`${rateLimits.key} = ${key}`).get();
  const count = row && row.windowStart === start ? row.count : 0;
  return { count, limited: count >= rule.limit, retryAfterMs: start + rule.windowMs - now };
}

export async function reset(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

export function clientIp(headers: { header(name: string): string | undefined }): string {
  return headers.header("cf-connecting-ip") ?? headers.header("x-real-ip") ?? "local";
}
