/**
 * The discount kinds: what each takes off. A new kind is one entry here (and its words in the
 * catalogues); the schema's enum, the admin's choices and the pricing rule all read this list.
 */

export interface KindRule {
  /** Paisa off `eligible` (the subtotal of the lines the discount applies to) for the discount's `value`. */
  off(eligible: number, value: number): number;
  /** Whether it waives the delivery fee. */
  waivesDelivery: boolean;
}

export const KIND_RULES = {
  /** `value` percent off the eligible lines, rounded down to the paisa (never more than was asked). */
  percent: { off: (eligible, value) => Math.floor((eligible * Math.min(100, Math.max(0, value))) / 100), waivesDelivery: false },
  /** `value` paisa off the eligible lines, never more than they cost. */
  amount: { off: (eligible, value) => Math.min(eligible, Math.max(0, value)), waivesDelivery: false },
  /** The delivery fee waived; nothing off the lines. */
  free_delivery: { off: () => 0, waivesDelivery: true },
} as const satisfies Record<string, KindRule>;

export type DiscountKind = keyof typeof KIND_RULES;

/** What a discount takes off from: the whole order, or only lines of chosen products or collections (its targets). */
export const DISCOUNT_SCOPES = ["order", "products", "collections"] as const;
export type DiscountScope = (typeof DISCOUNT_SCOPES)[number];
/** Every kind (a tuple, for zod and drizzle enums). */
export const DISCOUNT_KINDS = Object.keys(KIND_RULES) as [DiscountKind, ...DiscountKind[]];
