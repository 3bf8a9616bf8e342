/**
 * Everything POST /checkout's long way needs before it writes, in ONE D1 round trip (a D1
 * batch runs its statements in order, in one transaction): the order already placed with the
 * posted idempotency key, the checkout rate-limit hit per IP, and the cart's quote. The order
 * itself is the second round trip (placeOrder). The long way is taken when the one-round-trip
 * order (placeFast) was not tried or aborted: it finds out what is wrong and says so.
 */
import { readHit, RULES, windowStart, type RateResult } from "../auth/rate-limit";
import type { Db } from "../db/client";
import { runTemplates } from "../db/template";
import type { CartLine } from "./cart";
import { checkoutHit } from "./place-fast";
import { orderByKey } from "./place-order";
import { quoteStatement, readQuote, type Quote } from "./quote";

export interface CheckoutReads {
  /** The order this post already placed (a double tap, a flaky network): answer with it. */
  existing: { token: string; number: number } | undefined;
  limit: RateResult;
  quote: Quote;
}

/** `key` is the posted idempotency key, or null when it is missing or malformed (no look-up). */
export async function checkoutReads(db: Db, shopId: number, cart: readonly CartLine[], key: string | null, ip: string): Promise<CheckoutReads> {
  const now = Date.now();
  // A retry creates nothing, so it is not counted against the IP (nor refused: the caller
  // answers `existing` first). No order has the empty key: without a key, the hit counts.
  const values = { shopId, key: key ?? "" };
  const [hitRows, quoteRows, found] = await runTemplates(db, [
    checkoutHit.bind({ ...values, rateKey: `checkout:ip:${ip}`, start: windowStart(RULES.checkoutIp, now) }),
    quoteStatement(shopId, cart),
    orderByKey.bind(values),
  ]);
  return { existing: found[0], limit: readHit(hitRows, RULES.checkoutIp, now), quote: readQuote(cart, quoteRows) };
}
