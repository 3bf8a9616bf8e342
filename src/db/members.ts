/**
 * A shard's copy of its shops' members and custom domains (src/db/shards.ts). The custom
 * domains are the directory's (host routing), and the shop's record, read from its shard, names
 * its active custom host (canonical URLs, sitemap, share tags): `syncDomains` copies a shop's
 * domain rows to its shard after every change to them (added, removed, stepped by the queue or
 * the cron), so the storefront shows the change as fast as any other edit.
 *
 * Members: The directory owns memberships and
 * accounts; the batches that run in a shop's shard still need to know who its members are and
 * in which language each reads (the seller alerts' SQL, src/messages/seller-alerts.ts, joins push
 * subscriptions with memberships and users), and push subscriptions point at a user. So each shard
 * holds, for its shops, their memberships and a row per member in `users` with only her id, name
 * and language: no login, no password (a placeholder address satisfies the table's CHECK; it is
 * never a login, never unique to anyone else).
 *
 * One function keeps it: `syncMembers` copies a shop's members from the directory to its shard
 * (and drops those no longer members, with their push subscriptions), called after every change
 * to them: a shop made, an invitation accepted, a member removed or gone, a language changed.
 * A shop whose shard is the directory's own database needs nothing.
 */
import { and, eq, notInArray } from "drizzle-orm";
import { memberships, pushSubscriptions, shopDomains, shops, users } from "./schema";
import type { ShopSource } from "../tenancy/shop-cache";

/** The address a member's copy carries in a shard: never a login. */
const placeholder = (userId: number) => `member-${userId}@shard.invalid`;

/**
 * The shop (by id or slug) and its shard's database, as the directory says; null when there is no
 * such shop or its shard is the directory's own database (no copy is needed there).
 */
async function heldElsewhere(src: ShopSource, shop: number | string, into?: number) {
  const [found] = await src.dir
    .select({ id: shops.id, shard: shops.shard })
    .from(shops)
    .where(typeof shop === "number" ? eq(shops.id, shop) : eq(shops.slug, shop))
    .limit(1);
  const k = into ?? found?.shard;
  const db = found && k !== undefined && !src.holdsShops(k) ? src.shard(k) : null;
  return db ? { shopId: found!.id, db } : null;
}

/**
 * Copies a shop's members (the shop by id or slug) from the directory to the shard that holds it
 * (see above), or to shard `into` (a move copies them before the directory names it).
 */
export async function syncMembers(src: ShopSource, shop: number | string, into?: number): Promise<void> {
  const dir = src.dir;
  const held = await heldElsewhere(src, shop, into);
  if (!held) return;
  const { shopId, db } = held;
  const members = await dir
    .select({ userId: memberships.userId, role: memberships.role, createdAt: memberships.createdAt, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.shopId, shopId))
    .all();
  const ids = members.map((m) => m.userId);
  const gone = ids.length ? notInArray(memberships.userId, ids) : undefined;
  await db.batch([
    db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.shopId, shopId), ids.length ? notInArray(pushSubscriptions.userId, ids) : undefined)),
    db.delete(memberships).where(and(eq(memberships.shopId, shopId), gone)),
    ...members.flatMap((m) => [
      db
        .insert(users)
        .values({ id: m.userId, name: m.name, email: placeholder(m.userId), passwordHash: "", locale: m.locale })
        .onConflictDoUpdate({ target: users.id, set: { name: m.name, locale: m.locale } }),
      db
        .insert(memberships)
        .values({ shopId, userId: m.userId, role: m.role, createdAt: m.createdAt })
        .onConflictDoUpdate({ target: [memberships.shopId, memberships.userId], set: { role: m.role } }),
    ]),
  ]);
}

/** After her name or language changed: every shop she is a member of, in its shard. */
export async function syncMemberEverywhere(src: ShopSource, userId: number): Promise<void> {
  const held = await src.dir.select({ shopId: memberships.shopId }).from(memberships).where(eq(memberships.userId, userId)).all();
  for (const { shopId } of held) await syncMembers(src, shopId);
}

/** Copies a shop's custom domain rows (by the shop's id, or a domain's id) from the directory to the shard that holds it (see above), or to `into`. */
export async function syncDomains(src: ShopSource, by: { shopId: number } | { domainId: number }, into?: number): Promise<void> {
  const dir = src.dir;
  const shopId =
    "shopId" in by ? by.shopId : (await dir.select({ shopId: shopDomains.shopId }).from(shopDomains).where(eq(shopDomains.id, by.domainId)).limit(1))[0]?.shopId;
  const held = shopId === undefined ? null : await heldElsewhere(src, shopId, into);
  if (!held) return;
  const { db } = held;
  const rows = await dir.select().from(shopDomains).where(eq(shopDomains.shopId, held.shopId)).all();
  await db.batch([db.delete(shopDomains).where(eq(shopDomains.shopId, held.shopId)), ...rows.map((r) => db.insert(shopDomains).values(r))]);
}
