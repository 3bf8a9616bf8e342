/**
 * Every reason a posted checkout cannot become an order, decided from the server's own quote
 * (never the browser's numbers): the fields, the zone and payment method of THIS shop, stock,
 * and a price other than the one the customer was shown. Ready: what the order costs.
 */
import type { PaymentOption } from "../payments";
import { checkoutSchema, type CheckoutInput } from "../checkout/schemas";
import type { FieldErrors, FormValues } from "../lib/form";
import { validate } from "../lib/form";
import { orderable, priceQuote, type Priced, type Quote, type QuoteLine, type Zone } from "./price";

export type Review =
  /** Nothing left to buy: an empty cart, or every line sold out / removed. */
  | { kind: "empty"; gone: QuoteLine[] }
  | { kind: "invalid"; errors: FieldErrors }
  /** Lines with fewer units left than asked: the customer must change the quantity. */
  | { kind: "short"; lines: QuoteLine[] }
  /** The order would cost other than what the customer was shown (a price, a zone's fee, a discount gone). */
  | { kind: "priceChanged"; priced: Priced }
  | { kind: "ready"; lines: QuoteLine[]; zone: Zone; form: CheckoutInput; priced: Priced };

/**
 * Why a checkout post was refused, printed as `data-refusal` on the page's alert: a marker that
 * is never translated, for tests and the soak to count refusals by (`short` and `sold-out` are
 * stock, `price-changed` the seller's edit or a discount gone, `rate-limit` the per-address limit,
 * `moving` the shop being moved to another shard, src/shards/move.ts: nothing was written).
 */
export type Refusal = "sold-out" | "short" | "price-changed" | "rate-limit" | "empty" | "invalid" | "moving";

/**
 * What the customer was shown: the quote the checkout form was priced from (its basis, taken
 * back: src/pricing/facts.ts), "unknown" for a basis that is not one, null when the post
 * carried none (no price to hold the order to).
 */
export type Shown = (Quote & { at: number }) | "unknown" | null;

export function reviewCheckout(quote: Quote, values: FormValues, payments: PaymentOption[], shown: Shown, now: number): Review {
  const lines = orderable(quote);
  const short = quote.lines.filter((l) => l.state === "short");
  if (lines.length === 0 && short.length === 0) return { kind: "empty", gone: quote.lines };

  const form = validate(checkoutSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const zone = quote.zones.find((z) => String(z.id) === values.zone);
  if (!zone) errors.zone ??= "checkout.error.zone";
  if (!payments.some((p) => p.method === values.payment)) errors.payment = "checkout.error.payment";
  if (!form.ok || !zone || Object.keys(errors).length > 0) return { kind: "invalid", errors };

  if (short.length) return { kind: "short", lines: short };
  const priced = priceQuote(quote, zone, now);
  if (shown !== null && (shown === "unknown" || totalShown(shown, zone.id) !== priced.total)) return { kind: "priceChanged", priced };
  return { kind: "ready", lines, zone, form: form.data, priced };
}

/** The total the customer was shown for a zone, as her page priced it then (null: that zone was not on her page). */
function totalShown(shown: Quote & { at: number }, zoneId: number): number | null {
  const zone = shown.zones.find((z) => z.id === zoneId);
  return zone ? priceQuote(shown, zone, shown.at).total : null;
}
