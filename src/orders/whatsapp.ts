/**
 * WhatsApp messages from the seller to a customer, prefilled in the SHOP's language (the
 * customer shopped in it), as wa.me links. The first fits the order's state (a new order asks to
 * confirm; a confirmed one says so; packed, on its way with the courier or her own rider,
 * delivered, cancelled, returned); a plain hello is always offered beside it. A total says the
 * discounts the order took.
 */
import { waDigits } from "../lib/phone";
import { formatMoney, messages, type Locale } from "../i18n";
import { isOwnRider } from "./courier";
import type { OrderDetail } from "./read";
import { takenText } from "../discounts/words";
import type { OrderStatus } from "./status";

type WaTemplate = "confirm" | "confirmed" | "packed" | "dispatch" | "dispatchCourier" | "dispatchRider" | "delivered" | "cancelled" | "returned" | "hello";

export interface WaLink {
  template: WaTemplate;
  url: string;
  text: string;
}

type Order = OrderDetail["order"];

/** The message that says where the order is now. */
function stateTemplate(order: Order): WaTemplate {
  const byStatus: Record<Exclude<OrderStatus, "shipped">, WaTemplate> = {
    new: "confirm",
    confirmed: "confirmed",
    packed: "packed",
    delivered: "delivered",
    cancelled: "cancelled",
    returned: "returned",
  };
  if (order.status !== "shipped") return byStatus[order.status];
  if (isOwnRider(order.courier)) return "dispatchRider";
  return order.trackingNumber ? "dispatch" : "dispatchCourier";
}

/** The message that fits the order's status comes first, then a plain hello. */
function templatesFor(order: Order): WaTemplate[] {
  return [stateTemplate(order), "hello"];
}

/** The order's total in the shop's language, with the discounts it took: "Rs 2,250 (discount: EID10: -Rs 250, Free delivery)". */
function totalText(detail: OrderDetail, locale: Locale): string {
  const { t } = messages(locale);
  const money = (n: number) => formatMoney(n, detail.order.currency, locale);
  const total = money(detail.order.total);
  return detail.discounts.length ? t("orders.wa.withDiscount", { total, discounts: takenText(t, money, detail.discounts) }) : total;
}

export function waLinks(detail: OrderDetail, shop: { name: string; locale: Locale }, statusUrl: string): WaLink[] {
  const { order, items } = detail;
  const { t } = messages(shop.locale);
  const params = {
    name: order.customerName,
    shop: shop.name,
    number: `#${order.number}`,
    total: totalText(detail, shop.locale),
    items: items.map((i) => `${i.quantity} × ${i.title}${i.variantTitle ? ` (${i.variantTitle})` : ""}`).join(", "),
    address: `${order.address}, ${order.city}`,
    courier: order.courier,
    tracking: order.trackingNumber,
    url: statusUrl,
  };
  const digits = waDigits(order.customerPhone);
  return templatesFor(order).map((template) => {
    const text = t(`orders.wa.${template}`, params);
    return { template, text, url: `https://wa.me/${digits}?text=${encodeURIComponent(text)}` };
  });
}

/** The customer's one-tap message to the seller about an order; null when the shop has no WhatsApp. */
export function sellerWaLink(detail: OrderDetail, shop: { name: string; whatsapp: string; locale: Locale }, statusUrl: string): string | null {
  const digits = waDigits(shop.whatsapp);
  if (digits.length < 8) return null;
  const { order, items } = detail;
  const text = messages(shop.locale).t("checkout.order.waText", {
    shop: shop.name,
    number: `#${order.number}`,
    items: items.map((i) => `${i.quantity} × ${i.title}${i.variantTitle ? ` (${i.variantTitle})` : ""}`).join(", "),
    total: totalText(detail, shop.locale),
    url: statusUrl,
  });
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}
