/** To the customer when the order is packed. */
import { defineTemplate } from "./define";

export const orderPacked = defineTemplate({
  id: "order_packed",
  audience: "customer",
  params: ["shopName", "orderNumber"],
  text: {
    en: {
      title: "Order {orderNumber} packed",
      body: "Your order {orderNumber} at {shopName} is packed and will be sent soon.",
    },
    ur: {
      title: "آرڈر {orderNumber} پیک ہو گیا",
      body: "آپ کا آرڈر {orderNumber} دکان {shopName} نے پیک کر دیا ہے اور یہ جلد روانہ کر دیا جائے گا۔",
    },
  },
  whatsapp: {
    name: "hatti_order_packed",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "normal" },
});
