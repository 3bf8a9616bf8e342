/**
 * Orders as CSV for a date range, streamed in chunks (an export of a busy year never holds all
 * rows in memory). Cells that a spreadsheet would run as a formula are neutralised. The discount
 * column is what the discounts took off the lines (subtotal - discount + delivery = total; a
 * waived delivery fee shows as delivery 0), the codes column names every discount taken.
 */
import { and, asc, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { pageRead, type ShopRef } from "../db/page-read";
import { orderDiscounts, orderItems, orders } from "../db/schema";
import { minorUnits, type TFunction } from "../i18n";
import type { MessageKey } from "../i18n";
import { courierName } from "./courier";
import { karachiDateTime } from "./dates";
import { csvRow } from "../csv/parse";
import { takenName } from "../discounts/words";

/** Orders per round trip: 100,000 orders take 100 round trips, well inside a Worker's per-request limit. */
const CHUNK = 1000;


const COLUMNS = [
  "number", "date", "status", "customer", "phone", "city", "address", "zone", "items", "subtotal",
  "discount", "discountCodes", "delivery", "total", "currency", "payment", "paymentStatus", "reference", "courier", "tracking", "note",
] as const;

function push(map: Map<number, string[]>, id: number, value: string) {
  const list = map.get(id);
  if (list) list.push(value);
  else map.set(id, [value]);
}

export interface CsvRange {
  from: number;
  to: number;
}

/** One chunk's statements (one round trip): up to CHUNK orders of the range after `cursor`, their lines and their discounts. */
function chunkStatements(db: Db, shop: ShopRef, range: CsvRange, cursor: number) {
  const inRange = and(eq(orders.shopId, shop), gte(orders.createdAt, range.from), lt(orders.createdAt, range.to), gt(orders.id, cursor));
  const ids = sql`(SELECT ${orders.id} FROM ${orders} WHERE ${inRange} ORDER BY ${orders.id} LIMIT ${CHUNK})`;
  return [
    db.select().from(orders).where(inRange).orderBy(asc(orders.id)).limit(CHUNK),
    db
      .select({ orderId: orderItems.orderId, title: orderItems.title, variantTitle: orderItems.variantTitle, quantity: orderItems.quantity })
      .from(orderItems)
      .where(and(eq(orderItems.shopId, shop), sql`${orderItems.orderId} IN ${ids}`)),
    db
      .select({ orderId: orderDiscounts.orderId, code: orderDiscounts.code, title: orderDiscounts.title })
      .from(orderDiscounts)
      .where(and(eq(orderDiscounts.shopId, shop), sql`${orderDiscounts.orderId} IN ${ids}`))
      .orderBy(asc(orderDiscounts.id)),
  ] as const;
}
type Chunk = BatchResponse<ReturnType<typeof chunkStatements>>;

/**
 * The export's first chunk, as a page's read: the admin reads it in the batch of the seller's
 * session check. The rest of a range cannot be: a batch carries a fixed set of statements and the
 * chunks after the first are known only from the one before (its last id), so each further chunk
 * is one round trip of its own, while the file streams.
 */
export const firstChunkRead = (range: CsvRange) =>
  pageRead(
    (db, shop) => chunkStatements(db, shop, range, 0),
    (chunk) => chunk,
  );
export type FirstChunk = ReturnType<ReturnType<typeof firstChunkRead>["shape"]>;

export function ordersCsv(db: Db, shopId: number, range: CsvRange, t: TFunction, first: FirstChunk): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cursor = 0;
  let started = false;
  let next: Chunk | null = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The BOM makes Excel read UTF-8 (Urdu names and addresses) correctly.
        controller.enqueue(enc.encode(`\uFEFF${csvRow(COLUMNS.map((c) => t(`orders.csv.${c}` as MessageKey)))}`));
        return;
      }
      const [rows, items, taken] = next ?? (await db.batch(chunkStatements(db, shopId, range, cursor)));
      next = null;
      if (rows.length === 0) {
        controller.close();
        return;
      }
      cursor = rows[rows.length - 1]!.id;
      const byOrder = new Map<number, string[]>();
      for (const i of items) push(byOrder, i.orderId, `${i.quantity} x ${i.title}${i.variantTitle ? ` (${i.variantTitle})` : ""}`);
      const codes = new Map<number, string[]>();
      for (const d of taken) push(codes, d.orderId, takenName(d));
      let out = "";
      for (const o of rows) {
        const major = (n: number) => {
          const scale = minorUnits(o.currency);
          return scale === 1 ? String(n) : (n / scale).toFixed(Math.log10(scale));
        };
        out += csvRow([
          o.number, karachiDateTime(o.createdAt), t(`status.${o.status}`), o.customerName, o.customerPhone, o.city, o.address,
          o.zoneName, (byOrder.get(o.id) ?? []).join("; "), major(o.subtotal), major(o.discount), (codes.get(o.id) ?? []).join("; "), major(o.deliveryFee), major(o.total), o.currency,
          t(`checkout.pay.${o.paymentMethod}`), t(`payment.state.${o.paymentState}`),
          o.paymentReference, courierName(t, o.courier), o.trackingNumber, o.note,
        ]);
      }
      controller.enqueue(enc.encode(out));
      if (rows.length < CHUNK) controller.close();
    },
  });
}
