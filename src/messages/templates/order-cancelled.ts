/** To the customer when the seller cancels the order. */
import { defineTemplate } from "./define";

export const orderCancelled = defineTemplate({
  id: "order_cancelled",
  audience: "customer",
  params: ["shopName", "orderNumber"],
  text: {
    en: {
      title: "Order {orderNumber} cancelled",
      body: "Your order {orderNumber} at {shopName} has been cancelled. Please contact the shop if you have any questions.",
    },
    ur: {
      title: "آرڈر {orderNumber} منسوخ",
      body: "آپ کا آرڈر {orderNumber} دکان {shopName} نے منسوخ کر دیا ہے۔ کوئی سوال ہو تو براہ کرم دکان سے رابطہ کریں۔",
    },
  },
  whatsapp: {
    name: "hatti_order_cancelled",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "normal" },
});
