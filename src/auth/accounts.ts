/** Seller accounts: creation and look-up by phone or email. No HTTP here. */
import { and, count, eq, gt, ne } from "drizzle-orm";
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
