/** To the customer when the order leaves with a courier that gave a tracking number. */
import { defineTemplate } from "./define";

export const orderShippedTracking = defineTemplate({
  id: "order_shipped_tracking",
  audience: "customer",
  params: ["shopName", "orderNumber", "courier", "trackingNumber"],
  text: {
    en: {
      title: "Order {orderNumber} is on its way",
      body: "Your order {orderNumber} from {shopName} has been sent with {courier}. Track it with number {trackingNumber} on the courier's website.",
    },
    ur: {
      title: "آرڈر {orderNumber} روانہ ہو گیا",
      body: "آپ کا آرڈر {orderNumber} دکان {shopName} سے کورئیر {courier} کے ذریعے روانہ کر دیا گیا ہے۔ ٹریکنگ نمبر {trackingNumber} سے کورئیر کی ویب سائٹ پر دیکھیں۔",
    },
  },
  whatsapp: {
    name: "hatti_order_shipped_tracking",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName", "courier", "trackingNumber"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "normal" },
});
