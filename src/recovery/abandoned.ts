/**
 * The seller's abandoned checkouts: intents not ordered and last updated over an hour ago, with
 * no order from that phone in this shop since (an index-only look-up in orders_shop_phone_idx:
 * its entries carry the order's id, compared with the intent's order floor), newest first,
 * keyset pages on (updated_at, id). Each with its cart priced afresh (quoteCart: the checkout's
 * own rule). The restore link's look-up and the reminder's mark live here too. No HTTP here.
 */
import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import { parseCart, type CartLine } from "../checkout/cart";
import { quoteCart } from "../pricing/facts";
import type { QuoteLine } from "../pricing/price";
import type { Scope } from "../db/client";
import { checkoutIntents, orders } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { ABANDONED_AFTER_MS, INTENT_KEEP_MS } from "./intents";

export const PAGE_SIZE = 20;

/** A page's cursor: the last row's updated_at and id, as "1767000000000.42". */
export interface Cursor {
  at: number;
  id: number;
}

export function parseCursor(raw: string | undefined): Cursor | null {
  const m = /^(\d{1,15})\.(\d{1,12})$/.exec(raw ?? "");
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

/** The list's statement (also EXPLAINed by its test). */
export const abandonedQuery = template((db) =>
  db
    .select({ id: i.id, name: i.name, phone: i.phone, cart: i.cart, token: i.token, updatedAt: i.updatedAt, remindedAt: i.remindedAt })
    .from(i)
    .where(
      and(
        eq(i.shopId, ph("shopId")),
        isNull(i.orderedAt),
        lte(i.updatedAt, ph("seenBefore")),
        sql`(${i.updatedAt}, ${i.id}) < (CAST(${ph("afterAt")} AS INTEGER), CAST(${ph("afterId")} AS INTEGER))`,
        sql`NOT ${orderedSince}`,
      ),
    )
    .orderBy(desc(i.updatedAt), desc(i.id))
    .limit(PAGE_SIZE + 1),
);

const FAR = Number.MAX_SAFE_INTEGER;

/** A page of abandoned checkouts: two round trips (the intents, then their carts' prices). */
export async function abandonedCarts({ db, shopId }: Scope, after: Cursor | null, now = Date.now()): Promise<AbandonedPage> {
  const [found] = await runTemplates(db, [abandonedQuery.bind({ shopId, seenBefore: now - ABANDONED_AFTER_MS, afterAt: after?.at ?? FAR, afterId: after?.id ?? FAR })]);
  const more = found.length > PAGE_SIZE;
  const page = more ? found.slice(0, PAGE_SIZE) : found;
  const carts = page.map((r) => parseCart(r.cart).lines);
  // Every variant of the page once: the quote reads them all in one statement.
  const ids = [...new Set(carts.flat().map((l) => l.variantId))];
  const quote = ids.length ? await quoteCart(db, shopId, ids.map((variantId) => ({ variantId, quantity: 1 })), { code: null }) : null;
  const byId = new Map<number, QuoteLine>((quote?.lines ?? []).map((l) => [l.variantId, l]));
  const rows = page.map((r, n) => priced(r, carts[n]!, byId));
  const last = page[page.length - 1];
  return { rows, next: more && last ? { at: last.updatedAt, id: last.id } : null };
}

function priced(r: { id: number; name: string; phone: string; token: string; updatedAt: number; remindedAt: number | null }, cart: CartLine[], byId: Map<number, QuoteLine>): AbandonedCart {
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
