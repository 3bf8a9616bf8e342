/**
 * Fixed-window rate limits counted in D1 (one upsert a hit). Used for log-in (per IP, and
 * wrong passwords per account and address: login-guard.ts), sign-up, checkout, one-time codes
 * (codes.ts) and checkout intents (src/recovery).
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { rateLimits } from "../db/schema";

export interface RateRule {
  limit: number;
  windowMs: number;
}

export const RULES = {
  loginIp: { limit: 30, windowMs: 15 * 60_000 },
  /** Wrong passwords on one account from one address before that pair is refused for the rest of the window. */
  loginPair: { limit: 5, windowMs: 15 * 60_000 },
  /**
   * Wrong passwords on one account from anywhere before each attempt on it is slowed down
   * (never refused: src/auth/login-guard.ts).
   */
  loginAccount: { limit: 10, windowMs: 15 * 60_000 },
  signupIp: { limit: 10, windowMs: 60 * 60_000 },
  checkoutIp: { limit: 30, windowMs: 10 * 60_000 },
  /** One-time codes (src/auth/codes.ts) sent to one phone or email for one purpose, whether or not an account has it. */
  codeAddress: { limit: 3, windowMs: 60 * 60_000 },
  /** One-time codes asked for from one IP, to any address. */
  codeIp: { limit: 10, windowMs: 60 * 60_000 },
  /** Checkout intents (src/recovery) posted from one IP: her phone field left a few times, not a script trying numbers. */
  intentIp: { limit: 20, windowMs: 10 * 60_000 },
} satisfies Record<string, RateRule>;

export interface RateResult {
  count: number;
  limited: boolean;
  retryAfterMs: number;
}

/**
 * The upsert of one hit: INSERT ... SELECT rather than VALUES so the hit can be conditional
 * (`onlyIf`). The WHERE is also what SQLite needs to read the ON CONFLICT below as the upsert's,
 * not a join constraint. Values may be placeholders (a query template, src/db/template.ts).
 */
export function hitStatement(db: Db, key: string | SQLWrapper, start: number | SQLWrapper, onlyIf: SQL = sql`1`) {
  return db
    .insert(rateLimits)
    .select(sql`SELECT ${key}, ${start}, 1 WHERE ${onlyIf}`)
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = ${start} THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: sql`${start}`,
      },
    })
    .returning({ count: rateLimits.count });
}

/** The start of the rule's window that `now` falls in. */
export const windowStart = (rule: RateRule, now: number) => now - (now % rule.windowMs);

/** What a hit's RETURNING rows say; no row: `onlyIf` did not hold, nothing was counted. */
export function readHit(rows: readonly { count: number }[], rule: RateRule, now: number): RateResult {
  const count = rows[0]?.count ?? 0;
  return { count, limited: count > rule.limit, retryAfterMs: windowStart(rule, now) + rule.windowMs - now };
}

/**
 * One hit on `key` as a statement, to run alone (hit) or inside a bigger D1 batch (checkout),
 * and the function that reads its RETURNING rows. `onlyIf` counts the hit only when that SQL
 * condition holds: checkout does not count a retry of an order already placed.
 */
function rateHit(db: Db, key: string, rule: RateRule, now = Date.now(), onlyIf: SQL = sql`1`) {
  const statement = hitStatement(db, key, windowStart(rule, now), onlyIf);
  return { statement, read: (rows: readonly { count: number }[]) => readHit(rows, rule, now) };
}

/** Counts one hit on `key` and says whether it is over the rule. */
export async function hit(db: Db, key: string, rule: RateRule, now = Date.now()): Promise<RateResult> {
  const { statement, read } = rateHit(db, key, rule, now);
  return read(await statement.all());
}

export function clientIp(headers: { header(name: string): string | undefined }): string {
  return headers.header("cf-connecting-ip") ?? headers.header("x-real-ip") ?? "local";
}
