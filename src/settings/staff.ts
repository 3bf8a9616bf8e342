/**
 * Staff of a shop: memberships with role "staff" and pending invitations. An invitation to a
 * phone/email that already has an account becomes a membership at once; otherwise
 * src/platform/accounts.ts acceptInvitations() turns it into one at her sign-up or log-in.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Identity } from "../auth/identity";
import type { Db } from "../db/client";
import { invitations, memberships, users } from "../db/schema";
import { findUser } from "../platform/accounts";

export async function listStaff(db: Db, shopId: number) {
  const [members, pending] = await db.batch([
    db
      .select({ userId: users.id, name: users.name, phone: users.phone, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.shopId, shopId))
      .orderBy(asc(memberships.createdAt)),
    db.select({ id: invitations.id, contact: invitations.contact }).from(invitations).where(eq(invitations.shopId, shopId)).orderBy(asc(invitations.id)),
  ]);
  return { members, pending };
}
export type StaffList = Awaited<ReturnType<typeof listStaff>>;

export type InviteResult = "added" | "invited" | "already";

export async function inviteStaff(db: Db, shopId: number, contact: Identity, invitedBy: number): Promise<InviteResult> {
  const user = await findUser(db, contact);
  if (user) {
    const rows = await db.insert(memberships).values({ shopId, userId: user.id, role: "staff" }).onConflictDoNothing().returning({ userId: memberships.userId });
    return rows.length ? "added" : "already";
  }
  const rows = await db.insert(invitations).values({ shopId, contact: contact.value, invitedBy }).onConflictDoNothing().returning({ id: invitations.id });
  return rows.length ? "invited" : "already";
}

/** Removes a staff member (never an owner). False when she is not staff of this shop. */
export async function removeStaff(db: Db, shopId: number, userId: number): Promise<boolean> {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.shopId, shopId), eq(memberships.userId, userId), eq(memberships.role, "staff")))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

export async function cancelInvitation(db: Db, shopId: number, id: number): Promise<boolean> {
  const rows = await db.delete(invitations).where(and(eq(invitations.shopId, shopId), eq(invitations.id, id))).returning({ id: invitations.id });
  return rows.length > 0;
}
