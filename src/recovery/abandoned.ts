/**
 * The seller's abandoned checkouts: intents not ordered and last updated over an hour ago, with
 * no order from that phone in this shop since (an index-only look-up in orders_shop_phone_idx:
 * its entries carry the order's id, compared with the intent's order floor), newest first,
 * keyset pages on (updated_at, id). Each with its cart priced afresh (each line at its variant's
 * price today, as the checkout's quote prices it; a line no longer for sale is gone), read in the
 * same round trip. The restore link's look-up and the reminder's mark live here too. No HTTP here.
 */
import { and, desc, eq, isNull, lte, sql, type Placeholder } from "drizzle-orm";
import { parseCart, type CartLine } from "../checkout/cart";
import type { Scope } from "../db/client";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { checkoutIntents, orders, products, variants } from "../db/schema";
import { ph, runTemplates, template, type Builder } from "../db/template";
import { ABANDONED_AFTER_MS, INTENT_KEEP_MS } from "./intents";
import { ID_SOURCE } from "../lib/ids";

/** The keyset cursor: the last row's time and id. */
const CURSOR = new RegExp(`^([0-9]{1,15})\\.(${ID_SOURCE})$`);

export const PAGE_SIZE = 20;

/** A page's cursor: the last row's updated_at and id, as "1767000000000.42". */
export interface Cursor {
  at: number;
  id: number;
}

export function parseCursor(raw: string | undefined): Cursor | null {
  const m = CURSOR.exec(raw ?? "");
  return m ? { at: Number(m[1]), id: Number(m[2]) } : null;
}
export const formatCursor = (c: Cursor) => `${c.at}.${c.id}`;

interface AbandonedCart {
  id: number;
  name: string;
  phone: string;
  token: string;
  updatedAt: number;
  remindedAt: number | null;
  /** Each line still for sale, at today's price. */
  lines: { title: string; variantTitle: string; quantity: number; price: number }[];
  /** Lines whose product is gone or no longer for sale. */
  gone: number;
  /** Today's value of the lines still for sale. */
  value: number;
}

export interface AbandonedPage {
  rows: AbandonedCart[];
  next: Cursor | null;
}

const i = checkoutIntents;

/** Her phone has ordered in this shop since the intent: orders_shop_phone_idx alone answers. */
const orderedSince = sql`EXISTS (SELECT 1 FROM ${orders} o WHERE o.shop_id = ${i.shopId} AND o.customer_phone = ${i.phone} AND o.id > ${i.orderFloor})`;

type Arg = number | Placeholder;
/** Which page: the shop, the instant before which an intent counts as abandoned, and the keyset (FAR: the first page). */
interface PageArgs {
  shop: ShopRef | Placeholder;
  seenBefore: Arg;
  afterAt: Arg;
  afterId: Arg;
}

const pageWhere = (a: PageArgs) =>
  and(
    eq(i.shopId, a.shop),
    isNull(i.orderedAt),
    lte(i.updatedAt, a.seenBefore),
    sql`(${i.updatedAt}, ${i.id}) < (CAST(${a.afterAt} AS INTEGER), CAST(${a.afterId} AS INTEGER))`,
    sql`NOT ${orderedSince}`,
  );

const pageQuery = (db: Builder, a: PageArgs) =>
  db
    .select({ id: i.id, name: i.name, phone: i.phone, cart: i.cart, token: i.token, updatedAt: i.updatedAt, remindedAt: i.remindedAt })
    .from(i)
    .where(pageWhere(a))
    .orderBy(desc(i.updatedAt), desc(i.id))
    .limit(PAGE_SIZE + 1);

/** The list's statement (also EXPLAINed by its test). */
export const abandonedQuery = template((db) => pageQuery(db, { shop: ph("shopId"), seenBefore: ph("seenBefore"), afterAt: ph("afterAt"), afterId: ph("afterId") }));

/**
 * The variants the page's carts hold that are still for sale (the shop's, of an active product),
 * with today's price and titles: the same page's carts read in SQL. A cart is "12x2.40x1"
 * (encodeCart); each segment's digits before its "x" are an id (a segment that is not one reads
 * 0, no variant), so every id parseCart finds is looked up, whatever else the text holds.
 */
const variantsQuery = (db: Builder, a: PageArgs) => {
  const carts = sql`SELECT ${i.cart} || '.' AS rest FROM ${i} WHERE ${pageWhere(a)} ORDER BY ${i.updatedAt} DESC, ${i.id} DESC LIMIT ${PAGE_SIZE + 1}`;
  const ids = sql`WITH RECURSIVE seg(rest, id) AS (SELECT rest, 0 FROM (${carts})
    UNION ALL SELECT substr(rest, instr(rest, '.') + 1), CAST(substr(rest, 1, instr(substr(rest, 1, instr(rest, '.')), 'x') - 1) AS INTEGER) FROM seg WHERE rest <> '')
    SELECT DISTINCT id FROM seg WHERE id > 0`;
  return db
    .select({ id: variants.id, price: variants.price, variantTitle: sql<string>`${variants.title}`.as("variant_title"), title: sql<string>`${products.title}`.as("product_title") })
    .from(variants)
    .innerJoin(products, and(eq(products.id, variants.productId), eq(products.shopId, a.shop), eq(products.status, "active")))
    .where(and(eq(variants.shopId, a.shop), sql`${variants.id} IN (${ids})`));
};

const FAR = Number.MAX_SAFE_INTEGER;

/** A page of abandoned checkouts, each cart priced at today's prices: a page's read (one round trip, in the batch of the session check). */
export const abandonedRead = (after: Cursor | null, now = Date.now()) => {
  const args = (shop: ShopRef): PageArgs => ({ shop, seenBefore: now - ABANDONED_AFTER_MS, afterAt: after?.at ?? FAR, afterId: after?.id ?? FAR });
  return pageRead(
    (db, shop) => [pageQuery(db, args(shop)), variantsQuery(db, args(shop))] as const,
    ([found, forSale]): AbandonedPage => {
      const more = found.length > PAGE_SIZE;
      const page = more ? found.slice(0, PAGE_SIZE) : found;
      const byId = new Map(forSale.map((v) => [v.id, v]));
      const rows = page.map((r) => priced(r, parseCart(r.cart).lines, byId));
      const last = page[page.length - 1];
      return { rows, next: more && last ? { at: last.updatedAt, id: last.id } : null };
    },
  );
};

/** A page of abandoned checkouts read alone: one round trip. */
export function abandonedCarts({ db, shopId }: Scope, after: Cursor | null, now = Date.now()): Promise<AbandonedPage> {
  return runRead(db, shopId, abandonedRead(after, now));
}

type ForSale = { price: number; variantTitle: string; title: string };

function priced(r: { id: number; name: string; phone: string; token: string; updatedAt: number; remindedAt: number | null }, cart: CartLine[], byId: Map<number, ForSale>): AbandonedCart {
  const lines: AbandonedCart["lines"] = [];
  let gone = 0;
  for (const l of cart) {
    const q = byId.get(l.variantId);
    if (!q) gone++;
    else lines.push({ title: q.title, variantTitle: q.variantTitle, quantity: l.quantity, price: q.price });
  }
  const value = lines.reduce((s, l) => s + l.price * l.quantity, 0);
  return { id: r.id, name: r.name, phone: r.phone, token: r.token, updatedAt: r.updatedAt, remindedAt: r.remindedAt, lines, gone, value };
}

const markReminded = template((db) =>
  db
    .update(i)
    .set({ remindedAt: sql`${ph("now")}` })
    .where(and(eq(i.shopId, ph("shopId")), eq(i.id, ph("id"))))
    .returning({ name: i.name, phone: i.phone, token: i.token }),
);

/** Marks the intent reminded; what the reminder needs, or null for an id not of this shop. */
export async function remind({ db, shopId }: Scope, id: number, now = Date.now()) {
  const [rows] = await runTemplates(db, [markReminded.bind({ shopId, id, now })]);
  return rows[0] ?? null;
}

const byToken = template((db) =>
  db
    .select({ cart: i.cart, orderedAt: i.orderedAt, updatedAt: i.updatedAt })
    .from(i)
    .where(and(eq(i.token, ph("token")), eq(i.shopId, ph("shopId")))),
);

export type Restore = { kind: "unknown" } | { kind: "used" | "expired" } | { kind: "ok"; lines: CartLine[] };

/** What a restore link holds in this shop: its cart, or why it no longer works (another shop's token is unknown here). */
export async function restoreOf({ db, shopId }: Scope, token: string, now = Date.now()): Promise<Restore> {
  const [rows] = await runTemplates(db, [byToken.bind({ token, shopId })]);
  const row = rows[0];
  if (!row) return { kind: "unknown" };
  if (row.orderedAt !== null) return { kind: "used" };
  if (row.updatedAt < now - INTENT_KEEP_MS) return { kind: "expired" };
  return { kind: "ok", lines: parseCart(row.cart).lines };
}
