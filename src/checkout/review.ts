/**
 * Decides whether a posted checkout can become an order, from the server's own quote (never
 * the browser's numbers): the fields, the zone and payment method of THIS shop, stock, prices.
 */
import type { FieldErrors, FormValues } from "../lib/form";
import { validate } from "../lib/form";
import type { PaymentOption } from "./payment";
import { orderable, type Quote, type QuoteLine, type Zone } from "./quote";
import { checkoutSchema, type CheckoutInput } from "./schemas";

export type Review =
  /** Nothing left to buy: an empty cart, or every line sold out / removed. */
  | { kind: "empty"; gone: QuoteLine[] }
  | { kind: "invalid"; errors: FieldErrors }
  /** Lines with fewer units left than asked: the customer must change the quantity. */
  | { kind: "short"; lines: QuoteLine[] }
  /** The subtotal differs from the one the customer was shown. */
  | { kind: "priceChanged" }
  | { kind: "ready"; lines: QuoteLine[]; zone: Zone; form: CheckoutInput };

/**
 * Why a checkout post was refused, printed as `data-refusal` on the page's alert: a marker that
 * is never translated, for tests and the soak to count refusals by (`short` and `sold-out` are
 * stock, `price-changed` the seller's edit, `rate-limit` the per-address limit).
 */
export type Refusal = "sold-out" | "short" | "price-changed" | "rate-limit" | "empty" | "invalid";

export function reviewCheckout(quote: Quote, values: FormValues, payments: PaymentOption[]): Review {
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
  if (form.data.seen && form.data.seen !== String(quote.subtotal)) return { kind: "priceChanged" };
  return { kind: "ready", lines, zone, form: form.data };
}
