/**
 * A discount in words, for the seller's list and the shared link ("10% off", "Rs 200 off",
 * "Free delivery"), and the discounts an order took, a line each, for every view of the order
 * (its page and totals, the packing slip, the WhatsApp texts, the CSV export).
 */
import type { TFunction } from "../i18n";
import type { DiscountKind } from "./discounts";

/** The link that applies a code: on the shop's home page (any page of the shop takes `?code=`). */
export const shareLink = (shopOrigin: string, code: string) => `${shopOrigin.replace(/\/+$/, "")}/?code=${encodeURIComponent(code)}`;

/** What a discount gives: "10% off", "Rs 200 off", "Free delivery". */
export function offerWords(t: TFunction, money: (minor: number) => string, d: { kind: DiscountKind; value: number }): string {
  if (d.kind === "percent") return t("discounts.offer.percent", { value: d.value });
  if (d.kind === "amount") return t("discounts.offer.amount", { amount: money(d.value) });
  return t("discounts.offer.freeDelivery");
}

/** One discount an order took (an order_discounts row as the views need it). */
export interface TakenDiscount {
  code: string | null;
  title: string;
  kind: DiscountKind;
  /** Paisa saved (the fee waived, for free delivery). */
  amount: number;
}

export interface TakenLine {
  /** The code, or an automatic discount's title. */
  label: string;
  /** "-Rs 250", or "Free delivery". */
  value: string;
}

/** The name of a discount an order took: its code, or an automatic one's title. */
export const takenName = (d: Pick<TakenDiscount, "code" | "title">) => d.code ?? d.title;

/** A line per discount the order took: "EID10" / "-Rs 250", or "Free delivery". */
export function takenLines(t: TFunction, money: (minor: number) => string, taken: readonly TakenDiscount[]): TakenLine[] {
  return taken.map((d) => ({ label: takenName(d), value: d.kind === "free_delivery" ? t("discounts.offer.freeDelivery") : `-${money(d.amount)}` }));
}

/** The lines as one phrase: "EID10: -Rs 250, Free delivery". */
export function takenText(t: TFunction, money: (minor: number) => string, taken: readonly TakenDiscount[]): string {
  return takenLines(t, money, taken)
    .map((l) => (l.label && l.value !== l.label ? `${l.label}: ${l.value}` : l.value))
    .join(", ");
}
