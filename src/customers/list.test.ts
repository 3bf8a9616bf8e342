import { createDb } from "../db/client";
import { describe, expect, it } from "vitest";
import { ROOT, sellerWithShop, shopD1 } from "../../test/helpers";
import { textOf } from "../../test/limits/harness";
import { CUSTOMERS_PAGE, customersQuery } from "./list";
import { CUSTOMER_SEARCH_MAX, customerListSchema } from "./schemas";

const N = 100_000;

/** 100,000 customers of one shop, straight into D1: one a minute back in time, spent scattered. */
async function seedCustomers(shopId: number) {
  const now = Date.now();
  await (await shopD1(shopId)).prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${N})
     INSERT INTO customers (shop_id, phone, name, city, orders, returned, spent, last_order_at, created_at, updated_at)
     SELECT ?1, '+92300' || printf('%07d', n), 'Customer ' || n, 'Lahore', 1 + n % 7, n % 3, (n * 7919) % 1000003, ?2 - (${N} - n) * 60000, ?2 - 400 * 86400000, ?2
     FROM seq`,
  )
    .bind(shopId, now)
    .run();
}

async function plan(shopId: number, raw: Record<string, string>): Promise<string> {
  const d1 = await shopD1(shopId);
  const { sql, params } = customersQuery(createDb(d1), shopId, customerListSchema.parse(raw)).toSQL();
  const rows = await d1.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return rows.results.map((r) => r.detail).join(" | ");
}

const names = (html: string) => [...html.matchAll(/<span class="num" dir="auto">([^<]*)<\/span>/g)].map((m) => m[1]!);
const nextOf = (html: string) => /href="([^"]+)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
const trips = (h: Headers) => Number(/d1q;dur=(\d+)/.exec(h.get("server-timing") ?? "")![1]);

describe("customer list at 100,000 customers", () => {
  it("pages by keyset in both orders, from an index, at any depth, in one round trip with the session check", async () => {
    const s = await sellerWithShop();
    await seedCustomers(s.shopId);
    const base = `${ROOT}/admin/${s.slug}/customers`;
    await s.client.get(`${ROOT}/admin/${s.slug}`); // the session's shop recorded: each page below costs what any admin page does

    const first = await s.client.get(base);
    expect(first.status).toBe(200);
    expect(names(first.text)).toEqual(Array.from({ length: CUSTOMERS_PAGE }, (_, i) => `Customer ${N - i}`));
    // The session, the membership (with the shop) and the page: one batch.
    expect(trips(first.headers)).toBe(1);

    const second = await s.client.get(ROOT + nextOf(first.text)!);
    expect(names(second.text)[0]).toBe(`Customer ${N - CUSTOMERS_PAGE}`);
    expect(trips(second.headers)).toBe(1);

    // Deep down the list: the cursor of the 4th-oldest customer leaves three.
    const c4 = (await (await shopD1(s.shopId)).prepare("SELECT id, last_order_at FROM customers WHERE shop_id = ? AND name = 'Customer 4'").bind(s.shopId).first<{ id: number; last_order_at: number }>())!;
    const deep = await s.client.get(`${base}?after=${c4.last_order_at}.${c4.id}`);
    expect(names(deep.text)).toEqual(["Customer 3", "Customer 2", "Customer 1"]);
    expect(deep.text).not.toContain('rel="next"');

    // Biggest spenders first, and their next page goes on below the last one's amount.
    const spent = async (list: string[]) => {
      const q = await (await shopD1(s.shopId)).prepare(`SELECT name, spent FROM customers WHERE shop_id = ? AND name IN (${list.map(() => "?").join(",")})`).bind(s.shopId, ...list).all<{ name: string; spent: number }>();
      const by = new Map(q.results.map((r) => [r.name, r.spent]));
      return list.map((n) => by.get(n)!);
    };
    const top = await s.client.get(`${base}?sort=spent`);
    const topSpent = await spent(names(top.text));
    expect(topSpent).toHaveLength(CUSTOMERS_PAGE);
    expect([...topSpent].sort((a, b) => b - a)).toEqual(topSpent);
    const max = (await (await shopD1(s.shopId)).prepare("SELECT max(spent) AS m FROM customers WHERE shop_id = ?").bind(s.shopId).first<{ m: number }>())!.m;
    expect(topSpent[0]).toBe(max);
    const topNext = await spent(names((await s.client.get(ROOT + nextOf(top.text)!)).text));
    expect(topNext[0]).toBeLessThanOrEqual(topSpent.at(-1)!);

    // Every page is a walk of its index from the cursor: no scan of the table, no sort.
    const recent = await plan(s.shopId, { after: `${c4.last_order_at + 50_000 * 60_000}.${c4.id + 50_000}` });
    expect(recent).toContain("SEARCH customers USING INDEX customers_shop_recent_idx (shop_id=? AND last_order_at<?)");
    const bySpent = await plan(s.shopId, { sort: "spent", after: `500000.${c4.id + 50_000}` });
    expect(bySpent).toContain("SEARCH customers USING INDEX customers_shop_spent_idx (shop_id=? AND spent<?)");
    expect(await plan(s.shopId, { q: "0300 0054321" })).toMatch(/SEARCH customers USING INDEX customers_shop_phone_uq \(shop_id=\? AND phone=\?\)/);
    for (const p of [recent, bySpent, await plan(s.shopId, {})]) {
      expect(p).not.toContain("TEMP B-TREE");
      expect(p).not.toMatch(/SCAN customers/);
    }
  });

  it(`searches by phone, digits of it or a name; a search at its cap (${CUSTOMER_SEARCH_MAX}) works in Urdu, one past it searches its first ${CUSTOMER_SEARCH_MAX}`, async () => {
    const s = await sellerWithShop();
    await seedCustomers(s.shopId);
    const base = `${ROOT}/admin/${s.slug}/customers`;
    const find = async (q: string) => {
      const res = await s.client.get(`${base}?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      return names(res.text);
    };
    expect(await find("0300-0054321")).toEqual(["Customer 54321"]);
    expect(await find("+92 300 0054321")).toEqual(["Customer 54321"]);
    // The start of a number as she writes it (0300 0099...): the 1,000 numbers it begins, newest first.
    expect(await find("0300 0099")).toEqual(Array.from({ length: CUSTOMERS_PAGE }, (_, i) => `Customer ${99_999 - i}`));
    expect(await find("0099999")).toEqual(["Customer 99999"]);
    expect(await find("customer 77777")).toEqual(["Customer 77777"]);
    // % and _ are letters to the search, not wildcards.
    expect(await find("%_%")).toEqual([]);

    // Long names in Urdu: D1 refuses a LIKE pattern past 50 bytes (25 Urdu letters), and only
    // when a row is compared; this shop has 100,000 rows to compare.
    const urdu = textOf(CUSTOMER_SEARCH_MAX + 10, "ur");
    await (await shopD1(s.shopId)).prepare("UPDATE customers SET name = ? WHERE shop_id = ? AND phone = '+923000012345'").bind(urdu, s.shopId).run();
    expect(await find(urdu.slice(0, CUSTOMER_SEARCH_MAX))).toEqual([urdu]);
    const past = await s.client.get(`${base}?q=${encodeURIComponent(urdu.slice(0, CUSTOMER_SEARCH_MAX + 1))}`);
    expect(past.status).toBe(200);
    expect(names(past.text)).toEqual([urdu]);
    expect(past.text).toContain(`value="${urdu.slice(0, CUSTOMER_SEARCH_MAX)}"`);
    expect(past.text).toContain(`maxlength="${CUSTOMER_SEARCH_MAX}"`);

    // Junk in the query string is ignored, never a 500.
    expect((await s.client.get(`${base}?sort=bogus&after=abc&q=${"x".repeat(500)}`)).status).toBe(200);
    expect((await s.client.get(`${base}?after=99999999999999999999.1`)).status).toBe(200);
  });
});
