/** Shops on the platform: slug availability, creation, a seller's memberships. No HTTP here. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { isNotNullViolation, isUniqueViolation } from "../db/errors";
import { deliveryZones, memberships, orderCounts, shops } from "../db/schema";
import { alternativeSlugs, slugProblem } from "../tenancy/slug";
import { MAX_SHOPS_OWNED } from "./schemas";
import { invalidateShop } from "../tenancy/shop-cache";

export type SlugStatus =
  | { ok: true }
  | { ok: false; problem: "invalid" | "reserved" | "taken"; suggestion?: string };

export async function slugStatus(db: Db, slug: string): Promise<SlugStatus> {
  const problem = slugProblem(slug);
  if (problem) return { ok: false, problem };
  const candidates = [slug, ...alternativeSlugs(slug)];
  const taken = await db
    .select({ slug: shops.slug })
    .from(shops)
    .where(sql`${shops.slug} IN (${sql.join(candidates.map((s) => sql`${s}`), sql`, `)})`)
    .all();
  const takenSet = new Set(taken.map((r) => r.slug));
  if (!takenSet.has(slug)) return { ok: true };
  return { ok: false, problem: "taken", suggestion: candidates.find((s) => !takenSet.has(s)) };
}

export class SlugTakenError extends Error {}

/** The owner already has MAX_SHOPS_OWNED shops. */
export class ShopLimitError extends Error {}

const ownedCount = (userId: number) =>
  sql`(SELECT count(*) FROM ${memberships} WHERE ${memberships.userId} = ${userId} AND ${memberships.role} = 'owner')`;

/** How many shops she owns. */
export async function ownedShopCount(db: Db, userId: number): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT ${ownedCount(userId)} AS n`)).n;
}

export interface NewShop {
  name: string;
  slug: string;
  themeId: string;
  locale?: "en" | "ur";
  ownerId: number;
}

/**
 * Creates the shop, its owner membership and a starting delivery zone in one atomic batch.
 * Throws SlugTakenError, or ShopLimitError when she already owns MAX_SHOPS_OWNED shops. The cap
 * is checked by the shop's INSERT itself: past it the slug is NULL, which the NOT NULL
 * constraint refuses, aborting the whole batch, so two wizard posts racing each other cannot
 * make a sixth shop and a refused one leaves no membership or zone behind. (A conditional
 * INSERT ... SELECT that inserts nothing would leave the batch's later statements to find the
 * shop by its slug, which may be someone else's shop.)
 */
export async function createShop(db: Db, input: NewShop): Promise<{ id: number; slug: string }> {
  const shopId = sql`(SELECT ${shops.id} FROM ${shops} WHERE ${shops.slug} = ${input.slug})`;
  const slugUnderCap = sql`CASE WHEN ${ownedCount(input.ownerId)} < ${MAX_SHOPS_OWNED} THEN ${input.slug} END`;
  try {
    const [created] = await db.batch([
      db
        .insert(shops)
        .values({ name: input.name, slug: slugUnderCap, themeId: input.themeId, locale: input.locale ?? "en" })
        .returning({ id: shops.id, slug: shops.slug }),
      db.insert(memberships).values({ shopId, userId: input.ownerId, role: "owner" }),
      db.insert(deliveryZones).values({ shopId, name: input.locale === "ur" ? "پورا پاکستان" : "All of Pakistan", fee: 25_000 }),
    ]);
    invalidateShop(input.slug);
    return created[0]!;
  } catch (err) {
    if (isUniqueViolation(err)) throw new SlugTakenError();
    if (isNotNullViolation(err, "shops.slug")) throw new ShopLimitError();
    throw err;
  }
}

export interface MembershipView {
  shopId: number;
  slug: string;
  name: string;
  role: "owner" | "staff";
}

export function membershipsOf(db: Db, userId: number): Promise<MembershipView[]> {
  return db
    .select({ shopId: shops.id, slug: shops.slug, name: shops.name, role: memberships.role })
    .from(memberships)
    .innerJoin(shops, eq(shops.id, memberships.shopId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(shops.name))
    .all();
}

/**
 * The seller's membership of a shop by its slug, with the shop and the number of orders waiting
 * for her (the badge on the admin's Orders tab, from order_counts): one statement for every
 * admin page.
 */
export async function membershipBySlug(db: Db, userId: number, slug: string) {
  return db
    .select({
      shop: shops,
      role: memberships.role,
      newOrders: sql<number>`coalesce((SELECT ${orderCounts.n} FROM ${orderCounts} WHERE ${orderCounts.shopId} = ${shops.id} AND ${orderCounts.status} = 'new'), 0)`.as("new_orders"),
    })
    .from(memberships)
    .innerJoin(shops, eq(shops.id, memberships.shopId))
    .where(and(eq(memberships.userId, userId), eq(shops.slug, slug)))
    .get();
}
