/** Delivery zones (name, fee, free above an amount) of a shop. No HTTP here. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { deliveryZones } from "../db/schema";
import { runBatch } from "../catalog/batch";
import { bumpVersionStmt } from "./version";

export interface ZoneInput {
  name: string;
  fee: number;
  freeAbove: number | null;
}

export function listZones(db: Db, shopId: number) {
  return db.select().from(deliveryZones).where(eq(deliveryZones.shopId, shopId)).orderBy(asc(deliveryZones.position), asc(deliveryZones.id)).all();
}
export type ZoneRow = Awaited<ReturnType<typeof listZones>>[number];

export async function zoneById(db: Db, shopId: number, id: number) {
  return (await db.select().from(deliveryZones).where(and(eq(deliveryZones.shopId, shopId), eq(deliveryZones.id, id))).get()) ?? null;
}

export async function createZone(db: Db, shopId: number, z: ZoneInput): Promise<void> {
  const pos = sql`(SELECT COALESCE(MAX(${deliveryZones.position}), -1) + 1 FROM ${deliveryZones} WHERE ${deliveryZones.shopId} = ${shopId})`;
  await runBatch(db, [db.insert(deliveryZones).values({ shopId, ...z, position: pos as unknown as number }), bumpVersionStmt(db, shopId)]);
}

/** False when the zone is not this shop's. */
export async function updateZone(db: Db, shopId: number, id: number, z: ZoneInput): Promise<boolean> {
  const [rows] = (await runBatch(db, [
    db.update(deliveryZones).set(z).where(and(eq(deliveryZones.shopId, shopId), eq(deliveryZones.id, id))).returning({ id: deliveryZones.id }),
    bumpVersionStmt(db, shopId),
  ])) as [{ id: number }[]];
  return rows.length > 0;
}

export async function deleteZone(db: Db, shopId: number, id: number): Promise<boolean> {
  const [rows] = (await runBatch(db, [
    db.delete(deliveryZones).where(and(eq(deliveryZones.shopId, shopId), eq(deliveryZones.id, id))).returning({ id: deliveryZones.id }),
    bumpVersionStmt(db, shopId),
  ])) as [{ id: number }[]];
  return rows.length > 0;
}
