/**
 * POST /checkout's usual case in ONE D1 round trip of five statements: the checkout rate-limit
 * hit and the order's four (order-writes.ts) in one atomic batch, which checks inside SQL what
 * checkoutReads and the review would have checked: no order yet with this key, the IP within
 * its limit, every line orderable as asked at the subtotal the customer saw, the zone.
 *
 * Any of those failing aborts the batch (nothing written, nothing counted, no order number
 * used) and placeFast returns null: the caller then takes the long way (checkoutReads, the
 * review, placeOrder), which finds out what is wrong and says so. A retry of an order already
 * placed is answered by the batch itself. Errors that are not one of the aborts are thrown.
 */
import { notExists } from "drizzle-orm";
import { hitStatement, RULES, windowStart } from "../auth/rate-limit";
import type { Db } from "../db/client";
import { ph, runTemplates, template } from "../db/template";
import { randomToken } from "../lib/bytes";
import type { CartLine } from "./cart";
import { orderWrites, writeFailure, type Written } from "./order-writes";
import { orderByKeyQuery } from "./place-order";
import type { Locale } from "../i18n";
import type { CheckoutInput } from "./schemas";

export interface FastShop {
  id: number;
  currency: string;
  locale: Locale;
}

/** The IP's checkout hit, counted as checkoutReads counts it: not for a retry of an order already placed. */
export const checkoutHit = template((db) => hitStatement(db, ph("rateKey"), ph("start"), notExists(orderByKeyQuery(db, ph("shopId"), ph("key")))));

/** `form` has passed checkoutSchema and its payment method is one the shop offers. */
export async function placeFast(db: Db, shop: FastShop, lines: readonly CartLine[], form: CheckoutInput, ip: string): Promise<Written | null> {
  const rateKey = `checkout:ip:${ip}`;
  const hit = checkoutHit.bind({ rateKey, start: windowStart(RULES.checkoutIp, Date.now()), shopId: shop.id, key: form.key });
  const write = orderWrites({
    shopId: shop.id,
    currency: shop.currency,
    locale: shop.locale,
    token: randomToken(18),
    form,
    lines,
    // Today's "priceChanged" rule: a subtotal was shown, and it must still be the same.
    subtotal: form.seen || null,
    rate: { key: rateKey, limit: RULES.checkoutIp.limit },
  });
  try {
    const [, ...results] = await runTemplates(db, [hit, ...write.statements]);
    return write.read(results);
  } catch (err) {
    if (writeFailure(err)) return null;
    throw err;
  }
}
