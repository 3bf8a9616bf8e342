/**
 * Guessing passwords, without handing anyone a way to lock a seller out (her phone number is
 * on her shop's WhatsApp button, so anyone can type it). Wrong passwords are counted twice:
 *
 * - per (account, address): after RULES.loginPair.limit wrong passwords that pair is refused
 *   for the rest of its window, before the password is checked. Only whoever shares that
 *   address is affected.
 * - per account, from anywhere: past RULES.loginAccount.limit the account is slowed down, never
 *   closed. Every attempt on it waits loginWaitMs() before its password is checked (the wait
 *   comes first and is the same for right and wrong passwords, so it cannot be cut short by
 *   giving up early), doubling per failure up to LOGIN_WAIT.maxMs. The owner's correct password
 *   from an address that has not failed always gets her in, at worst a few seconds later.
 *
 * Both counters are keyed by the typed login, whether or not an account has it, and the same
 * statements run either way, so neither the answers nor the work done tell whether the account
 * exists. Wrong passwords on a real account are also added to users.failed_logins, which her
 * next successful log-in reports to her and takes back to zero.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Identity } from "./identity";
import type { Db } from "../db/client";
import { rateLimits, users } from "../db/schema";
import { sha256Hex } from "../lib/bytes";
import { hitStatement, RULES, windowStart } from "./rate-limit";

/** The wait per attempt once an account is past its threshold: first, then doubling, capped. */
export const LOGIN_WAIT = { firstMs: 250, maxMs: 3_000 } as const;

/** How long an attempt waits when the account has `failures` wrong passwords in this window. */
export function loginWaitMs(failures: number): number {
  const over = failures - RULES.loginAccount.limit;
  if (over < 0) return 0;
  // 2 ** over overflows to Infinity for huge counts; min() keeps the cap.
  return Math.min(LOGIN_WAIT.firstMs * 2 ** Math.min(over, 30), LOGIN_WAIT.maxMs);
}

export interface LoginGuard {
  pairKey: string;
  accountKey: string;
  login: Identity;
  /** The pair is refused: answer without checking the password. */
  refused: boolean;
  retryAfterMs: number;
  /** Wait this long before checking the password. */
  waitMs: number;
  now: number;
}

/** Reads both counters of this login from this address (one statement). */
export async function loginGuard(db: Db, login: Identity, ip: string, now = Date.now()): Promise<LoginGuard> {
  const pairKey = `login:pair:${await sha256Hex(`${login.value}\n${ip}`)}`;
  const accountKey = `login:acct:${await sha256Hex(login.value)}`;
  const rows = await db.select().from(rateLimits).where(inArray(rateLimits.key, [pairKey, accountKey])).all();
  const current = (key: string, rule: { windowMs: number; limit: number }) => {
    const row = rows.find((r) => r.key === key);
    return row && row.windowStart === windowStart(rule, now) ? row.count : 0;
  };
  const pairFailures = current(pairKey, RULES.loginPair);
  const start = windowStart(RULES.loginPair, now);
  return {
    pairKey,
    accountKey,
    login,
    refused: pairFailures >= RULES.loginPair.limit,
    retryAfterMs: start + RULES.loginPair.windowMs - now,
    waitMs: loginWaitMs(current(accountKey, RULES.loginAccount)),
    now,
  };
}

const loginColumn = (id: Identity) => (id.kind === "phone" ? users.phone : users.email);

/** A wrong password (or no such account): both counters and the account's own count, in one batch. */
export async function recordLoginFailure(db: Db, g: LoginGuard): Promise<void> {
  await db.batch([
    hitStatement(db, g.pairKey, windowStart(RULES.loginPair, g.now)),
    hitStatement(db, g.accountKey, windowStart(RULES.loginAccount, g.now)),
    db.update(users).set({ failedLogins: sql`${users.failedLogins} + 1` }).where(eq(loginColumn(g.login), g.login.value)),
  ]);
}

/**
 * A successful log-in: this address starts afresh, and the failures she is about to be told of
 * (`reported`, read with her row) are taken off her count. Subtracting rather than zeroing keeps
 * a failure that lands between the read and this write for her next log-in. The account's own
 * window is left to run out: her success says nothing about whoever else is guessing.
 */
export async function recordLoginSuccess(db: Db, g: LoginGuard, userId: number, reported: number): Promise<void> {
  await db.batch([
    db.delete(rateLimits).where(eq(rateLimits.key, g.pairKey)),
    db.update(users).set({ failedLogins: sql`max(${users.failedLogins} - ${reported}, 0)` }).where(eq(users.id, userId)),
  ]);
}
