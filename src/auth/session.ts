/**
 * Sessions: a random 32-byte token in an HttpOnly cookie; D1 stores only its SHA-256.
 * The cookie is host-only (no Domain attribute) on the root domain, so shop subdomains
 * never receive it. Secure outside local http development.
 */
import { and, eq, lt, ne } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Db } from "../db/client";
import { memberships, sessions, users } from "../db/schema";
import type { Locale } from "../i18n";
import { randomToken, sha256Hex } from "../lib/bytes";

const SESSION_COOKIE = "hatti_sid";
const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

export interface SessionUser {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  locale: Locale;
  /** When she proved her phone (src/auth/codes.ts); null until then. */
  phoneVerifiedAt: number | null;
  sessionId: string;
  /** The shop the seller is working on, and her role there (null when none). */
  shopId: number | null;
  role: "owner" | "staff" | null;
}

export async function createSession(
  db: Db,
  userId: number,
  opts: { shopId?: number | null; userAgent?: string } = {},
): Promise<string> {
  const token = randomToken(32);
  const now = Date.now();
  await db.batch([
    // Housekeeping: this user's expired sessions go when a new one starts.
    db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now))),
    db.insert(sessions).values({
      id: await sha256Hex(token),
      userId,
      shopId: opts.shopId ?? null,
      createdAt: now,
      expiresAt: now + SESSION_TTL_MS,
      userAgent: (opts.userAgent ?? "").slice(0, 200),
    }),
  ]);
  return token;
}

export async function sessionUser(db: Db, token: string): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const id = await sha256Hex(token);
  const row = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      shopId: sessions.shopId,
      id: users.id,
      name: users.name,
      phone: users.phone,
      email: users.email,
      locale: users.locale,
      phoneVerifiedAt: users.phoneVerifiedAt,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.shopId, sessions.shopId)))
    .where(eq(sessions.id, id))
    .get();
  if (!row || row.expiresAt <= Date.now()) return null;
  const { expiresAt: _e, ...user } = row;
  return { ...user, shopId: row.role ? row.shopId : null, role: row.role ?? null };
}

export async function setSessionShop(db: Db, sessionId: string, shopId: number): Promise<void> {
  await db.update(sessions).set({ shopId }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Log-out everywhere, or (with `except`) everywhere but this device. */
export async function revokeUserSessions(db: Db, userId: number, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId));
}

function isSecureRequest(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:";
}

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecureRequest(c),
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isSecureRequest(c) });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
