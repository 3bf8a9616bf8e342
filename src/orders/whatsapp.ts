/**
 * WhatsApp messages from the seller to a customer, prefilled in the SHOP's language (the
 * customer shopped in it), as wa.me links: confirmation, dispatched, delivered.
 */
import { waDigits } from "../lib/phone";
import { formatMoney, messages, type Locale } from "../i18n";
import type { OrderDetail } from "./read";
import type { OrderStatus } from "./status";

type WaTemplate = "confirm" | "dispatch" | "delivered" | "hello";

export interface WaLink {
  template: WaTemplate;
  url: string;
  text: string;
}

/** The message that fits the order's status best comes first. */
function templatesFor(status: OrderStatus): WaTemplate[] {
  if (status === "shipped") return ["dispatch", "hello"];
  if (status === "delivered") return ["delivered", "hello"];
  if (status === "cancelled" || status === "returned") return ["hello"];
  return ["confirm", "hello"];
}

export function waLinks(detail: OrderDetail, shop: { name: string; locale: Locale }, statusUrl: string): WaLink[] {
  const { order, items } = detail;
  const { t } = messages(shop.locale);
  const params = {
    name: order.customerName,
    shop: shop.name,
    number: `#${order.number}`,
    total: formatMoney(order.total, order.currency, shop.locale),
    items: items.map((i) => `${i.quantity} × ${i.title}${i.variantTitle ? ` (${i.variantTitle})` : ""}`).join(", "),
    address: `${order.address}, ${order.city}`,
    courier: order.courier,
    tracking: order.trackingNumber,
    url: statusUrl,
  };
  const digits = waDigits(order.customerPhone);
  return templatesFor(order.status).map((template) => {
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
    total: formatMoney(order.total, order.currency, shop.locale),
    url: statusUrl,
  });
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}
