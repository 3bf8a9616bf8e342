/**
 * Everything POST /checkout's long way needs before it writes, in ONE D1 round trip (a D1
 * batch runs its statements in order, in one transaction): the order already placed with the
 * posted idempotency key, the checkout rate-limit hit per IP, and the cart's quote. The order
 * itself is the second round trip (placeOrder). The long way is taken when the one-round-trip
 * order (placeFast) was not tried or aborted: it finds out what is wrong and says so.
 */
import { notExists } from "drizzle-orm";
import { rateHit, RULES, type RateResult } from "../auth/rate-limit";
import type { Db } from "../db/client";
import type { CartLine } from "./cart";
import { orderByKeyQuery } from "./place-order";
import { buildQuote, quoteQueries, type Quote } from "./quote";

export interface CheckoutReads {
  /** The order this post already placed (a double tap, a flaky network): answer with it. */
  existing: { token: string; number: number } | undefined;
  limit: RateResult;
  quote: Quote;
}

/** `key` is the posted idempotency key, or null when it is missing or malformed (no look-up). */
export async function checkoutReads(db: Db, shopId: number, cart: readonly CartLine[], key: string | null, ip: string): Promise<CheckoutReads> {
  // A retry creates nothing, so it is not counted against the IP (nor refused: the caller
  // answers `existing` first).
  const limit = rateHit(db, `checkout:ip:${ip}`, RULES.checkoutIp, Date.now(), key === null ? undefined : notExists(orderByKeyQuery(db, shopId, key)));
  const [variantQuery, zoneQuery] = quoteQueries(db, shopId, cart);
  const lookup = key === null ? [] : [orderByKeyQuery(db, shopId, key)];
  const [hitRows, variantRows, zones, found] = await db.batch([limit.statement, variantQuery, zoneQuery, ...lookup]);
  return { existing: found?.[0], limit: limit.read(hitRows), quote: buildQuote(cart, variantRows, zones) };
}
