/**
 * The statements that write an order, shared by both ways of placing one: placeFast (with the
 * facts the checkout form carries) and placeOrder (after checkoutReads). The pricing rule is not
 * here: src/pricing/price.ts computed the order (lines, discounts, fee, total) from facts, and
 * these statements only VERIFY, with the facts' own SQL (src/pricing/facts.ts), that every fact
 * still holds (each line's price, product and stock, the zone's fee, each discount's terms, that
 * a use is left and the phone has not used it), then write what was computed. The cart travels
 * as ONE JSON parameter read with json_each (D1 binds at most 100 parameters a statement); the
 * SQL is fixed text with named placeholders (query templates), built once an isolate.
 *
 * The batch is idempotent and guarded, and a refusal is what it returns, not an error:
 * - the order takes the shop's next number, order_seq + 1, which a trigger then records
 *   (migrations/triggers/order-seq.sql);
 * - the INSERT selects a row only when every fact holds (or the form's key placed an order
 *   already, which its conflict on (shop, key) returns instead): when a fact fails it returns
 *   no row, and every statement after it, which follows the new token, writes nothing;
 * - the CHECK (stock >= 0) on variants stays as the net under the stock guard (a named guard:
 *   writeFailure);
 * - each discount's use is counted in the batch (its order_discounts row, by a trigger): twenty
 *   customers racing for a code's last five uses give exactly five orders with it (D1 runs one
 *   batch at a time);
 * - the seller's new-order messages (and low-stock ones for each variant the order took to her
 *   level) are outbox rows of the same batch (src/messages/outbox.ts), and so is the customer's
 *   request to confirm a cash-on-delivery order (src/orders/confirmation.ts).
 */
import { sql } from "drizzle-orm";
import { causeChainIncludes } from "../db/errors";
import { ph, sqlTemplate, type Bound } from "../db/template";
import { sellerAlertRecipients } from "../messages/seller-alerts";
import { confirmationOnPlace, confirmRequestRows } from "../orders/confirmation";
import { stateOnPlace } from "../payments/states";
import { DISCOUNT_FACT, LINE_FACT, ZONE_FACT, type FactQuote } from "../pricing/facts";
import { orderable, type Priced, type Zone } from "../pricing/price";
import type { Locale } from "../i18n";
import type { CheckoutInput } from "./schemas";

export interface OrderWrite {
  shopId: number;
  currency: string;
  locale: Locale;
  /** The new order's token: how the statements after the INSERT find the new row. */
  token: string;
  /** The checked form (its key, payment method and customer fields). */
  form: CheckoutInput;
  /** The quote the order was priced from, with its facts; every line must be orderable as asked. */
  quote: FactQuote;
  zone: Zone;
  /** priceQuote(quote, zone): what the order costs. */
  priced: Priced;
  /** A rate_limits row, counted earlier in the same batch, that must be within `limit`. */
  rate?: { key: string; limit: number };
}

export type Written = {
  token: string;
  number: number;
  /** False when the form's key had placed an order already: that order is the answer. */
  created: boolean;
  /** Outbox rows the order wrote (the seller's new-order and low-stock messages, the customer's confirmation request), to put on the queue. */
  messages: number[];
};

const raw = sql.raw;
/** The new order, when this batch created it (a retry's token is not this one). */
const CREATED = sql`SELECT id FROM orders WHERE shop_id = ${ph("shopId")} AND token = ${ph("token")}`;
/**
 * The posted lines ([fact, quantity] each) over the variants and products they name, of THIS
 * shop and active. `pos` keeps the cart's order; CROSS JOIN keeps the cart as the outer loop
 * (SQLite never reorders it): one primary-key look-up a line.
 */
const CART = sql`cart AS (
  SELECT j.key AS pos, j.value ->> '$[1]' AS quantity, v.id, v.product_id, v.title AS variant_title, v.sku, v.price, v.stock, p.title, p.track_stock
  FROM json_each(${ph("lines")}) j
  CROSS JOIN variants v ON v.id = j.value ->> '$[0][0]' AND v.shop_id = ${ph("shopId")}
  CROSS JOIN products p ON p.id = v.product_id AND p.shop_id = ${ph("shopId")} AND p.status = 'active')`;
/** The same lines with each one's facts as posted and as they are now (the INSERT's check). */
const CHECKED = sql`checked AS (
  SELECT j.value -> '$[0]' AS fact, j.value ->> '$[1]' AS quantity, v.stock, p.track_stock, ${raw(LINE_FACT)} AS now_fact
  FROM json_each(${ph("lines")}) j
  CROSS JOIN variants v ON v.id = j.value ->> '$[0][0]' AND v.shop_id = ${ph("shopId")}
  CROSS JOIN products p ON p.id = v.product_id AND p.shop_id = ${ph("shopId")} AND p.status = 'active')`;

/**
 * The order, numbered order_seq + 1, with what pricing computed; a row only when every line's
 * facts hold and it has the stock asked (`lineCount` of them), the zone's facts hold, every
 * discount's terms hold with a use left and not used by this phone when once per phone
 * (`discountCount` of them), and the IP is within its limit; or, for a retry of the form's key,
 * the order already placed.
 */
const ORDER = sqlTemplate<{ token: string; number: number }>(
  () => sql`WITH ${CHECKED},
  zone AS (SELECT z.id, z.name FROM delivery_zones z WHERE z.id = ${ph("zoneId")} AND z.shop_id = ${ph("shopId")} AND ${raw(ZONE_FACT)} = ${ph("zone")}),
  held AS (SELECT
    (SELECT count(*) FROM checked WHERE now_fact = fact AND (NOT track_stock OR stock >= quantity)) = ${ph("lineCount")}
    AND (SELECT count(*) FROM json_each(${ph("discounts")}) j
      CROSS JOIN discounts d ON d.id = j.value ->> '$[0][0]' AND d.shop_id = ${ph("shopId")}
      WHERE d.active AND ${raw(DISCOUNT_FACT)} = j.value -> '$[0]' AND (d.max_uses IS NULL OR d.uses < d.max_uses)
        AND NOT (d.once_per_phone AND EXISTS (SELECT 1 FROM order_discounts r WHERE r.shop_id = d.shop_id AND r.discount_id = d.id AND r.phone = ${ph("phone")}))
    ) = ${ph("discountCount")}
    AND (${ph("rateKey")} IS NULL OR (SELECT count FROM rate_limits WHERE key = ${ph("rateKey")}) <= ${ph("rateLimit")}) AS ok)
INSERT INTO orders (shop_id, number, token, idempotency_key, zone_id, zone_name, subtotal, discount, delivery_fee, total,
  payment_method, payment_reference, customer_name, customer_phone, city, address, note, currency, locale, confirmation, payment_state)
SELECT s.id, s.order_seq + 1, ${ph("token")}, ${ph("key")}, zone.id, coalesce(zone.name, ''), ${ph("subtotal")}, ${ph("discount")}, ${ph("fee")}, ${ph("total")},
  ${ph("payment")}, ${ph("reference")}, ${ph("name")}, ${ph("phone")}, ${ph("city")}, ${ph("address")}, ${ph("note")}, ${ph("currency")}, ${ph("locale")},
  ${confirmationOnPlace(ph("payment"))}, ${stateOnPlace(ph("payment"))}
FROM shops s, held LEFT JOIN zone
WHERE s.id = ${ph("shopId")}
  AND ((held.ok AND zone.id IS NOT NULL) OR EXISTS (SELECT 1 FROM orders WHERE shop_id = ${ph("shopId")} AND idempotency_key = ${ph("key")}))
ON CONFLICT (shop_id, idempotency_key) DO UPDATE SET idempotency_key = excluded.idempotency_key
RETURNING token, number`,
);

/** Snapshots of the lines, in the cart's order; none when no order was inserted (a retry, a refusal). */
const ITEMS = sqlTemplate(
  () => sql`WITH ${CART}
INSERT INTO order_items (shop_id, order_id, product_id, variant_id, title, variant_title, sku, price, quantity, stock_tracked)
SELECT o.shop_id, o.id, c.product_id, c.id, c.title, iif(c.variant_title = 'Default', '', c.variant_title), coalesce(c.sku, ''), c.price, c.quantity, c.track_stock
FROM orders o, cart c WHERE o.shop_id = ${ph("shopId")} AND o.token = ${ph("token")} ORDER BY c.pos`,
);

/**
 * Tracked stock taken. `+shop_id` (the cart holds only this shop's variants anyway) is a filter,
 * not an index to walk: without the +, SQLite scans all the shop's variants rather than look the
 * cart's ids up.
 */
const STOCK = sqlTemplate(
  () => sql`WITH ${CART}
UPDATE variants SET stock = stock - (SELECT sum(c.quantity) FROM cart c WHERE c.id = variants.id)
WHERE id IN (SELECT id FROM cart WHERE track_stock) AND +shop_id = ${ph("shopId")} AND EXISTS (${CREATED})`,
);

/**
 * What each discount took off the order, and the phone that used it ([fact, saved] each: saved is
 * off the lines plus the fee waived). Each row counts its discount's use (a trigger:
 * migrations/triggers/discount-uses.sql); the INSERT checked one was left.
 */
const TOOK = sqlTemplate(
  () => sql`INSERT INTO order_discounts (shop_id, order_id, discount_id, code, title, kind, amount, phone)
SELECT o.shop_id, o.id, j.value ->> '$[0][0]', j.value ->> '$[0][1]', j.value ->> '$[0][2]', j.value ->> '$[0][3]', j.value ->> '$[1]', o.customer_phone
FROM orders o, json_each(${ph("discounts")}) j WHERE o.shop_id = ${ph("shopId")} AND o.token = ${ph("token")} ORDER BY j.key`,
);

const EVENT = sqlTemplate(
  () => sql`INSERT INTO order_events (shop_id, order_id, kind, to_status)
SELECT shop_id, id, 'created', 'new' FROM orders WHERE shop_id = ${ph("shopId")} AND token = ${ph("token")}`,
);

/**
 * The seller hears of the order (sellerAlertRecipients: her channel, her number, her language);
 * the customer of a cash-on-delivery order awaiting her is asked to confirm it
 * (src/orders/confirmation.ts); and the seller, for each tracked variant this order took to her
 * low-stock level or below (and not one that was there already), of its low stock. STOCK ran before: a variant's stock here is what the
 * order left.
 */
const OUTBOX = sqlTemplate<{ id: number }>(
  () => sql`WITH ${CART},
  o AS (${CREATED}),
  r AS (${sellerAlertRecipients(ph("shopId"))}),
  taken AS (SELECT id, sum(quantity) AS n FROM cart WHERE track_stock GROUP BY id)
INSERT INTO outbox (shop_id, channel, recipient, template, params, locale)
SELECT r.shop_id, r.channel, r.recipient, 'new_order', json_object('orderId', o.id), r.locale FROM o, r
UNION ALL
${confirmRequestRows}
UNION ALL
SELECT r.shop_id, r.channel, r.recipient, 'low_stock', json_object('variantId', v.id), r.locale
FROM o, r, taken t
CROSS JOIN variants v ON v.id = t.id AND v.shop_id = ${ph("shopId")}
CROSS JOIN shops s ON s.id = ${ph("shopId")}
WHERE s.low_stock_at IS NOT NULL AND v.stock <= s.low_stock_at AND v.stock + t.n > s.low_stock_at
RETURNING id`,
);

/** The batch's statements (for runTemplates, after any of the caller's own) and their reader. */
export function orderWrites(w: OrderWrite) {
  const { form, quote, priced } = w;
  const lines = orderable(quote).map((l) => [quote.facts.lines.get(l.variantId), l.quantity]);
  const taken = priced.applied.map((a) => [quote.facts.discounts.get(a.discount.id), a.amount + a.waived]);
  const values = {
    shopId: w.shopId,
    token: w.token,
    key: form.key,
    lines: JSON.stringify(lines),
    lineCount: lines.length,
    zoneId: w.zone.id,
    zone: JSON.stringify(quote.facts.zones.get(w.zone.id) ?? null),
    discounts: JSON.stringify(taken),
    discountCount: taken.length,
    rateKey: w.rate?.key ?? null,
    rateLimit: w.rate?.limit ?? null,
    subtotal: priced.subtotal,
    discount: priced.discount,
    fee: priced.fee,
    total: priced.total,
    payment: form.payment,
    reference: form.reference,
    name: form.name,
    phone: form.phone,
    city: form.city,
    address: form.address,
    note: form.note,
    currency: w.currency,
    locale: w.locale,
  };
  const order = ORDER.bind(values);
  const outbox = OUTBOX.bind(values);
  // A discount's statement only when the order took one: every statement of a batch has a cost.
  const discounts = taken.length ? [TOOK.bind(values)] : [];
  const statements: Bound<unknown[]>[] = [order, ITEMS.bind(values), STOCK.bind(values), ...discounts, EVENT.bind(values), outbox];

  /** From the statements' results: the new order (or the one this key placed before) and its messages; null: refused. */
  const read = (results: readonly unknown[][]): Written | null => {
    const r = results[0]![0] as { token: string; number: number } | undefined;
    if (!r) return null;
    const messages = (results[statements.indexOf(outbox)] ?? []).map((m) => (m as { id: number }).id);
    return { token: r.token, number: r.number, created: r.token === w.token, messages };
  };
  return { statements, read };
}

/**
 * The one abort a batch of orderWrites may end in on purpose: the CHECK (stock >= 0) under the
 * stock guard, by its name. Null for any other error (rethrow it).
 */
export function writeFailure(err: unknown): "stock" | null {
  return causeChainIncludes(err, "CHECK constraint failed: variants_stock_nonneg") ? "stock" : null;
}
