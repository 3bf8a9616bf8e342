/** To the customer when the seller confirms the order. */
import { defineTemplate } from "./define";

export const orderConfirmed = defineTemplate({
  id: "order_confirmed",
  audience: "customer",
  params: ["shopName", "orderNumber"],
  text: {
    en: {
      title: "Order {orderNumber} confirmed",
      body: "Your order {orderNumber} at {shopName} is confirmed. We will message you when it is on its way.",
    },
    ur: {
      title: "آرڈر {orderNumber} کی تصدیق",
      body: "آپ کے آرڈر {orderNumber} کی دکان {shopName} نے تصدیق کر دی ہے۔ روانگی پر ہم آپ کو پیغام بھیجیں گے۔",
    },
  },
  whatsapp: {
    name: "hatti_order_confirmed",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "normal" },
});
