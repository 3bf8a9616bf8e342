/**
 * Places an order in ONE atomic D1 batch: the shop's next order number, the order, its items
 * (title, variant and price snapshots), the stock decrements and a 'created' event. The
 * CHECK (stock >= 0) on variants aborts the whole batch when two customers race for the last
 * unit; the unique (shop_id, idempotency_key) index makes a retry return the first order.
 */
import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { orderEvents, orderItems, orders, shops, variants } from "../db/schema";
import { randomToken } from "../lib/bytes";
import type { CheckoutInput } from "./schemas";
import type { QuoteLine, Zone } from "./quote";
import { zoneFee } from "./quote";

export interface PlaceOrderInput {
  shopId: number;
  currency: string;
  locale: "en" | "ur";
  lines: QuoteLine[];
  zone: Zone;
  form: CheckoutInput;
}

export type PlaceResult =
  | { ok: true; token: string; number: number; created: boolean }
  | { ok: false; reason: "stock" };

/** Every message in an error and its causes (drizzle wraps the D1 error). */
function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, i = 0; e && i < 5; i++) {
    parts.push(String((e as Error).message ?? e));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(" | ");
}

/** The order placed with this idempotency key, as a query (run alone or in a batch). */
export function orderByKeyQuery(db: Db, shopId: number, key: string) {
  return db
    .select({ token: orders.token, number: orders.number })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.idempotencyKey, key)));
}

export async function placeOrder(db: Db, input: PlaceOrderInput): Promise<PlaceResult> {
  const { shopId, lines, zone, form } = input;
  const subtotal = lines.reduce((s, l) => s + l.price * l.quantity, 0);
  const deliveryFee = zoneFee(zone, subtotal);
  const token = randomToken(18);
  const orderId = sql`(SELECT ${orders.id} FROM ${orders} WHERE ${orders.shopId} = ${shopId} AND ${orders.idempotencyKey} = ${form.key})`;

  const statements: BatchItem<"sqlite">[] = [
    db.update(shops).set({ orderSeq: sql`${shops.orderSeq} + 1` }).where(eq(shops.id, shopId)),
    db.insert(orders).values({
      shopId,
      number: sql`(SELECT ${shops.orderSeq} FROM ${shops} WHERE ${shops.id} = ${shopId})`,
      token,
      idempotencyKey: form.key,
      paymentMethod: form.payment,
      paymentReference: form.reference,
      customerName: form.name,
      customerPhone: form.phone,
      city: form.city,
      address: form.address,
      note: form.note,
      zoneId: zone.id,
      zoneName: zone.name,
      subtotal,
      deliveryFee,
      total: subtotal + deliveryFee,
      currency: input.currency,
      locale: input.locale,
    }).returning({ number: orders.number }),
  ];
  for (const l of lines) {
    statements.push(
      db.insert(orderItems).values({
        shopId,
        orderId,
        productId: l.productId,
        variantId: l.variantId,
        title: l.title,
        variantTitle: l.variantTitle === "Default" ? "" : l.variantTitle,
        sku: l.sku,
        price: l.price,
        quantity: l.quantity,
        stockTracked: l.tracked,
      }),
    );
    if (l.tracked) {
      statements.push(
        db
          .update(variants)
          .set({ stock: sql`${variants.stock} - ${l.quantity}` })
          .where(and(eq(variants.id, l.variantId), eq(variants.shopId, shopId))),
      );
    }
  }
  statements.push(db.insert(orderEvents).values({ shopId, orderId, kind: "created", toStatus: "new" }));

  let results: unknown[];
  try {
    results = await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  } catch (err) {
    const text = errorText(err);
    if (/UNIQUE/i.test(text) && /idempotency_key/i.test(text)) {
      // The batch aborted as a whole, so the first order's token needs one more read. Only a
      // concurrent double post gets here: a later retry is answered by checkoutReads.
      const existing = await orderByKeyQuery(db, shopId, form.key).get();
      if (existing) return { ok: true, ...existing, created: false };
    }
    if (/CHECK constraint failed/i.test(text) && /stock/i.test(text)) return { ok: false, reason: "stock" };
    throw err;
  }
  const [inserted] = results[1] as { number: number }[];
  return { ok: true, token, number: inserted!.number, created: true };
}
