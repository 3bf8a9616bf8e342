/**
 * Staff of a shop, by consent. The owner invites a phone or email; the invitation stays pending
 * until the person who has that phone or email, logged in, accepts it (it becomes a membership)
 * or declines it. The owner's answer and her list are the same whether or not anyone has an
 * account with that contact: she sees what she typed and "pending", and a member's name only
 * once she has accepted. Nobody joins a shop by signing up or logging in.
 *
 * An invitation to a contact with no account waits for whoever signs up with it. One to a phone
 * number takes effect only once she has proven that number (a code sent to it:
 * src/auth/codes.ts): until then she sees it with the way to prove it, and accepting it does
 * nothing. Her acceptance, logged in, is the consent step. Staff may leave a shop; an owner
 * cannot leave her own.
 */
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Identity } from "../auth/identity";
import type { Db } from "../db/client";
import { pageRead, runRead } from "../db/page-read";
import { invitations, memberships, shops, users } from "../db/schema";
import { now } from "../db/schema/columns";
import { STAFF_CAP } from "./schema";

/** The staff page's read: the shop's members and its pending invitations. */
export const staffRead = pageRead(
  (db, shopId) =>
    [
      db
        .select({ userId: users.id, name: users.name, phone: users.phone, email: users.email, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.shopId, shopId))
        .orderBy(asc(memberships.createdAt)),
      // Declined ones too, looking the same: whether she declined is hers to tell.
      db.select({ id: invitations.id, contact: invitations.contact }).from(invitations).where(eq(invitations.shopId, shopId)).orderBy(asc(invitations.id)),
    ] as const,
  ([members, pending]) => ({ members, pending }),
);

export function listStaff(db: Db, shopId: number) {
  return runRead(db, shopId, staffRead);
}
export type StaffList = Awaited<ReturnType<typeof listStaff>>;

export type InviteResult = "invited" | "already" | "full";

const contactColumn = (id: Identity) => (id.kind === "phone" ? users.phone : users.email);

/**
 * Records an invitation, or says why not: "already" (this contact is invited or on the staff),
 * "full" (STAFF_CAP staff and invitations). The cap is checked by the INSERT itself, so two
 * invitations posted at once cannot both pass it.
 */
export async function inviteStaff(db: Db, shopId: number, contact: Identity, invitedBy: number): Promise<InviteResult> {
  const isMember = and(eq(memberships.shopId, shopId), eq(contactColumn(contact), contact.value));
  const member = sql`SELECT 1 FROM ${memberships} INNER JOIN ${users} ON ${users.id} = ${memberships.userId} WHERE ${isMember}`;
  const taken = sql`(SELECT count(*) FROM ${memberships} WHERE ${memberships.shopId} = ${shopId} AND ${memberships.role} = 'staff')
    + (SELECT count(*) FROM ${invitations} WHERE ${invitations.shopId} = ${shopId})`;
  // Every column of invitations in order: id, shop_id, contact, role, invited_by, created_at, declined_at.
  const rows = await db
    .insert(invitations)
    .select(sql`SELECT NULL, ${shopId}, ${contact.value}, 'staff', ${invitedBy}, ${now}, NULL WHERE ${taken} < ${STAFF_CAP} AND NOT EXISTS (${member})`)
    .onConflictDoNothing()
    .returning({ id: invitations.id });
  if (rows.length) return "invited";
  const [invited, members] = await db.batch([
    db.select({ n: count() }).from(invitations).where(and(eq(invitations.shopId, shopId), eq(invitations.contact, contact.value))),
    db.select({ n: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(isMember),
  ]);
  return invited[0]!.n || members[0]!.n ? "already" : "full";
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

// ---------------------------------------------------------------- the invitee's side

export interface Invitee {
  id: number;
  phone: string | null;
  email: string | null;
  /** When she proved her phone; an invitation to it waits for that. */
  phoneVerifiedAt: number | null;
}

/** At most this many of her pending invitations are listed at once (newest first). */
const INVITATIONS_LISTED = 20;

const contactsOf = (u: Invitee) => [u.phone, u.email].filter((c): c is string => !!c);

/** Her pending invitations: the ones addressed to her phone or email that she has not declined. */
const hers = (u: Invitee) => and(inArray(invitations.contact, contactsOf(u)), isNull(invitations.declinedAt));
const hersById = (u: Invitee, id: number) => and(eq(invitations.id, id), hers(u));
/** An invitation to her phone while she has not proven it: listed, not yet acceptable. */
const needsProof = (u: Invitee, contact: string) => contact === u.phone && u.phoneVerifiedAt === null;

export interface PendingInvitation {
  id: number;
  shopName: string;
  /** The name of who invited her (null when that account is gone). */
  invitedBy: string | null;
  /** Addressed to her phone, which she has to prove before accepting (the phone, E.164), else null. */
  proveFirst: string | null;
}

export async function invitationsFor(db: Db, u: Invitee): Promise<PendingInvitation[]> {
  if (!contactsOf(u).length) return [];
  const rows = await db
    .select({ id: invitations.id, shopName: shops.name, invitedBy: users.name, contact: invitations.contact })
    .from(invitations)
    .innerJoin(shops, eq(shops.id, invitations.shopId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(hers(u))
    .orderBy(sql`${invitations.id} DESC`)
    .limit(INVITATIONS_LISTED)
    .all();
  return rows.map(({ contact, ...r }) => ({ ...r, proveFirst: needsProof(u, contact) ? contact : null }));
}

export async function pendingInvitationCount(db: Db, u: Invitee): Promise<number> {
  if (!contactsOf(u).length) return 0;
  return (await db.select({ n: count() }).from(invitations).where(hers(u)).get())?.n ?? 0;
}

/**
 * She accepts: the invitation becomes her membership, in one batch. Returns the shop's slug;
 * `prove` when it is addressed to her phone and she has not proven it (nothing changes); or
 * null when this is not a pending invitation of hers (another's, another shop's, declined, gone).
 */
export async function acceptInvitation(db: Db, u: Invitee, id: number): Promise<{ slug: string } | { prove: true } | null> {
  if (!contactsOf(u).length) return null;
  const found = await db
    .select({ slug: shops.slug, contact: invitations.contact })
    .from(invitations)
    .innerJoin(shops, eq(shops.id, invitations.shopId))
    .where(hersById(u, id))
    .get();
  if (!found) return null;
  if (needsProof(u, found.contact)) return { prove: true };
  const [, taken] = await db.batch([
    // Every column of memberships in order: shop_id, user_id, role, created_at.
    db
      .insert(memberships)
      .select(sql`SELECT ${invitations.shopId}, ${u.id}, ${invitations.role}, ${now} FROM ${invitations} WHERE ${hersById(u, id)}`)
      .onConflictDoNothing(),
    db.delete(invitations).where(hersById(u, id)).returning({ id: invitations.id }),
  ]);
  return taken.length ? { slug: found.slug } : null;
}

/** She declines: hidden from her, still pending to the shop (which may cancel it). */
export async function declineInvitation(db: Db, u: Invitee, id: number): Promise<boolean> {
  if (!contactsOf(u).length) return false;
  const rows = await db.update(invitations).set({ declinedAt: Date.now() }).where(hersById(u, id)).returning({ id: invitations.id });
  return rows.length > 0;
}

/** Staff leave a shop; an owner cannot leave her own (false). */
export async function leaveShop(db: Db, shopId: number, userId: number): Promise<boolean> {
  return removeStaff(db, shopId, userId);
}
