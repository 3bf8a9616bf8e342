/** Delivery zones (name, fee, free above an amount) of a shop. No HTTP here. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { pageRead, type ShopRef } from "../db/page-read";
import { deliveryZones } from "../db/schema";
import { runBatch } from "../db/batch";
import { insertBelowCap } from "../db/capped";
import { MAX_ZONES } from "./schema";
import { bumpVersionStmt } from "../tenancy/version";

export interface ZoneInput {
  name: string;
  fee: number;
  freeAbove: number | null;
}

const zonesQuery = (db: Db, shopId: ShopRef) => db.select().from(deliveryZones).where(eq(deliveryZones.shopId, shopId)).orderBy(asc(deliveryZones.position), asc(deliveryZones.id));

/** The zones page's read: the shop's delivery zones in their order. */
export const zoneListRead = pageRead((db, shop) => [zonesQuery(db, shop)] as const, ([rows]) => rows);

export function listZones(db: Db, shopId: number) {
  return zonesQuery(db, shopId).all();
}
export type ZoneRow = Awaited<ReturnType<typeof listZones>>[number];

/** Adds a zone at the end; false when the shop already has MAX_ZONES. */
export async function createZone(db: Db, shopId: number, z: ZoneInput): Promise<boolean> {
  const ofShop = sql`FROM ${deliveryZones} WHERE ${deliveryZones.shopId} = ${shopId}`;
  const insert = insertBelowCap(db, deliveryZones, { shopId, ...z, position: sql`(SELECT COALESCE(MAX(${deliveryZones.position}), -1) + 1 ${ofShop})` }, sql`SELECT COUNT(*) ${ofShop}`, MAX_ZONES);
  const [rows] = (await runBatch(db, [insert.returning({ id: deliveryZones.id }), bumpVersionStmt(db, shopId, { ifChanged: true })])) as [{ id: number }[]];
  return rows.length > 0;
}

/** False when the zone is not this shop's (then nothing is bumped). */
export async function updateZone(db: Db, shopId: number, id: number, z: ZoneInput): Promise<boolean> {
  const [rows] = (await runBatch(db, [
    db.update(deliveryZones).set(z).where(and(eq(deliveryZones.shopId, shopId), eq(deliveryZones.id, id))).returning({ id: deliveryZones.id }),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [{ id: number }[]];
  return rows.length > 0;
}

/** False when the zone is not this shop's (then nothing is bumped). */
export async function deleteZone(db: Db, shopId: number, id: number): Promise<boolean> {
  const [rows] = (await runBatch(db, [
    db.delete(deliveryZones).where(and(eq(deliveryZones.shopId, shopId), eq(deliveryZones.id, id))).returning({ id: deliveryZones.id }),
    bumpVersionStmt(db, shopId, { ifChanged: true }),
  ])) as [{ id: number }[]];
  return rows.length > 0;
}
