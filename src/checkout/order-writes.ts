/**
 * The statements that write an order, shared by both ways of placing one: placeOrder (after
 * checkoutReads) and placeFast (without them). The cart travels as ONE JSON parameter read
 * with json_each (D1 binds at most 100 parameters a statement), and everything the order
 * costs is read from the database inside the SQL: prices, titles, SKUs, the zone's fee, the
 * totals. Five statements whatever the cart's size (every statement of a batch has a cost),
 * as fixed SQL text: nothing is built per request (see src/db/template.ts on that cost).
 *
 * The batch is idempotent and guarded:
 * - the order takes the shop's next number, order_seq + 1, which a trigger then records
 *   (migrations/0006_order_seq_trigger.sql);
 * - an order already placed with the form's key is not inserted again: the INSERT's conflict
 *   on (shop, key) returns that order instead, and the statements after it, which follow the
 *   new token, write nothing: a retry is answered by the batch itself;
 * - otherwise, when a guard fails (a line gone, a draft product, another shop's variant, an
 *   unknown zone, a different subtotal, the rate limit), the order's number is NULL: the NOT
 *   NULL on orders.number aborts the batch, and D1 rolls all of it back;
 * - the CHECK (stock >= 0) on variants aborts it when a tracked line has too few left;
 * - the seller's new-order messages (WhatsApp or SMS, and a push to each phone with alerts on;
 *   and low-stock ones for each variant the order took to her level) are outbox rows of the same
 *   batch (src/messages/outbox.ts): written with the order or not at all, and not again for a
 *   retry.
 */
import { causeChainIncludes } from "../db/errors";
import { sellerAlertRecipients } from "../messages/seller-alerts";
import { awaitingOnPlace, confirmRequest } from "../orders/confirmation";
import type { Bound } from "../db/template";
import type { CartLine } from "./cart";
import type { Locale } from "../i18n";
import type { CheckoutInput } from "./schemas";

export interface OrderWrite {
  shopId: number;
  currency: string;
  locale: Locale;
  /** The new order's token: how the statements after the INSERT find the new row. */
  token: string;
  /** The checked form (its key, zone, payment method and customer fields). */
  form: CheckoutInput;
  /** Every line must be orderable as asked, or nothing is written. */
  lines: readonly CartLine[];
  /** The subtotal (as text, like the form's `seen`) the order must come to; null: any. */
  subtotal: string | null;
  /** A rate_limits row, counted earlier in the same batch, that must be within `limit`. */
  rate?: { key: string; limit: number };
}

export interface Written {
  token: string;
  number: number;
  /** False when the form's key had placed an order already: that order is the answer. */
  created: boolean;
  /** Outbox rows the order wrote (the seller's new-order and low-stock messages, the customer's confirmation request), to put on the queue. */
  messages: number[];
}

// Parameters, the same for every statement (each binds the first ones it uses):
// ?1 shop id, ?2 idempotency key, ?3 new token, ?4 cart JSON [[variantId, quantity], ...], then
// the order's own from ?5 on.
const CREATED = "FROM orders WHERE shop_id = ?1 AND token = ?3";
// The lines that can be ordered, by the quote's rule (quote.ts): a variant of THIS shop
// whose product is active. `pos` keeps the items in the cart's order. CROSS JOIN keeps the
// cart as the outer loop (SQLite never reorders it): one primary-key look-up a line, where
// the planner would otherwise walk all the shop's variants by variants_shop_product_idx.
const CART = `cart AS (
  SELECT j.key AS pos, v.id, v.product_id, v.title AS variant_title, v.sku, v.price, p.title, p.track_stock, j.value ->> 1 AS quantity
  FROM json_each(?4) j
  CROSS JOIN variants v ON v.id = j.value ->> 0 AND v.shop_id = ?1
  CROSS JOIN products p ON p.id = v.product_id AND p.shop_id = ?1 AND p.status = 'active')`;

/**
 * The order, priced from the database, numbered order_seq + 1, answering with its token and
 * number; or, for a retry of the form's key, with those of the order already placed. A NULL
 * number (the abort) unless every line was found (?5 lines), the zone (?6) is the shop's, the
 * subtotal is ?7 (when not NULL) and the rate_limits row ?8 counts at most ?9 (when not NULL;
 * rateHit's rule). The fee is zoneFee's rule (quote.ts): free once the subtotal reaches the
 * zone's free_above.
 */
const ORDER = `WITH ${CART},
  t AS (SELECT count(*) AS n, sum(price * quantity) AS subtotal FROM cart),
  f AS (SELECT t.n, t.subtotal, z.id AS zone_id, z.name AS zone_name,
      CASE WHEN z.free_above IS NOT NULL AND t.subtotal >= z.free_above THEN 0 ELSE z.fee END AS fee
    FROM t LEFT JOIN delivery_zones z ON z.id = ?6 AND z.shop_id = ?1)
INSERT INTO orders (shop_id, number, token, idempotency_key, zone_id, zone_name, subtotal, delivery_fee, total,
  payment_method, payment_reference, customer_name, customer_phone, city, address, note, currency, locale)
SELECT s.id,
  CASE WHEN f.n > 0 AND f.n = ?5 AND f.zone_id IS NOT NULL
    AND (?7 IS NULL OR CAST(f.subtotal AS TEXT) = ?7)
    AND (?8 IS NULL OR (SELECT count FROM rate_limits WHERE key = ?8) <= ?9)
  THEN s.order_seq + 1 END,
  ?3, ?2, f.zone_id, f.zone_name, f.subtotal, f.fee, f.subtotal + f.fee,
  ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18
FROM shops s, f
WHERE s.id = ?1
ON CONFLICT (shop_id, idempotency_key) DO UPDATE SET idempotency_key = excluded.idempotency_key
RETURNING token, number`;

/** Snapshots of the lines; none when no order was inserted (a retry). */
const ITEMS = `WITH ${CART}
INSERT INTO order_items (shop_id, order_id, product_id, variant_id, title, variant_title, sku, price, quantity, stock_tracked)
SELECT o.shop_id, o.id, c.product_id, c.id, c.title, iif(c.variant_title = 'Default', '', c.variant_title),
  coalesce(c.sku, ''), c.price, c.quantity, c.track_stock
FROM orders o, cart c WHERE o.shop_id = ?1 AND o.token = ?3 ORDER BY c.pos`;

/**
 * Tracked stock taken; the CHECK (stock >= 0) refuses to sell what is not there, races
 * included. `+shop_id` (the cart holds only this shop's variants anyway) is a filter, not an
 * index to walk: without the +, SQLite scans all the shop's variants rather than look the
 * cart's ids up.
 */
const STOCK = `WITH ${CART}
UPDATE variants SET stock = stock - (SELECT sum(c.quantity) FROM cart c WHERE c.id = variants.id)
WHERE id IN (SELECT id FROM cart WHERE track_stock) AND +shop_id = ?1 AND EXISTS (SELECT 1 ${CREATED})`;

const EVENT = `INSERT INTO order_events (shop_id, order_id, kind, to_status) SELECT shop_id, id, 'created', 'new' ${CREATED}`;

/**
 * The seller hears of the order (sellerAlertRecipients: her channel, her number, her language)
 * and, for each tracked variant this order took to her low-stock level or below (and not one that
 * was there already), of its low stock. Only for the order this batch inserted (a retry's token
 * is not ?3). STOCK ran before: a variant's stock here is what the order left.
 */
const OUTBOX = `WITH ${CART},
  o AS (SELECT id ${CREATED}),
  r AS (${sellerAlertRecipients("?1")}),
  taken AS (SELECT id, sum(quantity) AS n FROM cart WHERE track_stock GROUP BY id)
INSERT INTO outbox (shop_id, channel, recipient, template, params, locale)
SELECT r.shop_id, r.channel, r.recipient, 'new_order', json_object('orderId', o.id), r.locale FROM o, r
UNION ALL
SELECT r.shop_id, r.channel, r.recipient, 'low_stock', json_object('variantId', v.id), r.locale
FROM o, r, taken t
CROSS JOIN variants v ON v.id = t.id AND v.shop_id = ?1
CROSS JOIN shops s ON s.id = ?1
WHERE s.low_stock_at IS NOT NULL AND v.stock <= s.low_stock_at AND v.stock + t.n > s.low_stock_at
RETURNING id`;

type OrderRow = { token: string; number: number };
const rows = (r: D1Result) => r.results;

/** The batch's five statements (for runTemplates, after any of the caller's own) and their reader. */
export function orderWrites(w: OrderWrite) {
  const { form } = w;
  const json = JSON.stringify(w.lines.map((l) => [l.variantId, l.quantity]));
  const params = [w.shopId, form.key, w.token, json, w.lines.length, form.zone, w.subtotal, w.rate?.key ?? null, w.rate?.limit ?? null];
  params.push(form.payment, form.reference, form.name, form.phone, form.city, form.address, form.note, w.currency, w.locale);
  const bound = (sql: string, n: number): Bound<unknown[]> => ({ sql, params: params.slice(0, n), map: rows });
  // Cash-on-delivery confirmation (src/orders/confirmation.ts): the order awaits the customer, and her message.
  const ours = { shopId: w.shopId, token: w.token };
  const statements = [bound(ORDER, 18), bound(ITEMS, 4), bound(STOCK, 4), bound(EVENT, 3), bound(OUTBOX, 4), awaitingOnPlace.bind(ours), confirmRequest.bind(ours)] as const;

  /** From the statements' results: the new order (or the one this key placed before) and its messages. */
  const read = (results: readonly unknown[][]): Written => {
    const r = results[0]![0] as OrderRow;
    const messages = [...(results[4] ?? []).map((m) => (m as { id: number }).id), ...((results[6] ?? []) as number[])];
    return { token: r.token, number: r.number, created: r.token === w.token, messages };
  };
  return { statements, read };
}

/** Why a batch aborted on purpose, or null for any other error (rethrow it). */
export type WriteFailure = "guard" | "stock" | "duplicate";

export function writeFailure(err: unknown): WriteFailure | null {
  if (causeChainIncludes(err, "NOT NULL constraint failed: orders.number")) return "guard";
  if (causeChainIncludes(err, "CHECK constraint failed: variants_stock_nonneg")) return "stock";
  // Cannot happen while the INSERT answers a conflict on the key itself; a net.
  if (causeChainIncludes(err, "UNIQUE constraint failed: orders.shop_id, orders.idempotency_key")) return "duplicate";
  return null;
}
