/**
 * The orders list's rendering CPU: preact-render-to-string spends microseconds on every vnode, and
 * a page of 30 orders was 700 of them (20 a row), most of the list's rendering (issue 18 §2). The
 * rows are written as markup strings (src/ui/html.ts) with every value escaped as Preact does:
 * this counts the vnodes the Worker (in this isolate) creates for a page of 1 order and of a full
 * page, and reads the hostile and right-to-left text back escaped.
 */
import { options } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, shopD1 } from "../../test/helpers";
import { shopWithCatalogue } from "../../test/checkout-fixtures";
import { PAGE_SIZE } from "./list";

const realVnode = options.vnode;
let vnodes = 0;
afterEach(() => {
  options.vnode = realVnode;
});

const HOSTILE = `<script>alert("x")</script> & Sons`;

/** `n` orders straight into D1: the first with a hostile name and city, the rest in Urdu, every status. */
async function seedOrders(shopId: number, n: number, from: number) {
  await (await shopD1(shopId)).prepare(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
     INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone,
       city, address, subtotal, total, currency, created_at, updated_at)
     SELECT ?1, ?3 + i, 'rnd-' || ?1 || '-' || ?3 || '-' || i, 'rnd-key-' || ?1 || '-' || ?3 || '-' || i,
       CASE i % 4 WHEN 0 THEN 'new' WHEN 1 THEN 'confirmed' WHEN 2 THEN 'packed' ELSE 'shipped' END, 'cod',
       CASE i WHEN 1 THEN ?4 ELSE 'ہاتھ سے کڑھائی والا شیفون کا کرتا ' || i END, '+92301' || printf('%07d', ?3 + i),
       CASE i WHEN 1 THEN ?4 ELSE 'Lahore' END, 'House ' || i || ', Street 9, Gulberg III',
       250000 + i * 100, 275000 + i * 100, 'PKR', ?2 - i * 3700000, ?2
     FROM k`,
  ).bind(shopId, Date.now(), from, HOSTILE).run();
}

describe("orders list rendering", () => {
  it("creates no vnodes for its rows: a full page costs what a page of one order does, in English and Urdu", async () => {
    const counts: Record<string, number> = {};
    for (const [name, n] of [["one", 1], ["full", PAGE_SIZE + 1]] as const) {
      const { seller } = await shopWithCatalogue();
      await seedOrders(seller.shopId, n, 9000);
      const base = `${ROOT}/admin/${seller.slug}/orders`;
      for (const lang of ["en", "ur"]) {
        await seller.client.post(`${ROOT}/admin/account/language`, { locale: lang });
        expect((await seller.client.get(base)).status).toBe(200);
        vnodes = 0;
        options.vnode = (v) => {
          vnodes++;
          realVnode?.(v);
        };
        const page = await seller.client.get(base);
        options.vnode = realVnode;
        expect(page.status).toBe(200);
        expect(page.text.match(/<li><a href="\/admin\/[^"]+\/orders\/\d+">/g)?.length, `${name} ${lang}`).toBe(Math.min(n, PAGE_SIZE));
        counts[`${name} ${lang}`] = vnodes;
      }
    }
    expect(counts["one en"]).toBeGreaterThan(0);
    // Each row is none (it was 20), nor is each of the bulk booking's checkboxes (a confirmed or
    // packed order each: the full page has 16; they were 4 each), nor the filter chips.
    for (const lang of ["en", "ur"]) expect(counts[`full ${lang}`]! - counts[`one ${lang}`]!, lang).toBeLessThanOrEqual(8);
  });

  it("escapes what customers typed, as Preact does", async () => {
    const { seller } = await shopWithCatalogue();
    await seedOrders(seller.shopId, 2, 9100);
    const page = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("<script>alert");
    expect(page.text).toContain(`<span>&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; Sons</span>`);
    expect(page.text).toContain(`<span class="meta">&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; Sons · <time datetime="`);
    expect(page.text).toContain("<span>ہاتھ سے کڑھائی والا شیفون کا کرتا 2</span>");
  });
});
