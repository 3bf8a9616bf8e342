/**
 * The packing slip as rows of text for the browser to draw onto a canvas ("Share as image",
 * src/client/slip-image.ts): the Worker cannot shape Urdu into pixels, the phone's browser can.
 * Every string is made here, in the slip's language; the island only lays the rows out.
 */
import { dateAndTime, formatMoney, type Messages } from "../../i18n";
import { isOwnRider } from "../courier";
import type { OrderDetail } from "../read";
import { takenLines } from "../../discounts/words";
import type { SlipImageRow } from "../../client/slip-rows";

/** A left-to-right island (a phone number, a time) in a right-to-left line: the canvas honours the isolates. */
const ltr = (s: string) => `\u2066${s}\u2069`;

export function slipImageRows(m: Messages, shop: { name: string; phone: string; whatsapp: string; city: string }, detail: OrderDetail): SlipImageRow[] {
  const { t } = m;
  const { order, items } = detail;
  const money = (n: number) => formatMoney(n, order.currency, m.locale);
  const rows: SlipImageRow[] = [{ t: shop.name, b: 1, s: 1.4 }];
  if (shop.city) rows.push({ t: shop.city });
  if (shop.phone || shop.whatsapp) rows.push({ t: ltr(shop.phone || shop.whatsapp) });
  const when = dateAndTime(order.createdAt, m.locale);
  rows.push({ gap: 1 }, { t: `${t("orders.slip.invoice")} #${order.number}`, b: 1, s: 1.2 }, { t: `${when.date}${ltr(when.time)}` }, { gap: 1 });
  rows.push({ t: t("orders.slip.shipTo"), b: 1 }, { t: order.customerName }, { t: ltr(order.customerPhone) });
  for (const line of order.address.split(/\r?\n/)) if (line.trim()) rows.push({ t: line });
  if (order.city) rows.push({ t: order.city });
  if (order.courier) rows.push({ gap: 1 }, { t: isOwnRider(order.courier) ? t("orders.slip.ownRider") : t("orders.order.shipping", { courier: order.courier, tracking: order.trackingNumber }), b: 1 });
  rows.push({ rule: 1 });
  for (const i of items) rows.push({ t: `${i.title}${i.variantTitle ? ` (${i.variantTitle})` : ""} × ${i.quantity}`, e: money(i.price * i.quantity) });
  rows.push(
    { rule: 1 },
    { t: t("checkout.subtotal"), e: money(order.subtotal) },
    ...takenLines(t, money, detail.discounts).map((l) => ({ t: l.label, e: l.value })),
    { t: t("orders.order.delivery", { zone: order.zoneName }), e: order.deliveryFee === 0 ? t("checkout.free") : money(order.deliveryFee) },
    { t: t("checkout.total"), e: money(order.total), b: 1, s: 1.2 },
    { t: `${t(`checkout.pay.${order.paymentMethod}`)} · ${order.paymentStatus === "paid" ? t("orders.order.paid") : t("orders.order.pending")}` },
  );
  if (order.paymentMethod === "cod" && order.paymentStatus === "pending") rows.push({ t: t("orders.slip.codDue", { total: money(order.total) }), b: 1, s: 1.2 });
  if (order.note) rows.push({ gap: 1 }, { t: order.note });
  return rows;
}
