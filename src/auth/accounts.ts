/** Seller accounts: creation and look-up by phone or email. No HTTP here. */
import { and, count, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Identity } from "./identity";
import { hashPassword } from "./password";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { Locale } from "../i18n";
import { DEFAULT_LOCALE } from "../i18n";
import { sessions, users } from "../db/schema";

export type UserRow = typeof users.$inferSelect;

const loginColumn = (id: Identity) => (id.kind === "phone" ? users.phone : users.email);

export async function findUser(db: Db, id: Identity): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(loginColumn(id), id.value)).get();
}

export class LoginTakenError extends Error {}

/**
 * Creates a user. Staff invitations addressed to her phone or email stay pending for her to
 * accept (src/staff/staff.ts). Throws LoginTakenError when the phone or email is already
 * registered.
 */
export async function createUser(
  db: Db,
  input: { name: string; login: Identity; password: string; locale?: Locale },
): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  const contact = input.login.value;
  try {
    const user = await db
      .insert(users)
      .values({
        name: input.name,
        phone: input.login.kind === "phone" ? contact : null,
        email: input.login.kind === "email" ? contact : null,
        passwordHash,
        locale: input.locale ?? DEFAULT_LOCALE,
      })
      .returning()
      .get();
    return user;
  } catch (err) {
    if (isUniqueViolation(err)) throw new LoginTakenError();
    throw err;
  }
}

/** Sets a new password and revokes every other session of the user, in one batch. */
export async function changePassword(db: Db, userId: number, password: string, keepSessionId: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.batch([
    db.update(users).set({ passwordHash, updatedAt: Date.now() }).where(eq(users.id, userId)),
    db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))),
  ]);
}

/**
 * A password reset with a code sent to `address`: the new password, EVERY session of hers
 * revoked (all devices, this one too: the caller starts a new one), and, when the code went to
 * her phone, the phone proven by it. One batch.
 */
export async function resetPassword(db: Db, userId: number, address: string, password: string, now = Date.now()): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.batch([
    db
      .update(users)
      .set({ passwordHash, phoneVerifiedAt: sql`CASE WHEN ${users.phone} = ${address} THEN coalesce(${users.phoneVerifiedAt}, ${now}) ELSE ${users.phoneVerifiedAt} END`, updatedAt: now })
      .where(eq(users.id, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
  ]);
}

/** Her phone is proven (a code sent to it was typed back): only if it is still her number. */
export async function setPhoneProven(db: Db, userId: number, phone: string, now = Date.now()): Promise<void> {
  await db
    .update(users)
    .set({ phoneVerifiedAt: now, updatedAt: now })
    .where(and(eq(users.id, userId), eq(users.phone, phone), isNull(users.phoneVerifiedAt)));
}

export async function setUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db.update(users).set({ locale, updatedAt: Date.now() }).where(eq(users.id, userId));
}

export async function sessionCount(db: Db, userId: number): Promise<number> {
  const row = await db.select({ n: count() }).from(sessions).where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, Date.now()))).get();
  return row?.n ?? 0;
}

export async function passwordHashOf(db: Db, userId: number): Promise<string | undefined> {
  return (await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).get())?.h;
}
