import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { products } from "../db/schema";

export async function productCount(db: Db, shopId: number): Promise<number> {
  const row = await db.select({ n: count() }).from(products).where(eq(products.shopId, shopId)).get();
  return row?.n ?? 0;
}
