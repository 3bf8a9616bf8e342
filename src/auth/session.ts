/**
 * Sessions: a random 32-byte token in an HttpOnly cookie; D1 stores only its SHA-256.
 * The cookie is host-only (no Domain attribute) on the root domain, so shop subdomains
 * never receive it. Secure outside local http development.
 */
import { and, eq, gt, lt, ne, sql, type AnyColumn, type Placeholder, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Db } from "../db/client";
import type { ShopSlot } from "../db/page-read";
import { ph, template, type Builder } from "../db/template";
import { memberships, newOrdersOf, sessions, shops, users } from "../db/schema";
import type { Locale } from "../i18n";
import { randomToken, sha256Hex } from "../lib/bytes";
import { keepSessionId, knownSessionId } from "./session-cache";

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

/** What D1 stores of a session token: its SHA-256 (hashed once per isolate: session-cache.ts), or null for a cookie that is not a token. */
export async function sessionId(token: string | undefined): Promise<string | null> {
  if (!token || !/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const known = knownSessionId(token);
  if (known) return known;
  const id = await sha256Hex(token);
  keepSessionId(token, id);
  return id;
}

const sessionColumns = {
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
};

export async function sessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const id = await sessionId(token);
  if (!id) return null;
  const row = await db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.shopId, sessions.shopId)))
    .where(eq(sessions.id, id))
    .get();
  if (!row || row.expiresAt <= Date.now()) return null;
  const { expiresAt: _e, ...user } = row;
  return { ...user, shopId: row.role ? row.shopId : null, role: row.role ?? null };
}

/** A value of the admin's check, or the named placeholder standing for it in a template. */
type Arg<T> = T | Placeholder<string>;

/**
 * The shop /admin/{slug}/... names, as SQL every statement of the admin's batch filters by: its id
 * only while this session is live and its user a member of it (else NULL, and the statement reads
 * nothing). Sessions, memberships and shops are each read by their key.
 */
export function sessionShopSql(id: Arg<string>, slug: Arg<string>, now: Arg<number>): SQL {
  return sql`(SELECT ${memberships.shopId} FROM ${sessions} JOIN ${memberships} ON ${memberships.userId} = ${sessions.userId} JOIN ${shops} ON ${shops.id} = ${memberships.shopId} WHERE ${sessions.id} = ${id} AND ${sessions.expiresAt} > ${now} AND ${shops.slug} = ${slug})`;
}

/** The placeholders of the session's shop in templates (named apart from any page's own). */
const SLOT = { id: ph("session.id"), slug: ph("session.slug"), now: ph("session.now") };
const slotSql = sessionShopSql(SLOT.id, SLOT.slug, SLOT.now);

/** The session's shop as a page template names it (src/db/page-read.ts ShopSlot): sessionShopSql over placeholders, and this run's values. */
export const sessionShopSlot = (id: string, slug: string, now: number): ShopSlot => ({
  key: "session",
  sql: slotSql,
  values: { "session.id": id, "session.slug": slug, "session.now": now },
});

/**
 * The admin's check in one statement: the session and its user, her membership of the shop the
 * URL names, that shop's record and its new-orders badge (order_counts). No row: no live
 * session. A row with no shop: not a member (or no such shop), a 404 either way. In a batch D1
 * answers rows as objects keyed by column name (drizzle reads them back in order), so every
 * column beside the shop's own is named apart from them.
 */
function sessionShopQuery(db: Builder, id: Arg<string>, slug: Arg<string>, now: Arg<number>) {
  const shopId = sql`(SELECT ${shops.id} FROM ${shops} WHERE ${shops.slug} = ${slug})`;
  const named = <T>(col: AnyColumn, as: string) => sql<T>`${col}`.as(as);
  return db
    .select({
      sessionId: named<string>(sessions.id, "s_id"),
      expiresAt: named<number>(sessions.expiresAt, "s_expires_at"),
      shopId: named<number | null>(sessions.shopId, "s_shop_id"),
      id: named<number>(users.id, "u_id"),
      name: named<string>(users.name, "u_name"),
      phone: named<string | null>(users.phone, "u_phone"),
      email: named<string | null>(users.email, "u_email"),
      locale: named<Locale>(users.locale, "u_locale"),
      phoneVerifiedAt: named<number | null>(users.phoneVerifiedAt, "u_phone_verified_at"),
      role: named<"owner" | "staff" | null>(memberships.role, "m_role"),
      shop: shops,
      newOrders: newOrdersOf(shops.id),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.shopId, shopId)))
    .leftJoin(shops, eq(shops.id, memberships.shopId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
}

/** sessionShopQuery as a template: its SQL is built once per isolate (the admin asks it on every page). */
const sessionShopCheck = template((db) => sessionShopQuery(db, ph("id"), ph("slug"), ph("now")));

/** The admin's check bound to this request's session (its SHA-256 id), the shop the URL names and now. */
export const sessionShopBound = (id: string, slug: string, now: number) => sessionShopCheck.bind({ id, slug, now });

export type SessionShopRow = Awaited<ReturnType<ReturnType<typeof sessionShopQuery>["all"]>>[number];

/** The seller and, when she is a member, the shop of sessionShopQuery's row. */
export function sessionShopOf(row: SessionShopRow | undefined) {
  if (!row) return null;
  const { expiresAt: _e, shop, newOrders, role, ...rest } = row;
  const member = shop && role ? { shop, role, newOrders } : null;
  // Her role in the session's shop (SessionUser's meaning): known here when it is this shop.
  const user: SessionUser = { ...rest, role: member && rest.shopId === shop!.id ? role : null };
  return { user, member };
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
