/**
 * One customer, always within a shop (another shop's id is not found): her row and her latest
 * orders in one D1 round trip; the seller's note and tags saved on her row.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Scope } from "../db/client";
import { pageRead, runRead } from "../db/page-read";
import { customers, orders } from "../db/schema";

/** Her orders shown on her page, newest first; the rest are in the order list, searched by her number. */
export const CUSTOMER_ORDERS_SHOWN = 50;

type CustomerRow = typeof customers.$inferSelect;

export interface CustomerDetail {
  customer: CustomerRow;
  tags: string[];
  orders: { id: number; number: number; status: (typeof orders.$inferSelect)["status"]; total: number; currency: string; city: string; createdAt: number }[];
}

/** The tags as stored (a JSON array of strings); anything else reads as none. */
export function tagsOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** Her page's read: her row and her latest orders (null: not this shop's customer). */
export const customerRead = (id: number) =>
  pageRead(
    (db, shopId) => {
      const phone = sql`(SELECT ${customers.phone} FROM ${customers} WHERE ${customers.shopId} = ${shopId} AND ${customers.id} = ${id})`;
      return [
        db.select().from(customers).where(and(eq(customers.shopId, shopId), eq(customers.id, id))).limit(1),
        db
          .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, currency: orders.currency, city: orders.city, createdAt: orders.createdAt })
          .from(orders)
          .where(and(eq(orders.shopId, shopId), eq(orders.customerPhone, phone)))
          .orderBy(desc(orders.id))
          .limit(CUSTOMER_ORDERS_SHOWN),
      ] as const;
    },
    ([found, list]): CustomerDetail | null => {
      const customer = found[0];
      return customer ? { customer, tags: tagsOf(customer.tags), orders: list } : null;
    },
  );

export function customerById(db: Db, shopId: number, id: number): Promise<CustomerDetail | null> {
  return runRead(db, shopId, customerRead(id));
}

/** The seller's note and tags; false when the customer is not this shop's. */
export async function saveCustomerNote({ db, shopId }: Scope, id: number, input: { note: string; tags: string[] }): Promise<boolean> {
  const done = await db
    .update(customers)
    .set({ note: input.note, tags: JSON.stringify(input.tags), updatedAt: Date.now() })
    .where(and(eq(customers.shopId, shopId), eq(customers.id, id)))
    .returning({ id: customers.id });
  return done.length > 0;
}
