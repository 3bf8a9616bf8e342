/**
 * Hand-built quotes for the pricing rule's tests (src/pricing/*.test.ts): lines whose state
 * follows from their stock through the rule's own quoteLine(), a shop's delivery zones, and
 * discounts with every condition open unless a test closes one. Amounts are in paisa.
 */
import type { Discount, Quote, QuoteLine, Zone } from "../src/pricing/price";
import { quoteLine } from "../src/pricing/price";

export const KURTA = "Handmade embroidered chiffon kurta with dupatta for weddings";
export const URDU_KURTA = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

/** Rs 150 delivery in Lahore, free from Rs 5,000; Rs 250 in the rest of Punjab, never free; Rs 350 to Karachi, free from Rs 10,000. */
export const LAHORE: Zone = { id: 1, name: "Lahore", fee: 15_000, freeAbove: 500_000 };
export const PUNJAB: Zone = { id: 2, name: "Rest of Punjab", fee: 25_000, freeAbove: null };
export const KARACHI: Zone = { id: 3, name: "کراچی", fee: 35_000, freeAbove: 1_000_000 };
export const ZONES = [LAHORE, PUNJAB, KARACHI];

let nextLine = 1;
type LineOver = Partial<Omit<QuoteLine, "state" | "lineTotal">> & { state?: QuoteLine["state"] };
/**
 * A quote line as readQuote gives it: `state` ("ok" by default) sets the stock it follows from
 * (three spare, one short, none) unless `stock` is given; null stock is stock not tracked.
 */
export function line(over: LineOver = {}): QuoteLine {
  const { state = "ok", ...fact } = over;
  const id = nextLine++;
  const quantity = fact.quantity ?? 1;
  const stock = fact.stock !== undefined ? fact.stock : state === "ok" ? quantity + 3 : state === "short" ? quantity - 1 : 0;
  return quoteLine({
    variantId: id, productId: 100 + id, productSlug: `handmade-kurta-${id}`, title: KURTA, variantTitle: "M / Maroon", sku: `AYS-KRT-${id}`,
    price: 450_000, tracked: stock !== null, collections: [], ...fact, quantity, stock,
  });
}

let nextDiscount = 1;
/** An automatic discount of 10% off the whole order, open to every order, not combining, unless told otherwise. */
export const discount = (over: Partial<Discount> = {}): Discount => ({
  id: nextDiscount++, code: null, title: "Eid Mubarak sale", kind: "percent", value: 10, scope: "order", targets: [], minSubtotal: 0, minQuantity: 0,
  startsAt: null, endsAt: null, maxUses: null, oncePerPhone: false, combines: false, uses: 0, usedByPhone: false, ...over,
});

/** When the tests' pages were priced (a quote taken back from a form carries it). */
export const PRICED_AT = Date.UTC(2025, 3, 1, 9);

/** A quote as quoteCart would give it: the subtotal over "ok" lines, this shop's zones, no discounts and no code unless given; priced at PRICED_AT. */
export const quoteOf = (lines: QuoteLine[], over: Partial<Quote> = {}): Quote & { at: number } => ({
  lines, missing: [], subtotal: lines.reduce((s, l) => s + l.lineTotal, 0), zones: ZONES, discounts: [], code: null, at: PRICED_AT, ...over,
});
