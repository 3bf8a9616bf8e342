/**
 * The orders list's CPU: formatters are built once per isolate, not per row. Building an
 * Intl.DateTimeFormat per order's date was 40% of the list's CPU under load (issue 18 §2); this
 * counts the Intl objects the Worker constructs while it renders a full page, in English and Urdu,
 * and the dates it formats again.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../test/helpers";
import { shopWithCatalogue } from "../../test/checkout-fixtures";
import { PAGE_SIZE } from "./list";

const KINDS = ["DateTimeFormat", "NumberFormat", "PluralRules", "RelativeTimeFormat", "ListFormat", "Collator", "Segmenter"] as const;
type Kind = (typeof KINDS)[number];
const real = new Map<Kind, unknown>(KINDS.map((k) => [k, Intl[k]]));
const built = new Map<Kind, number>();

const realFormatToParts = Intl.DateTimeFormat.prototype.formatToParts;
let formatted = 0;

/** Wraps each Intl constructor (the Worker runs in this isolate) so that constructions are counted. */
function countConstructions() {
  built.clear();
  formatted = 0;
  Intl.DateTimeFormat.prototype.formatToParts = function (this: Intl.DateTimeFormat, date) {
    formatted++;
    return realFormatToParts.call(this, date);
  };
  for (const kind of KINDS) {
    const Real = real.get(kind) as new (...a: unknown[]) => object;
    const Counted = function (this: unknown, ...a: unknown[]) {
      built.set(kind, (built.get(kind) ?? 0) + 1);
      return new Real(...a);
    } as unknown as typeof Real;
    Object.assign(Counted, Real);
    (Counted as { prototype: object }).prototype = Real.prototype;
    (Intl as unknown as Record<string, unknown>)[kind] = Counted;
  }
}
afterEach(() => {
  Intl.DateTimeFormat.prototype.formatToParts = realFormatToParts;
  for (const kind of KINDS) (Intl as unknown as Record<string, unknown>)[kind] = real.get(kind);
});

describe("orders list formatters", () => {
  it("a page of orders, in English and Urdu, builds no Intl formatter once the isolate has one, nor formats the same dates again", async () => {
    const { seller } = await shopWithCatalogue();
    const now = Date.now();
    await env.DB.prepare(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${PAGE_SIZE + 1})
       INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone,
         city, address, subtotal, total, currency, created_at, updated_at)
       SELECT ?1, 5000 + i, 'fmt-' || ?1 || '-' || i, 'fmt-key-' || i, 'new', 'cod',
         'عائشہ بی بی ' || i, '+92301' || printf('%07d', i), 'Lahore', 'House ' || i || ', Street 9, Gulberg III',
         250000 + i * 100, 275000 + i * 100, 'PKR', ?2 - i * 3700000, ?2
       FROM k`,
    ).bind(seller.shopId, now).run();
    const base = `${ROOT}/admin/${seller.slug}/orders`;

    for (const lang of ["en", "ur"]) {
      await seller.client.post(`${ROOT}/admin/account/language`, { locale: lang });
      const warm = await seller.client.get(base);
      expect(warm.status).toBe(200);
      countConstructions();
      const page = await seller.client.get(base);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`lang="${lang}"`);
      // The whole page (a full page of rows, every row with its date, time and total) is rendered...
      expect(page.text.match(/<time /g)?.length ?? 0).toBeGreaterThanOrEqual(PAGE_SIZE);
      // ...and builds no formatter: every one was built by the first render, once per locale.
      expect(Object.fromEntries(built), lang).toEqual({});
      // The same orders' dates again (a seller reloads her list) are not formatted again: they
      // are kept by minute, the text's own precision.
      expect(formatted, lang).toBe(0);
    }
  });
});
