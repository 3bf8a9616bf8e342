/**
 * The shop's customer list: newest last order first, or biggest spender first, paged by keyset
 * on (sort key, id) through customers_shop_recent_idx or customers_shop_spent_idx, so that page
 * 500 costs what page 1 does at 100,000 customers. A search is her phone (the unique index) or a
 * part of her number or name (instr(), never LIKE: D1 refuses a LIKE pattern past 50 bytes).
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { pageRead, type ShopRef } from "../db/page-read";
import { customers } from "../db/schema";
import { asciiDigits, normalizePakPhone } from "../lib/phone";
import type { CustomerListQuery, CustomerSort } from "./schemas";

export const CUSTOMERS_PAGE = 30;

const keyOf = (sort: CustomerSort) => (sort === "spent" ? customers.spent : customers.lastOrderAt);

/**
 * What a search box entry means: a whole phone number, digits of one (03001 finds +923001...,
 * 1234567 finds any number with those digits), or part of a name.
 */
function customerSearch(q: string): SQL | undefined {
  const s = q.trim();
  if (!s) return undefined;
  const phone = normalizePakPhone(s);
  if (phone) return eq(customers.phone, phone);
  const digits = asciiDigits(s).replace(/[\s\-().+]/g, "");
  if (/^\d{3,}$/.test(digits)) {
    // 03... (or 923...) is how she writes the +923... every mobile number is stored with.
    const part = digits.startsWith("03") ? `+92${digits.slice(1)}` : digits.startsWith("923") ? `+${digits}` : digits;
    return sql`instr(${customers.phone}, ${part}) > 0`;
  }
  // lower() folds ASCII only; Urdu has no case. % and _ are plain characters to instr().
  return sql`instr(lower(${customers.name}), lower(${s})) > 0`;
}

export function customersQuery(db: Db, shopId: ShopRef, query: CustomerListQuery) {
  const key = keyOf(query.sort);
  const parts: (SQL | undefined)[] = [eq(customers.shopId, shopId), customerSearch(query.q)];
  // A row value: SQLite walks the index from the cursor on (no OR to defeat the range).
  if (query.after) parts.push(sql`(${key}, ${customers.id}) < (${query.after.key}, ${query.after.id})`);
  return db
    .select({
      id: customers.id,
      phone: customers.phone,
      name: customers.name,
      city: customers.city,
      orders: customers.orders,
      returned: customers.returned,
      cancelled: customers.cancelled,
      spent: customers.spent,
      lastOrderAt: customers.lastOrderAt,
    })
    .from(customers)
    .where(and(...parts))
    .orderBy(desc(key), desc(customers.id))
    .limit(CUSTOMERS_PAGE + 1);
}

type CustomerListRow = Awaited<ReturnType<ReturnType<typeof customersQuery>["all"]>>[number];

export interface CustomerPage {
  rows: CustomerListRow[];
  /** The cursor of the next page ("key.id"), or null on the last page. */
  next: string | null;
}

/** The list page's read: a page of the shop's customers and the next page's cursor. */
export const customerListRead = (query: CustomerListQuery) =>
  pageRead(
    (db, shop) => [customersQuery(db, shop, query)] as const,
    ([rows]): CustomerPage => pageOf(query, rows),
  );

function pageOf(query: CustomerListQuery, rows: CustomerListRow[]): CustomerPage {
  const more = rows.length > CUSTOMERS_PAGE;
  const page = more ? rows.slice(0, CUSTOMERS_PAGE) : rows;
  const last = page.at(-1);
  return { rows: page, next: more && last ? `${query.sort === "spent" ? last.spent : last.lastOrderAt}.${last.id}` : null };
}
