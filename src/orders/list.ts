/**
 * The seller's order list: newest first, keyset pagination on id (so page 500 costs what page 1
 * does), counts by status (order_counts) in the same round trip. Every query starts with shop_id and is served
 * by an index: (shop_id, id), (shop_id, status, id), (shop_id, number), (shop_id, customer_phone), and the
 * "not confirmed" filter by orders_shop_awaiting_idx (only the orders asked to confirm).
 */
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { normalizePakPhone } from "../lib/phone";
import type { Db } from "../db/client";
import { pageRead, type ShopRef } from "../db/page-read";
import { customers, orders } from "../db/schema";
import { lateCutoffSql, lateWhere } from "./confirmation";
import { countsQuery } from "./counts";
import { ORDER_SEARCH_MAX } from "./schemas";
import type { OrderStatus } from "./status";

export const PAGE_SIZE = 30;

export interface ListQuery {
  status?: OrderStatus;
  q?: string;
  /** Keyset cursor: show orders with an id below this one. */
  before?: number;
  /** "Not confirmed": only new orders still awaiting their customer, placed at or before this moment (confirmation.ts's lateCutoff, or its SQL: lateCutoffSql). */
  lateBefore?: number | SQL;
}

export type SearchKind = "number" | "phone" | "name";

/** What a search box entry means: an order number, a phone number, or part of a name. */
export function parseSearch(q: string): { kind: SearchKind; value: string | number } | null {
  const s = q.trim();
  if (!s) return null;
  const num = /^#?(\d{1,9})$/.exec(s);
  const phone = normalizePakPhone(s);
  if (phone) return { kind: "phone", value: phone };
  if (num) return { kind: "number", value: Number(num[1]) };
  return { kind: "name", value: s.slice(0, ORDER_SEARCH_MAX) };
}

function listWhere(shopId: ShopRef, query: ListQuery): SQL {
  const parts: SQL[] = [eq(orders.shopId, shopId)];
  if (query.status) parts.push(eq(orders.status, query.status));
  if (query.before) parts.push(lt(orders.id, query.before));
  if (query.lateBefore !== undefined) parts.push(...lateWhere(query.lateBefore));
  const search = parseSearch(query.q ?? "");
  if (search?.kind === "number") parts.push(eq(orders.number, search.value as number));
  if (search?.kind === "phone") parts.push(eq(orders.customerPhone, search.value as string));
  // instr(), not LIKE: a pattern built from the search would be refused by D1 past 50 bytes (25
  // Urdu letters). lower() folds ASCII only, as LIKE did; % and _ are plain characters.
  if (search?.kind === "name") parts.push(sql`instr(lower(${orders.customerName}), lower(${search.value as string})) > 0`);
  return and(...parts)!;
}

export function listQuery(db: Db, shopId: ShopRef, query: ListQuery) {
  return db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      customerName: orders.customerName,
      customerPhone: orders.customerPhone,
      city: orders.city,
      total: orders.total,
      currency: orders.currency,
      paymentMethod: orders.paymentMethod,
      paymentState: orders.paymentState,
      confirmation: orders.confirmation,
      createdAt: orders.createdAt,
      // The customer's row (one unique-index look-up a row): the list's short risk signals.
      customerOrders: customers.orders,
      customerCancelled: customers.cancelled,
      customerReturned: customers.returned,
    })
    .from(orders)
    .leftJoin(customers, and(eq(customers.shopId, orders.shopId), eq(customers.phone, orders.customerPhone)))
    .where(listWhere(shopId, query))
    .orderBy(desc(orders.id))
    .limit(PAGE_SIZE + 1);
}

type OrderListRow = Awaited<ReturnType<ReturnType<typeof listQuery>["all"]>>[number];

export interface OrderPage {
  rows: OrderListRow[];
  /** Cursor of the next (older) page, or null on the last page. */
  next: number | null;
  counts: Partial<Record<OrderStatus, number>>;
  total: number;
}

/**
 * The list's read: the page of orders and the counts by status (from order_counts). `lateAt`: only
 * the orders not confirmed by then after the shop's hours (read in the statement, lateCutoffSql).
 */
export const ordersListRead = (query: ListQuery, lateAt?: number) =>
  pageRead((db, shop) => [listQuery(db, shop, lateAt === undefined ? query : { ...query, lateBefore: lateCutoffSql(shop, lateAt) }), countsQuery(db, shop)] as const, ([rows, groups]): OrderPage => {
    const more = rows.length > PAGE_SIZE;
    const page = more ? rows.slice(0, PAGE_SIZE) : rows;
    const counts: Partial<Record<OrderStatus, number>> = {};
    let total = 0;
    for (const g of groups) {
      counts[g.status] = g.n;
      total += g.n;
    }
    return { rows: page, next: more ? page[page.length - 1]!.id : null, counts, total };
  });

