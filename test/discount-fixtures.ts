/**
 * Discounts written straight into D1 for the admin's and the orders' tests, and orders that took
 * them, as the order's batch (src/checkout, the lead's) will write them: orders.discount is what
 * the discounts took off the lines, a waived delivery fee is delivery_fee 0 plus an
 * order_discounts row of kind free_delivery with the fee as its amount, and the total follows.
 */
import { discounts, orderDiscounts } from "../src/db/schema";
import { createDb } from "../src/db/client";
import { shopD1, shopDb } from "./helpers";

type NewDiscount = typeof discounts.$inferInsert;

/** A discount of the shop (a 10% code unless told otherwise); returns its id. */
export async function seedDiscount(shopId: number, over: Partial<NewDiscount> = {}): Promise<number> {
  const [row] = await (await shopDb(shopId))
    .insert(discounts)
    .values({ shopId, code: "EID10", title: "Eid sale", kind: "percent", value: 10, ...over })
    .returning({ id: discounts.id });
  return row!.id;
}

export interface Taken {
  discountId: number;
  code: string | null;
  title: string;
  kind: "percent" | "amount" | "free_delivery";
  /** Paisa off the lines; for free delivery, ignored: the order's own delivery fee is waived. */
  amount?: number;
}

/** Makes an order one that took these discounts (its totals, its order_discounts rows; each row counts its discount's use by a trigger). */
export async function takeDiscounts(shopId: number, orderId: number, taken: Taken[]): Promise<void> {
  const d1 = await shopD1(shopId);
  const order = (await d1.prepare("SELECT subtotal, delivery_fee, customer_phone FROM orders WHERE id = ? AND shop_id = ?").bind(orderId, shopId).first<{ subtotal: number; delivery_fee: number; customer_phone: string }>())!;
  const fee = order.delivery_fee;
  const free = taken.some((d) => d.kind === "free_delivery");
  const off = taken.filter((d) => d.kind !== "free_delivery").reduce((s, d) => s + (d.amount ?? 0), 0);
  const deliveryFee = free ? 0 : fee;
  await d1.prepare("UPDATE orders SET discount = ?, delivery_fee = ?, total = ? WHERE id = ?").bind(off, deliveryFee, order.subtotal - off + deliveryFee, orderId).run();
  await createDb(d1)
    .insert(orderDiscounts)
    .values(taken.map((d) => ({ shopId, orderId, discountId: d.discountId, code: d.code, title: d.title, kind: d.kind, amount: d.kind === "free_delivery" ? fee : (d.amount ?? 0), phone: order.customer_phone })));
}
