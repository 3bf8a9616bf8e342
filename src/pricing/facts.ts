/**
 * The facts a price rests on, read from D1 for this shop, and each fact's SQL written ONCE: the
 * quote's read builds it with these expressions, and the order's batch (src/checkout/
 * order-writes.ts) compares what the checkout form posts back with the same expressions over
 * the rows as they are then. So the order is written only if every price, zone and discount it
 * was priced with still holds, whatever the browser sends.
 *
 * The checkout form carries the facts it was priced with (`basis`): placing the order prices
 * them again (src/pricing/price.ts) and writes in ONE round trip, with no read before.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { CartLine } from "../checkout/cart";
import type { Db } from "../db/client";
import { ph, runTemplates, sqlTemplate } from "../db/template";
import { DISCOUNT_KINDS, DISCOUNT_SCOPES } from "./kinds";
import { quoteLine, type Discount, type Quote, type QuoteLine, type Zone } from "./price";

/** A line's facts over `variants v` and `products p`: [variantId, productId, price, tracked, [collection ids]]. */
export const LINE_FACT = `json_array(v.id, p.id, v.price, p.track_stock,
  (SELECT json_group_array(cp.collection_id) FROM (SELECT collection_id FROM collection_products WHERE shop_id = p.shop_id AND product_id = p.id ORDER BY collection_id) cp))`;
/** A zone's facts over `delivery_zones z`: [id, fee, freeAbove]. */
export const ZONE_FACT = "json_array(z.id, z.fee, z.free_above)";
/** A discount's facts over `discounts d`, in Discount's order (its uses and the phone's use aside). */
export const DISCOUNT_FACT = `json_array(d.id, d.code, d.title, d.kind, d.value, d.scope, json(d.targets), d.min_subtotal, d.min_quantity,
  d.starts_at, d.ends_at, d.max_uses, d.once_per_phone, d.combines)`;
/** At most this many active automatic discounts: the admin refuses one more (src/discounts), and the quote reads no more. */
export const AUTOMATIC_MAX = 20;

/*
 * The quote's reads as ONE statement on the shop's row: the cart's lines (by the ids in one
 * JSON parameter: any cart, one bound parameter; CROSS JOIN keeps the cart as the outer loop,
 * one primary-key look-up a line), the zones, the shop's active automatic discounts and the
 * code's. A variant of another shop or of a product that is not active is simply not found.
 */
const quoteRead = sqlTemplate<{ lines: string | null; zones: string | null; discounts: string | null }>(
  () => sql`SELECT
  (SELECT json_group_array(json_array(${sql.raw(LINE_FACT)}, v.stock, p.slug, p.title, v.title, v.sku))
    FROM json_each(${ph("ids")}) j
    CROSS JOIN variants v ON v.id = j.value AND v.shop_id = s.id
    CROSS JOIN products p ON p.id = v.product_id AND p.shop_id = s.id AND p.status = 'active') AS lines,
  (SELECT json_group_array(json_array(${sql.raw(ZONE_FACT)}, z.name) ORDER BY z.position, z.id)
    FROM delivery_zones z WHERE z.shop_id = s.id) AS zones,
  (SELECT json_group_array(json_array(${sql.raw(DISCOUNT_FACT)}, d.uses,
      EXISTS (SELECT 1 FROM order_discounts r WHERE r.shop_id = d.shop_id AND r.discount_id = d.id AND r.phone = ${ph("phone")})))
    FROM (SELECT * FROM (SELECT * FROM discounts WHERE shop_id = s.id AND code IS NULL AND active ORDER BY id LIMIT ${sql.raw(String(AUTOMATIC_MAX))})
      UNION ALL SELECT * FROM discounts WHERE shop_id = s.id AND code = ${ph("code")} AND active) d) AS discounts
FROM shops s WHERE s.id = ${ph("shopId")}`,
);

/** Who is asking: the cart's code (upper case) and, once typed, the customer's phone. */
export interface Asker {
  code: string | null;
  phone?: string;
}

/** The quote's statement for a cart, to run alone (readQuote) or in checkout's batch. */
export function quoteStatement(shopId: number, cart: readonly CartLine[], who: Asker) {
  return quoteRead.bind({ shopId, ids: JSON.stringify(cart.map((l) => l.variantId)), code: who.code ?? "", phone: who.phone ?? "" });
}

type LineRow = [fact: LineFactRow, stock: number, slug: string, title: string, variantTitle: string, sku: string | null];
type LineFactRow = [variantId: number, productId: number, price: number, tracked: number, collections: number[]];
type ZoneFactRow = [id: number, fee: number, freeAbove: number | null];
type DiscountFactRow = [
  id: number, code: string | null, title: string, kind: Discount["kind"], value: number, scope: Discount["scope"], targets: number[],
  minSubtotal: number, minQuantity: number, startsAt: number | null, endsAt: number | null, maxUses: number | null, oncePerPhone: number, combines: number,
];

const parse = <T>(text: string | null | undefined): T[] => (text ? (JSON.parse(text) as T[]) : []);

function lineOf(f: LineFactRow, stock: number, quantity: number, more: Pick<QuoteLine, "productSlug" | "title" | "variantTitle" | "sku">): QuoteLine {
  const [variantId, productId, price, tracked, collections] = f;
  return quoteLine({ variantId, productId, price, tracked: Boolean(tracked), collections, stock: tracked ? stock : null, quantity, ...more });
}

const zoneOf = ([id, fee, freeAbove]: ZoneFactRow, name = ""): Zone => ({ id, name, fee, freeAbove });

function discountOf(f: DiscountFactRow, uses: number, usedByPhone: boolean): Discount {
  const [id, code, title, kind, value, scope, targets, minSubtotal, minQuantity, startsAt, endsAt, maxUses, oncePerPhone, combines] = f;
  return { id, code, title, kind, value, scope, targets, minSubtotal, minQuantity, startsAt, endsAt, maxUses, oncePerPhone: Boolean(oncePerPhone), combines: Boolean(combines), uses, usedByPhone };
}

/** The facts of a quote, kept with it: what the checkout form posts back and the batch verifies. */
interface Facts {
  lines: Map<number, LineFactRow>;
  zones: Map<number, ZoneFactRow>;
  discounts: Map<number, DiscountFactRow>;
}
/** A quote read from D1 or taken back from a form, with the facts it was priced with. */
export interface FactQuote extends Quote {
  facts: Facts;
}

/** The Quote from quoteStatement's rows. */
export function readQuote(cart: readonly CartLine[], who: Asker, rows: readonly { lines: string | null; zones: string | null; discounts: string | null }[]): FactQuote {
  const row = rows[0];
  const facts: Facts = { lines: new Map(), zones: new Map(), discounts: new Map() };
  const found = new Map(parse<LineRow>(row?.lines).map((r) => [r[0][0], r]));
  const lines: QuoteLine[] = [];
  const missing: CartLine[] = [];
  for (const item of cart) {
    const r = found.get(item.variantId);
    if (!r) {
      missing.push(item);
      continue;
    }
    const [fact, stock, productSlug, title, variantTitle, sku] = r;
    facts.lines.set(item.variantId, fact);
    lines.push(lineOf(fact, stock, item.quantity, { productSlug, title, variantTitle, sku: sku ?? "" }));
  }
  const zones = parse<[ZoneFactRow, string]>(row?.zones).map(([f, name]) => (facts.zones.set(f[0], f), zoneOf(f, name)));
  const discounts = parse<[DiscountFactRow, number, number]>(row?.discounts).map(([f, uses, used]) => (facts.discounts.set(f[0], f), discountOf(f, uses, Boolean(used))));
  return { lines, missing, subtotal: lines.reduce((s, l) => s + l.lineTotal, 0), zones, discounts, code: who.code, facts };
}

/** One round trip of one statement: the quote of a cart. */
export async function quoteCart(db: Db, shopId: number, cart: readonly CartLine[], who: Asker): Promise<FactQuote> {
  const [rows] = await runTemplates(db, [quoteStatement(shopId, cart, who)]);
  return readQuote(cart, who, rows);
}

/*
 * The basis: a quote's facts as the checkout form carries them, `{l, z, d}` (lines with their
 * stock, zones, discounts with their uses and whether her phone used it, once known). Whatever
 * comes back is checked for its shape here and for its truth by the order's batch (a basis can
 * only lose a customer a discount, never give one the batch does not verify).
 */
const int = z.number().int();
const nat = int.min(0);
const lineFact = z.tuple([nat, nat, nat, z.union([z.literal(0), z.literal(1)]), z.array(nat).max(200)]);
const zoneFact = z.tuple([nat, nat, nat.nullable()]);
const discountFact = z.tuple([
  nat, z.string().max(40).nullable(), z.string().max(200), z.enum(DISCOUNT_KINDS), nat, z.enum(DISCOUNT_SCOPES), z.array(nat).max(500),
  nat, nat, int.nullable(), int.nullable(), nat.nullable(), z.union([z.literal(0), z.literal(1)]), z.union([z.literal(0), z.literal(1)]),
]);
const basisSchema = z.object({
  t: nat,
  l: z.array(z.tuple([lineFact, int])).max(100),
  z: z.array(zoneFact).max(100),
  d: z.array(z.tuple([discountFact, nat, z.boolean()])).max(AUTOMATIC_MAX + 1),
});
/**
 * The longest basis taken back: about twice the largest the caps allow (30 lines in 100
 * collections each, 30 zones, 21 discounts with 200-character titles and 100 targets each come
 * to about 50,000 characters); longer is not one of ours. The form's body cap is far above it.
 */
export const BASIS_CHARS = 100_000;

/** A quote taken back from a checkout form, and when its page priced it. */
export type ShownQuote = FactQuote & { at: number };

/** The basis of a quote priced at `at`, for the checkout form. */
export function basisOf(q: FactQuote, at: number): string {
  const f = q.facts;
  const l = q.lines.map((line) => [f.lines.get(line.variantId), line.stock ?? 0]);
  const d = q.discounts.map((x) => [f.discounts.get(x.id), x.uses, x.usedByPhone]);
  return JSON.stringify({ t: at, l, z: [...f.zones.values()], d });
}

/** The quote a basis stands for, for this cart and code; null when it is not one (the caller reads instead). */
export function quoteFromBasis(text: string, cart: readonly CartLine[], who: Asker): ShownQuote | null {
  if (!text || text.length > BASIS_CHARS) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const b = basisSchema.safeParse(json);
  if (!b.success) return null;
  const facts: Facts = { lines: new Map(), zones: new Map(), discounts: new Map() };
  const byId = new Map(b.data.l.map(([fact, stock]) => [fact[0], { fact: fact as LineFactRow, stock }]));
  const lines: QuoteLine[] = [];
  for (const item of cart) {
    const found = byId.get(item.variantId);
    // A line the form was not priced with: this basis is not the cart's.
    if (!found) return null;
    facts.lines.set(item.variantId, found.fact);
    lines.push(lineOf(found.fact, found.stock, item.quantity, { productSlug: "", title: "", variantTitle: "", sku: "" }));
  }
  const zones = b.data.z.map((f) => (facts.zones.set(f[0], f), zoneOf(f)));
  const discounts = b.data.d
    .filter(([f]) => f[1] === null || f[1] === who.code)
    .map(([f, uses, used]) => (facts.discounts.set(f[0], f as DiscountFactRow), discountOf(f as DiscountFactRow, uses, used)));
  return { lines, missing: [], subtotal: lines.reduce((s, l) => s + l.lineTotal, 0), zones, discounts, code: who.code, facts, at: b.data.t };
}
