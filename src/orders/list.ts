/**
 * The seller's order list: newest first, keyset pagination on id (so page 500 costs what page 1
 * does), counts by status (order_counts) in the same round trip. Every query starts with shop_id and is served
 * by an index: (shop_id, id), (shop_id, status, id), (shop_id, number), (shop_id, customer_phone), and the
 * "not confirmed" filter by orders_shop_awaiting_idx (only the orders asked to confirm).
 */
import { and, desc, eq, lt, sql, type Placeholder, type SQL } from "drizzle-orm";
import { normalizePakPhone } from "../lib/phone";
import type { Db } from "../db/client";
import { pageRead, slotTemplates, type ShopRef, type ShopSlot } from "../db/page-read";
import { ph, type Builder, type Values } from "../db/template";
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

/** A filter's value, or the named placeholder standing for it in a template. */
type Arg<T> = T | Placeholder<string>;

/** What listWhere filters by: the list's query, its values or a template's placeholders. */
interface Filters {
  status?: Arg<OrderStatus>;
  before?: Arg<number>;
  lateBefore?: number | SQL;
  search?: { kind: SearchKind; value: Arg<string | number> };
}

function listWhere(shopId: ShopRef, f: Filters): SQL {
  const parts: SQL[] = [eq(orders.shopId, shopId)];
  if (f.status) parts.push(eq(orders.status, f.status));
  if (f.before) parts.push(lt(orders.id, f.before));
  if (f.lateBefore !== undefined) parts.push(...lateWhere(f.lateBefore));
  const search = f.search;
  if (search?.kind === "number") parts.push(eq(orders.number, search.value as Arg<number>));
  if (search?.kind === "phone") parts.push(eq(orders.customerPhone, search.value as Arg<string>));
  // instr(), not LIKE: a pattern built from the search would be refused by D1 past 50 bytes (25
  // Urdu letters). lower() folds ASCII only, as LIKE did; % and _ are plain characters.
  if (search?.kind === "name") parts.push(sql`instr(lower(${orders.customerName}), lower(${search.value})) > 0`);
  return and(...parts)!;
}

function listSelect(db: Builder, shopId: ShopRef, filters: Filters) {
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
    .where(listWhere(shopId, filters))
    .orderBy(desc(orders.id))
    .limit(PAGE_SIZE + 1);
}

export function listQuery(db: Db, shopId: ShopRef, query: ListQuery) {
  const { q, ...rest } = query;
  return listSelect(db, shopId, { ...rest, search: parseSearch(q ?? "") ?? undefined });
}

/**
 * The list's statements as templates (src/db/page-read.ts slotTemplates), one per shape: which of
 * status, cursor, "not confirmed" and search kind the query has. Every value is a placeholder.
 */
const listTemplates = slotTemplates((db, shop, key) => {
  const [status, before, late, kind] = key.split(":");
  return listSelect(db, shop, {
    status: status ? ph("status") : undefined,
    before: before ? ph("before") : undefined,
    lateBefore: late ? lateCutoffSql(shop, ph("lateAt")) : undefined,
    search: kind ? { kind: kind as SearchKind, value: ph("q") } : undefined,
  });
});
const countsTemplate = slotTemplates((db, shop) => countsQuery(db, shop));

/** The list's two statements bound for a query (its lateBefore, if any, given as the moment `lateAt`). */
function boundList(shop: ShopSlot, query: ListQuery, lateAt: number | undefined) {
  const search = parseSearch(query.q ?? "");
  const key = [query.status ? "s" : "", query.before ? "b" : "", lateAt === undefined ? "" : "l", search?.kind ?? ""].join(":");
  const values: Values = { status: query.status, before: query.before, lateAt, q: search?.value };
  return [listTemplates(shop, key, values), countsTemplate(shop, "", {})] as const;
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
export const ordersListRead = (query: ListQuery, lateAt?: number) => {
  const read = pageRead((db, shop) => [listQuery(db, shop, lateAt === undefined ? query : { ...query, lateBefore: lateCutoffSql(shop, lateAt) }), countsQuery(db, shop)] as const, ([rows, groups]): OrderPage => {
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
  // A lateBefore given as a value (never by the list's route) is read through drizzle each time.
  return query.lateBefore === undefined ? { ...read, bind: (shop: ShopSlot) => boundList(shop, query, lateAt) } : read;
};

