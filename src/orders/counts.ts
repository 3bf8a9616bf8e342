/**
 * Orders per status, kept in order_counts by triggers on the orders table (migration 0002): any
 * insert, status change or delete adjusts them in the same statement, so they cannot drift.
 */
import { eq } from "drizzle-orm";
import type { ShopRef } from "../db/page-read";
import { orderCounts } from "../db/schema";
import type { Builder } from "../db/template";

/** A batch statement reading the shop's counts by status (drizzle's, or a template's builder). */
export function countsQuery(db: Builder, shopId: ShopRef) {
  return db.select({ status: orderCounts.status, n: orderCounts.n }).from(orderCounts).where(eq(orderCounts.shopId, shopId));
}

