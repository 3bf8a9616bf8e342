/**
 * Everything POST /checkout's long way needs before it writes, in ONE D1 round trip (a D1
 * batch runs its statements in order, in one transaction): the order already placed with the
 * posted idempotency key, the checkout rate-limit hit per IP (unless placeFast counted it
 * already), and the cart's quote with the customer's phone (has it used a once-per-phone code?).
 * The order itself is the second round trip (placeOrder). The long way is taken when the
 * one-round-trip order (placeFast) was not tried or refused: it finds out what is wrong and says so.
 */
import { readHit, RULES, windowStart, type RateResult } from "../auth/rate-limit";
import type { Db } from "../db/client";
import { runTemplates } from "../db/template";
import { quoteStatement, readQuote, type Asker, type FactQuote } from "../pricing/facts";
import type { CartLine } from "./cart";
import { checkoutHit } from "./place-fast";
import { orderByKey } from "./place-order";

export interface CheckoutReads {
  /** The order this post already placed (a double tap, a flaky network): answer with it. */
  existing: { token: string; number: number } | undefined;
  limit: RateResult;
  quote: FactQuote;
}

/**
 * `key` is the posted idempotency key, or null when it is missing or malformed (no look-up);
 * `counted`, the hit placeFast's batch counted for this post (then none is counted here).
 */
export async function checkoutReads(db: Db, shopId: number, cart: readonly CartLine[], key: string | null, ip: string, who: Asker, counted: RateResult | null, now: number): Promise<CheckoutReads> {
  // A retry creates nothing, so it is not counted against the IP (nor refused: the caller
  // answers `existing` first). No order has the empty key: without a key, the hit counts.
  const values = { shopId, key: key ?? "" };
  const reads = [quoteStatement(shopId, cart, who), orderByKey.bind(values)] as const;
  if (counted) {
    const [quoteRows, found] = await runTemplates(db, reads);
    return { existing: found[0], limit: counted, quote: readQuote(cart, who, quoteRows) };
  }
  const hit = checkoutHit.bind({ ...values, rateKey: `checkout:ip:${ip}`, start: windowStart(RULES.checkoutIp, now) });
  const [hitRows, quoteRows, found] = await runTemplates(db, [hit, ...reads]);
  return { existing: found[0], limit: readHit(hitRows, RULES.checkoutIp, now), quote: readQuote(cart, who, quoteRows) };
}
