/**
 * One-time 6-digit codes: a password reset, proving a phone number. A code is drawn from
 * crypto.getRandomValues without modulo bias; only `<salt>$<SHA-256(salt, code)>` is stored, with
 * where it went, its purpose, its expiry (CODE_TTL_MS) and the tries typed against it (dead at
 * CODE_MAX_TRIES). A new code for an address and purpose replaces the older unused one.
 *
 * sendCode is ONE D1 batch with the same statements whether or not an account has the address:
 * the rate-limit hits (per address and purpose, per IP), the code row, and its message: an outbox
 * row in the account holder's language, on WhatsApp (SMS when a shop she owns sends her alerts
 * by SMS) or email. The message is written only with a code row of a real account, and the code
 * row only within the limits, so there is never a code without its message or a message without
 * its code. For an unknown address the row has no user (its code is never sent anywhere): it
 * counts tries and expires like any other and can never succeed, so page 2 of a reset answers
 * alike too. The outbox row carries the code itself (the queue sends it later), and its reader
 * (src/messages/outbox.ts) sends nothing once the code is used, expired or dead.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Identity } from "./identity";
import type { Db } from "../db/client";
import { outbox, rateLimits, verificationCodes } from "../db/schema";
import { hex, sha256Hex, timingSafeEqual } from "../lib/bytes";
import { hitStatement, readHit, RULES, windowStart } from "./rate-limit";

export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_TRIES = 5;
/** Rows are kept this long after they expire (page 2 can still say "expired"), then deleted. */
const CODE_KEPT_MS = 24 * 3600_000;

export type CodePurpose = (typeof verificationCodes.$inferSelect)["purpose"];

const RANGE = 10 ** CODE_DIGITS;
/** The largest multiple of RANGE that fits in 32 bits: values at or above it are drawn again. */
const UNBIASED = 2 ** 32 - (2 ** 32 % RANGE);

/** A uniformly random 6-digit code, leading zeros kept. `random` is for tests. */
export function newCode(random: () => number = () => crypto.getRandomValues(new Uint32Array(1))[0]!): string {
  let x = random();
  while (x >= UNBIASED) x = random();
  return String(x % RANGE).padStart(CODE_DIGITS, "0");
}

async function digest(saltHex: string, code: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${saltHex}:${code}`)));
}

/** `<16-byte salt hex>$<sha-256 hex>`. */
export async function hashCode(code: string): Promise<string> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  return `${salt}$${await digest(salt, code)}`;
}

export async function codeMatches(code: string, stored: string): Promise<boolean> {
  const [salt, hash] = stored.split("$");
  if (!salt || !hash) return false;
  const enc = new TextEncoder();
  return timingSafeEqual(enc.encode(await digest(salt, code)), enc.encode(hash));
}

export interface CodeRequest {
  purpose: CodePurpose;
  /** The phone or email it goes to. */
  to: Identity;
  ip: string;
  /** Proving a phone: only this account's own number gets a code. */
  userId?: number;
  now?: number;
}

export type SendResult = { ok: true; messages: number[] } | { ok: false; retryAfterMs: number };

const accountOf = (to: Identity, userId: number | undefined) =>
  sql`(SELECT id FROM users WHERE ${sql.identifier(to.kind === "phone" ? "phone" : "email")} = ${to.value}${userId === undefined ? sql`` : sql` AND id = ${userId}`})`;

/**
 * Sends a code (see the file's comment). `ok: false` when a limit is reached (counted the same
 * whether or not an account has the address). `messages`: the outbox rows to enqueue (none for
 * an unknown address).
 */
export async function sendCode(db: Db, req: CodeRequest): Promise<SendResult> {
  const now = req.now ?? Date.now();
  const code = newCode();
  const codeHash = await hashCode(code);
  const ipKey = `code:ip:${await sha256Hex(req.ip)}`;
  const addressKey = `code:${req.purpose}:${await sha256Hex(req.to.value)}`;
  const within = sql`(SELECT count FROM ${rateLimits} WHERE key = ${ipKey}) <= ${RULES.codeIp.limit}
    AND (SELECT count FROM ${rateLimits} WHERE key = ${addressKey}) <= ${RULES.codeAddress.limit}`;
  const mine = and(eq(verificationCodes.address, req.to.value), eq(verificationCodes.purpose, req.purpose));
  // A phone hears on WhatsApp, unless a shop she owns sends her its alerts by SMS.
  const channel =
    req.to.kind === "email"
      ? sql`'email'`
      : sql`CASE WHEN EXISTS (SELECT 1 FROM memberships m JOIN shops s ON s.id = m.shop_id WHERE m.user_id = u.id AND m.role = 'owner' AND s.alert_channel = 'sms') THEN 'sms' ELSE 'whatsapp' END`;
  const [ip, address, , , , sent] = await db.batch([
    hitStatement(db, ipKey, windowStart(RULES.codeIp, now)),
    hitStatement(db, addressKey, windowStart(RULES.codeAddress, now)),
    db.delete(verificationCodes).where(sql`${verificationCodes.expiresAt} < ${now - CODE_KEPT_MS}`),
    db.delete(verificationCodes).where(and(mine, sql`${verificationCodes.usedAt} IS NULL`, within)),
    // Every column of verification_codes in order: id, user_id, purpose, address, code_hash, expires_at, tries, used_at, created_at.
    db
      .insert(verificationCodes)
      .select(sql`SELECT NULL, ${accountOf(req.to, req.userId)}, ${req.purpose}, ${req.to.value}, ${codeHash}, ${now + CODE_TTL_MS}, 0, NULL, ${now} WHERE ${within}`),
    // Every column of outbox in order: id, shop_id, channel, recipient, template, params, locale,
    // state, attempts, provider_id, last_error, created_at, updated_at, sent_at.
    db
      .insert(outbox)
      .select(
        sql`SELECT NULL, NULL, ${channel}, vc.address, 'verification_code', json_object('codeId', vc.id, 'code', ${code}), u.locale, 'pending', 0, NULL, NULL, ${now}, ${now}, NULL
          FROM ${verificationCodes} vc JOIN users u ON u.id = vc.user_id
          WHERE vc.address = ${req.to.value} AND vc.purpose = ${req.purpose} AND vc.code_hash = ${codeHash}`,
      )
      .returning({ id: outbox.id }),
  ]);
  const ipHit = readHit(ip, RULES.codeIp, now);
  const addressHit = readHit(address, RULES.codeAddress, now);
  if (ipHit.limited || addressHit.limited) {
    return { ok: false, retryAfterMs: Math.max(ipHit.limited ? ipHit.retryAfterMs : 0, addressHit.limited ? addressHit.retryAfterMs : 0) };
  }
  return { ok: true, messages: sent.map((r) => r.id) };
}

/**
 * What typing a code gave: `ok` (the code is used up now: exactly one request gets this), or why
 * not: `wrong` (with the tries left), `dead` (too many tries), `expired` (also: none asked for,
 * or used already: either way, ask for a new one).
 */
export type CheckResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "wrong"; triesLeft: number }
  | { ok: false; reason: "dead" | "expired" };

/**
 * Checks a code typed for an address and purpose against its newest code, in two round trips
 * whatever the answer: the row read (for its salt), then one UPDATE that counts the try and, for
 * the right code of a real account, marks the code used (only if nobody used it meanwhile).
 */
export async function checkCode(db: Db, input: { purpose: CodePurpose; to: Identity; code: string; now?: number }): Promise<CheckResult> {
  const now = input.now ?? Date.now();
  const row = await db
    .select()
    .from(verificationCodes)
    .where(and(eq(verificationCodes.address, input.to.value), eq(verificationCodes.purpose, input.purpose)))
    .orderBy(desc(verificationCodes.id))
    .limit(1)
    .get();
  const right = row ? await codeMatches(input.code, row.codeHash) : await codeMatches(input.code, "0$0");
  if (!row || row.usedAt !== null || row.expiresAt <= now) return { ok: false, reason: "expired" };
  if (row.tries >= CODE_MAX_TRIES) return { ok: false, reason: "dead" };
  const use = right && row.userId !== null;
  const claimed = await db
    .update(verificationCodes)
    .set({ tries: sql`${verificationCodes.tries} + 1`, usedAt: use ? now : null })
    .where(and(eq(verificationCodes.id, row.id), isLive(now)))
    .returning({ tries: verificationCodes.tries, usedAt: verificationCodes.usedAt })
    .get();
  // Another request used it, or took its last try, between the read and this write.
  if (!claimed) return { ok: false, reason: "expired" };
  if (use && claimed.usedAt === now) return { ok: true, userId: row.userId! };
  const triesLeft = CODE_MAX_TRIES - claimed.tries;
  return triesLeft > 0 ? { ok: false, reason: "wrong", triesLeft } : { ok: false, reason: "dead" };
}

/** A code that can still be typed: not used, tries left, not expired. The one rule (the outbox reads it too: src/messages/outbox.ts). */
export const isLive = (now: number) =>
  and(sql`${verificationCodes.usedAt} IS NULL`, sql`${verificationCodes.tries} < ${CODE_MAX_TRIES}`, sql`${verificationCodes.expiresAt} > ${now}`)!;
