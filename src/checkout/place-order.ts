/**
 * Places an order in ONE atomic D1 batch after checkoutReads and the review: the order under
 * the shop's next number, its items, the stock decrements and a 'created' event, written by
 * the statements placeFast uses too (order-writes.ts). The CHECK (stock >= 0) on variants
 * aborts the whole batch when two customers race for the last unit; the form's key makes a
 * retry return the first order.
 */
import { and, eq, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { orders } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { randomToken } from "../lib/bytes";
import { orderWrites, writeFailure, type Written } from "./order-writes";
import type { QuoteLine, Zone } from "./quote";
import type { Locale } from "../i18n";
import type { CheckoutInput } from "./schemas";

export interface PlaceOrderInput {
  shopId: number;
  currency: string;
  locale: Locale;
  lines: QuoteLine[];
  zone: Zone;
  form: CheckoutInput;
}

export type PlaceResult =
  | ({ ok: true } & Written)
  /** "stock": a line ran short meanwhile; "changed": a line, the zone or a price changed. */
  | { ok: false; reason: "stock" | "changed" };

/** The order placed with this idempotency key, as a query (run alone or in a batch). */
export function orderByKeyQuery(db: Db, shopId: number | SQLWrapper, key: string | SQLWrapper) {
  return db
    .select({ token: orders.token, number: orders.number })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.idempotencyKey, key)));
}

/** The order already placed with an idempotency key (values: shopId, key). */
export const orderByKey = template((db) => orderByKeyQuery(db, ph("shopId"), ph("key")));

export async function placeOrder(db: Db, input: PlaceOrderInput): Promise<PlaceResult> {
  const { shopId, lines, zone, form } = input;
  // The statements price the order from the database again; it must come to the subtotal
  // the review approved (the one the customer saw), or nothing is written.
  const subtotal = lines.reduce((s, l) => s + l.price * l.quantity, 0);
  const write = orderWrites({
    shopId,
    currency: input.currency,
    locale: input.locale,
    token: randomToken(18),
    form: { ...form, zone: zone.id },
    lines,
    subtotal: String(subtotal),
  });
  try {
    return { ok: true, ...write.read(await runTemplates(db, write.statements)) };
  } catch (err) {
    const failure = writeFailure(err);
    if (!failure) throw err;
    // The same form posted twice at once: the other post placed the order meanwhile.
    const existing = await orderByKeyQuery(db, shopId, form.key).get();
    if (existing) return { ok: true, ...existing, created: false, messages: [] };
    if (failure === "duplicate") throw err;
    return { ok: false, reason: failure === "stock" ? "stock" : "changed" };
  }
}
