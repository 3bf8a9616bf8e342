/**
 * Places an order in ONE atomic D1 batch after checkoutReads and the review, with the
 * statements placeFast uses too (order-writes.ts): the facts read a moment ago are verified
 * again as they are written. The form's key makes a retry return the first order.
 */
import { and, eq, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { orders } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { randomToken } from "../lib/bytes";
import type { FactQuote } from "../pricing/facts";
import type { Priced, Zone } from "../pricing/price";
import { orderWrites, writeFailure, type Written } from "./order-writes";
import type { Locale } from "../i18n";
import type { CheckoutInput } from "./schemas";

export interface PlaceOrderInput {
  shopId: number;
  currency: string;
  locale: Locale;
  quote: FactQuote;
  zone: Zone;
  priced: Priced;
  form: CheckoutInput;
}

/** The order placed with this idempotency key, as a query (run alone or in a batch). */
export function orderByKeyQuery(db: Db, shopId: number | SQLWrapper, key: string | SQLWrapper) {
  return db
    .select({ token: orders.token, number: orders.number })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.idempotencyKey, key)));
}

/** The order already placed with an idempotency key (values: shopId, key). */
export const orderByKey = template((db) => orderByKeyQuery(db, ph("shopId"), ph("key")));

/** The order, or null when a fact changed between the two round trips (the caller reads again and says what). */
export async function placeOrder(db: Db, input: PlaceOrderInput): Promise<Written | null> {
  const write = orderWrites({ ...input, token: randomToken(18) });
  try {
    const placed = write.read(await runTemplates(db, write.statements));
    if (placed) return placed;
  } catch (err) {
    if (!writeFailure(err)) throw err;
  }
  // The same form posted twice at once: the other post placed the order meanwhile.
  const existing = await orderByKeyQuery(db, input.shopId, input.form.key).get();
  return existing ? { ...existing, created: false, messages: [] } : null;
}
