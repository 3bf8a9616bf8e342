/**
 * POST /checkout's usual case in ONE D1 round trip: the checkout form carries the facts its
 * page was priced with (src/pricing/facts.ts), so the order is priced again here with the one
 * rule (src/pricing/price.ts) without reading first, and the batch (the checkout rate-limit hit,
 * then orderWrites) verifies in SQL that every fact still holds before it writes.
 *
 * A refusal writes nothing but the rate-limit hit, and placeFast says so with the hit's count:
 * the caller then takes the long way (checkoutReads without counting again, the review,
 * placeOrder), which finds out what changed and says so. A retry of an order already placed is
 * answered by the batch itself.
 */
import { notExists } from "drizzle-orm";
import { hitStatement, readHit, RULES, windowStart, type RateResult } from "../auth/rate-limit";
import type { Db } from "../db/client";
import { ph, runTemplates, template } from "../db/template";
import { randomToken } from "../lib/bytes";
import { quoteFromBasis } from "../pricing/facts";
import { orderable, priceQuote } from "../pricing/price";
import type { CartLine } from "./cart";
import { isShopMoving } from "../shards/frozen";
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

export type Fast =
  | { placed: Written }
  /** Refused by the batch; `limit` is the hit it counted (null: it counted none, an abort). */
  | { refused: true; limit: RateResult | null }
  /** Not tried: the form carried no usable basis for this cart and zone. */
  | null;

/** `form` has passed checkoutSchema and its payment method is one the shop offers; `code` is the cart's. */
export async function placeFast(db: Db, shop: FastShop, cart: readonly CartLine[], form: CheckoutInput, code: string | null, ip: string, now: number): Promise<Fast> {
  const quote = quoteFromBasis(form.basis, cart, { code });
  const zone = quote?.zones.find((z) => z.id === form.zone);
  if (!quote || !zone || orderable(quote).length !== cart.length) return null;
  // A discount that ended (or began) since her page was priced: not the total she saw.
  const priced = priceQuote(quote, zone, now);
  if (quote.discounts.length && priced.total !== priceQuote(quote, zone, quote.at).total) return null;
  const rateKey = `checkout:ip:${ip}`;
  const hit = checkoutHit.bind({ rateKey, start: windowStart(RULES.checkoutIp, now), shopId: shop.id, key: form.key });
  const write = orderWrites({
    shopId: shop.id,
    currency: shop.currency,
    locale: shop.locale,
    token: randomToken(18),
    form,
    quote,
    zone,
    priced,
    rate: { key: rateKey, limit: RULES.checkoutIp.limit },
  });
  try {
    const [hitRows, ...results] = await runTemplates(db, [hit, ...write.statements]);
    const placed = write.read(results);
    return placed ? { placed } : { refused: true, limit: readHit(hitRows, RULES.checkoutIp, now) };
  } catch (err) {
    // A shop being moved (src/shards/move.ts) refuses it too: the careful way says so, form kept.
    if (writeFailure(err) || isShopMoving(err)) return { refused: true, limit: null };
    throw err;
  }
}
