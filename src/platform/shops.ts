/** Shops on the platform: slug availability, creation, a seller's memberships. No HTTP here. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { emptiestShard } from "../db/shards";
import { ensureBlock } from "../shards/blocks";
import { ph, runTemplates, template } from "../db/template";
import { syncMembers } from "../db/members";
import type { ShopSource } from "../tenancy/shop-cache";
import { insertBelowCap, insertWhere } from "../db/capped";
import { isUniqueViolation } from "../db/errors";
import { deliveryZones, memberships, newOrdersOf, shops } from "../db/schema";
import { alternativeSlugs, slugProblem } from "../tenancy/slug";
import { MAX_SHOPS_OWNED } from "./schemas";
import { DEFAULT_LOCALE, messages, type Locale } from "../i18n";

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
  locale?: Locale;
  ownerId: number;
  /** Where orders reach her: her sign-up mobile (E.164) when she signed up with one. */
  whatsapp?: string;
}

/**
 * Creates the shop in the emptiest shard (src/db/shards.ts), its owner membership and a starting
 * delivery zone. Throws SlugTakenError, or ShopLimitError when she already owns MAX_SHOPS_OWNED
 * shops. The cap is counted by the directory row's INSERT itself (so two wizard posts racing each
 * other cannot make a sixth shop), and its RETURNING says whether the shop was made. The
 * membership is inserted only for the shop this batch made (a shop with that slug and no member
 * yet), so a refused shop leaves nothing behind and never touches a shop of someone else.
 *
 * When the directory's database is the shard, that is one atomic batch with the zone. Else the
 * shard's counters start in its own block of ids if they do not yet (src/shards/blocks.ts), and the
 * shard's batch follows (the full row under the directory's id, and the zone); if it fails, the
 * directory row is deleted again (its membership with it), so no shop is left half-made.
 */
export async function createShop(src: ShopSource, input: NewShop): Promise<{ id: number; slug: string }> {
  const dir = src.dir;
  const shard = await emptiestShard(dir, src.shards);
  const row = { name: input.name, slug: input.slug, themeId: input.themeId, locale: input.locale ?? DEFAULT_LOCALE, whatsapp: input.whatsapp ?? "", shard };
  const zone = { name: messages(input.locale ?? DEFAULT_LOCALE).t("zones.defaultName"), fee: 25_000 };
  const madeNow = sql`(SELECT s.id FROM ${shops} s WHERE s.slug = ${input.slug} AND NOT EXISTS (SELECT 1 FROM ${memberships} m WHERE m.shop_id = s.id))`;
  const herNewShop = sql`(SELECT s.id FROM ${shops} s WHERE s.slug = ${input.slug}
    AND EXISTS (SELECT 1 FROM ${memberships} m WHERE m.shop_id = s.id AND m.user_id = ${input.ownerId} AND m.role = 'owner')
    AND NOT EXISTS (SELECT 1 FROM ${deliveryZones} z WHERE z.shop_id = s.id))`;
  const held = src.holdsShops(shard);
  let created: { id: number; slug: string }[];
  try {
    [created] = await dir.batch([
      insertBelowCap(dir, shops, row, ownedCount(input.ownerId), MAX_SHOPS_OWNED).returning({ id: shops.id, slug: shops.slug }),
      insertWhere(dir, memberships, { shopId: madeNow, userId: input.ownerId, role: "owner" }, sql`${madeNow} IS NOT NULL`),
      ...(held ? [insertWhere(dir, deliveryZones, { shopId: herNewShop, ...zone }, sql`${herNewShop} IS NOT NULL`)] : []),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw new SlugTakenError();
    throw err;
  }
  const made = created[0];
  if (!made) throw new ShopLimitError();
  if (held) return made;
  const db = src.shard(shard);
  try {
    if (!db) throw new Error(`no shard ${shard}`);
    await ensureBlock(dir.$client, db.$client, shard);
    await db.batch([db.insert(shops).values({ ...row, id: made.id }), db.insert(deliveryZones).values({ shopId: made.id, ...zone })]);
    await syncMembers(src, made.id);
  } catch (err) {
    await dir.delete(shops).where(eq(shops.id, made.id));
    throw err;
  }
  return made;
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
      newOrders: newOrdersOf(shops.id),
    })
    .from(memberships)
    .innerJoin(shops, eq(shops.id, memberships.shopId))
    .where(and(eq(memberships.userId, userId), eq(shops.slug, slug)))
    .get();
}

/** The shop's record and its new-orders badge, on the shard that holds it (src/db/shards.ts): one statement, its SQL built once. */
const shopWithBadgeTemplate = template((db) =>
  db
    .select({
      shop: shops,
      newOrders: newOrdersOf(shops.id),
    })
    .from(shops)
    .where(eq(shops.id, ph("shopId")))
    .limit(1),
);

export const shopWithBadge = (shopId: number) => shopWithBadgeTemplate.bind({ shopId });

/** The same, alone: one round trip. */
export async function readShopWithBadge(db: Db, shopId: number) {
  const [[row]] = await runTemplates(db, [shopWithBadge(shopId)]);
  return row;
}
