/** To the customer when the order is marked delivered. */
import { defineTemplate } from "./define";

export const orderDelivered = defineTemplate({
  id: "order_delivered",
  audience: "customer",
  params: ["shopName", "orderNumber"],
  text: {
    en: {
      title: "Order {orderNumber} delivered",
      body: "Your order {orderNumber} from {shopName} has been delivered. Thank you for shopping with us!",
    },
    ur: {
      title: "آرڈر {orderNumber} پہنچ گیا",
      body: "آپ کا آرڈر {orderNumber} دکان {shopName} سے آپ تک پہنچا دیا گیا ہے۔ خریداری کا شکریہ!",
    },
  },
  whatsapp: {
    name: "hatti_order_delivered",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "low" },
});
