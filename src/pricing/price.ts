/**
 * THE checkout rule, in one place: what a cart costs. Lines (what can be bought as asked),
 * discounts (which apply, which combine, what each takes off), delivery (the zone's fee, free
 * above its threshold or waived by a discount) and the total, in paisa. Pure: it prices the
 * facts it is given (src/pricing/facts.ts reads them, or takes them back from the checkout form)
 * and never sees the database; the order's batch verifies in SQL that those facts still hold
 * (src/checkout/order-writes.ts) and writes what this computed.
 */
import type { CartLine } from "../checkout/cart";
import { KIND_RULES, type DiscountKind, type DiscountScope } from "./kinds";

type LineState = "ok" | "short" | "soldOut";

/** A line's facts, as the order's batch verifies them (LINE_FACT in facts.ts, in this order). */
interface LineFact {
  variantId: number;
  productId: number;
  price: number;
  tracked: boolean;
  /** The collections the product is in (for discounts on collections), ascending. */
  collections: number[];
}

export interface QuoteLine extends LineFact {
  productSlug: string;
  title: string;
  variantTitle: string;
  sku: string;
  quantity: number;
  /** Units on hand for tracked variants; null when stock is not tracked. */
  stock: number | null;
  state: LineState;
  lineTotal: number;
}

export interface Zone {
  id: number;
  name: string;
  fee: number;
  freeAbove: number | null;
}


/** A discount's facts (DISCOUNT_FACT in facts.ts, in this order), and two that change with every order. */
export interface Discount {
  id: number;
  /** Upper case; null: automatic. */
  code: string | null;
  title: string;
  kind: DiscountKind;
  value: number;
  scope: DiscountScope;
  targets: number[];
  minSubtotal: number;
  minQuantity: number;
  startsAt: number | null;
  /** The first instant it no longer applies (the admin saves an end date without a time as the end of that day). */
  endsAt: number | null;
  maxUses: number | null;
  oncePerPhone: boolean;
  combines: boolean;
  /** Orders that used it so far (the batch checks again that one is left). */
  uses: number;
  /** The customer's phone used it before (known once she typed it; the batch checks again). */
  usedByPhone: boolean;
}

export interface Quote {
  /** Lines that can be bought as asked ("ok") or not ("short": fewer left; "soldOut"). */
  lines: QuoteLine[];
  /** Cart lines whose variant does not exist for this shop (removed, unpublished, foreign). */
  missing: CartLine[];
  /** Sum over "ok" lines: sold-out and short lines are never charged. */
  subtotal: number;
  zones: Zone[];
  /** The automatic discounts the shop runs, and the cart's code's own (if it exists). */
  discounts: Discount[];
  /** The code the customer entered (upper case), or null. */
  code: string | null;
}

/** Why the cart's code does not apply (or "applied"); one word each, with its sentence in the catalogues. */
export type CodeStatus =
  | "applied"
  | "unknown"
  | "notStarted"
  | "ended"
  | "usedUp"
  | "usedByPhone"
  | "noLines"
  | "minSubtotal"
  | "minQuantity"
  /** It applies, but she pays less without it (the shop's automatic discounts, or free delivery it would lose). */
  | "notBest";

export interface Applied {
  discount: Discount;
  /** Paisa off the lines. */
  amount: number;
  /** Paisa of delivery fee waived. */
  waived: number;
}

/** A quote priced for a delivery zone: what the order will cost. */
export interface Priced {
  subtotal: number;
  applied: Applied[];
  /** Paisa off the lines, all discounts together (never more than the subtotal). */
  discount: number;
  /** The delivery fee to pay (after any waiver). */
  fee: number;
  total: number;
  /** The cart's code and what became of it; null without a code. */
  code: { code: string; status: CodeStatus; minimum?: number } | null;
}

/** The lines that will be ordered: only those fully available. */
export const orderable = (q: Quote): QuoteLine[] => q.lines.filter((l) => l.state === "ok");

/** A line's state and charge for the quantity asked. */
export function quoteLine(fact: Omit<QuoteLine, "state" | "lineTotal">): QuoteLine {
  const state: LineState = fact.stock === null || fact.stock >= fact.quantity ? "ok" : fact.stock === 0 ? "soldOut" : "short";
  return { ...fact, state, lineTotal: state === "ok" ? fact.price * fact.quantity : 0 };
}

/** The delivery fee of a zone for what the lines come to: free once that reaches the zone's threshold. */
export function zoneFee(zone: Zone, goods: number): number {
  return zone.freeAbove !== null && goods >= zone.freeAbove ? 0 : zone.fee;
}

const inScope = (d: Discount, l: QuoteLine) =>
  d.scope === "order" || (d.scope === "products" ? d.targets.includes(l.productId) : l.collections.some((c) => d.targets.includes(c)));

/** Whether a discount applies to these lines at `now`, and if not, why. */
function check(d: Discount, lines: readonly QuoteLine[], now: number): { status: CodeStatus; eligible: number; minimum?: number } {
  if (d.startsAt !== null && now < d.startsAt) return { status: "notStarted", eligible: 0 };
  if (d.endsAt !== null && now >= d.endsAt) return { status: "ended", eligible: 0 };
  if (d.maxUses !== null && d.uses >= d.maxUses) return { status: "usedUp", eligible: 0 };
  if (d.oncePerPhone && d.usedByPhone) return { status: "usedByPhone", eligible: 0 };
  const mine = lines.filter((l) => inScope(d, l));
  if (mine.length === 0) return { status: "noLines", eligible: 0 };
  const eligible = mine.reduce((s, l) => s + l.lineTotal, 0);
  if (eligible < d.minSubtotal) return { status: "minSubtotal", eligible, minimum: d.minSubtotal };
  if (mine.reduce((s, l) => s + l.quantity, 0) < d.minQuantity) return { status: "minQuantity", eligible, minimum: d.minQuantity };
  return { status: "applied", eligible };
}

/** One set of discounts applied together: each takes off its own lines, together never more than the subtotal. */
function applyAll(set: readonly { d: Discount; eligible: number }[], subtotal: number, zone: Zone | null) {
  let discount = 0;
  const applied: Applied[] = [];
  for (const { d, eligible } of set) {
    const amount = Math.min(KIND_RULES[d.kind].off(eligible, d.value), subtotal - discount);
    discount += amount;
    applied.push({ discount: d, amount, waived: 0 });
  }
  const fee = zone ? zoneFee(zone, subtotal - discount) : 0;
  const waiver = applied.find((a) => KIND_RULES[a.discount.kind].waivesDelivery);
  if (waiver) waiver.waived = fee;
  // Saved: what she would pay with no discount less what she pays, so a discount that takes the
  // goods below the zone's free-delivery threshold counts the fee it brings back.
  const paid = waiver ? 0 : fee;
  return { applied, discount, fee: paid, saved: discount + (zone ? zoneFee(zone, subtotal) : 0) - paid };
}

/**
 * What the quote costs delivered to `zone` (null: not chosen yet, no fee) at `now`. Of the
 * discounts that apply (the shop's automatic ones, and the cart's code), those that combine
 * apply together and one that does not applies alone; she gets whichever saves her most, her
 * code's when it saves as much.
 */
export function priceQuote(q: Quote, zone: Zone | null, now: number): Priced {
  const lines = orderable(q);
  const checked = q.discounts.map((d) => ({ d, ...check(d, lines, now) }));
  const usable = checked.filter((c) => c.status === "applied");
  const isCode = (c: { d: Discount }) => q.code !== null && c.d.code === q.code;
  const sets = [usable.filter((c) => c.d.combines), ...usable.filter((c) => !c.d.combines).map((c) => [c])];
  let best = applyAll([], q.subtotal, zone);
  let bestHasCode = false;
  for (const set of sets) {
    if (set.length === 0) continue;
    const r = applyAll(set, q.subtotal, zone);
    const hasCode = set.some(isCode);
    if (r.saved > best.saved || (r.saved === best.saved && hasCode && !bestHasCode)) [best, bestHasCode] = [r, hasCode];
  }
  let code: Priced["code"] = null;
  if (q.code !== null) {
    const mine = checked.find(isCode);
    const status: CodeStatus = !mine ? "unknown" : mine.status !== "applied" ? mine.status : bestHasCode ? "applied" : "notBest";
    code = { code: q.code, status, ...(mine?.minimum !== undefined && { minimum: mine.minimum }) };
  }
  // A discount that saves nothing here is not used up on this order (a waiver shows while no zone is chosen).
  const applied = best.applied.filter((a) => a.amount > 0 || a.waived > 0 || (zone === null && KIND_RULES[a.discount.kind].waivesDelivery));
  return { subtotal: q.subtotal, applied, discount: best.discount, fee: best.fee, total: q.subtotal - best.discount + best.fee, code };
}
