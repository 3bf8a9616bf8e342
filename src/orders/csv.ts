/**
 * Orders as CSV for a date range, streamed in chunks (an export of a busy year never holds all
 * rows in memory). Cells that a spreadsheet would run as a formula are neutralised. The discount
 * column is what the discounts took off the lines (subtotal - discount + delivery = total; a
 * waived delivery fee shows as delivery 0), the codes column names every discount taken.
 */
import { and, asc, between, eq, gt, gte, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { orderDiscounts, orderItems, orders } from "../db/schema";
import { minorUnits, type TFunction } from "../i18n";
import type { MessageKey } from "../i18n";
import { courierName } from "./courier";
import { karachiDateTime } from "./dates";
import { csvRow } from "../csv/parse";
import { takenName } from "../discounts/words";

/** Rows per round trip: 100,000 orders take 200 queries, well inside a Worker's per-request limit. */
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

export function ordersCsv(db: Db, shopId: number, range: CsvRange, t: TFunction): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cursor = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // The BOM makes Excel read UTF-8 (Urdu names and addresses) correctly.
        controller.enqueue(enc.encode(`\uFEFF${csvRow(COLUMNS.map((c) => t(`orders.csv.${c}` as MessageKey)))}`));
        return;
      }
      const rows = await db
        .select()
        .from(orders)
        .where(and(eq(orders.shopId, shopId), gte(orders.createdAt, range.from), lt(orders.createdAt, range.to), gt(orders.id, cursor)))
        .orderBy(asc(orders.id))
        .limit(CHUNK)
        .all();
      if (rows.length === 0) {
        controller.close();
        return;
      }
      const first = rows[0]!.id;
      const last = rows[rows.length - 1]!.id;
      cursor = last;
      // The chunk's lines and discounts in one round trip.
      const [items, taken] = await db.batch([
        db
          .select({ orderId: orderItems.orderId, title: orderItems.title, variantTitle: orderItems.variantTitle, quantity: orderItems.quantity })
          .from(orderItems)
          .where(and(eq(orderItems.shopId, shopId), between(orderItems.orderId, first, last))),
        db
          .select({ orderId: orderDiscounts.orderId, code: orderDiscounts.code, title: orderDiscounts.title })
          .from(orderDiscounts)
          .where(and(eq(orderDiscounts.shopId, shopId), between(orderDiscounts.orderId, first, last)))
          .orderBy(asc(orderDiscounts.id)),
      ]);
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
