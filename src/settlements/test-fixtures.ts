/**
 * For the settlements' tests only: delivered cash-on-delivery orders with their couriers'
 * shipments, straight into the shop's shard (src/db/shards.ts; realistic names in English and Urdu), and a courier's report as CSV.
 */
import { shopD1 } from "../../test/helpers";

const NAMES = ["Ayesha Siddiqui", "عائشہ صدیقی", "Zainab Qureshi", "زینب قریشی"];

/**
 * `n` delivered COD orders of `cod` paisa each, numbered from `from`, each with its `courier`
 * shipment `${prefix}${number}` (delivered). Returns their tracking numbers in order.
 */
export async function seedDelivered(shopId: number, opts: { n: number; from: number; courier: string; prefix: string; cod?: number; status?: string; shipment?: string }): Promise<string[]> {
  const cod = opts.cod ?? 520_000;
  const now = Date.now();
  const d1 = await shopD1(shopId);
  await d1.prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ?3 - 1)
     INSERT INTO orders (shop_id, number, token, idempotency_key, status, payment_method, customer_name, customer_phone, city, address, subtotal, total, currency, created_at, updated_at)
     SELECT ?1, ?2 + n, 'tok-' || ?1 || '-' || (?2 + n), 'idem-' || (?2 + n), ?5, 'cod',
       CASE n % 4 WHEN 0 THEN ?6 WHEN 1 THEN ?7 WHEN 2 THEN ?8 ELSE ?9 END,
       '+92300' || printf('%07d', ?2 + n), 'Lahore', 'House ' || n || ', Street 4, Gulberg III', ?4, ?4, 'PKR', ?10, ?10
     FROM seq`,
  )
    .bind(shopId, opts.from, opts.n, cod, opts.status ?? "delivered", ...NAMES, now)
    .run();
  await d1.prepare(
    `INSERT INTO shipments (shop_id, order_id, courier, state, tracking_number, weight_grams, cod_paisa)
     SELECT shop_id, id, ?2, ?3, ?4 || number, 500, total FROM orders WHERE shop_id = ?1 AND number BETWEEN ?5 AND ?5 + ?6 - 1`,
  )
    .bind(shopId, opts.courier, opts.shipment ?? "delivered", opts.prefix, opts.from, opts.n)
    .run();
  return Array.from({ length: opts.n }, (_, i) => `${opts.prefix}${opts.from + i}`);
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * PostEx's payment report as its portal exports it: a BOM, CRLF, a serial number, the tracking
 * number, the consignee's name (Urdu too) and address (commas, quoted), the COD amount ("5,200.00"),
 * charges and the net payable.
 */
export function postexReport(rows: { tracking: string; amount: string }[]): string {
  const header = ["Sr. No", "Tracking Number", "Order Ref #", "Consignee Name", "Consignee Address", "COD Amount", "Delivery Charges", "Net Payable", "Payment Date"];
  const lines = rows.map((r, i) =>
    [String(i + 1), r.tracking, `#${1000 + i}`, NAMES[i % NAMES.length]!, `House ${i}, Street 4, Gulberg III, Lahore`, r.amount, "250.00", "4,950.00", "28-11-2026"].map(q).join(","),
  );
  return `\ufeff${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
