/** To the customer when the order leaves with the shop's own rider (no tracking number). */
import { defineTemplate } from "./define";

export const orderShipped = defineTemplate({
  id: "order_shipped",
  audience: "customer",
  params: ["shopName", "orderNumber"],
  text: {
    en: {
      title: "Order {orderNumber} is on its way",
      body: "Your order {orderNumber} from {shopName} is on its way to you.",
    },
    ur: {
      title: "آرڈر {orderNumber} روانہ ہو گیا",
      body: "آپ کا آرڈر {orderNumber} دکان {shopName} سے روانہ ہو گیا ہے اور آپ تک پہنچ رہا ہے۔",
    },
  },
  whatsapp: {
    name: "hatti_order_shipped",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "normal" },
});
