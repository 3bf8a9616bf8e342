/** To the seller when the customer cancels an order. */
import { defineTemplate } from "./define";

export const orderCancelledByCustomer = defineTemplate({
  id: "order_cancelled_by_customer",
  audience: "seller",
  params: ["shopName", "orderNumber", "link"],
  text: {
    en: {
      title: "Order {orderNumber} cancelled by the customer",
      body: "The customer cancelled order {orderNumber} at {shopName}. Open {link} to see it before you pack it.",
    },
    ur: {
      title: "گاہک نے آرڈر {orderNumber} منسوخ کر دیا",
      body: "آرڈر {orderNumber} گاہک نے منسوخ کر دیا ہے۔ دکان {shopName} کا یہ آرڈر پیک کرنے سے پہلے {link} کھول کر دیکھیں۔",
    },
  },
  whatsapp: {
    name: "hatti_order_cancelled_by_customer",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName", "link"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "high" },
});
