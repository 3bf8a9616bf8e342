/**
 * To the customer when the order leaves with a courier that gave a tracking number, with the link
 * to the courier's public tracking page (src/couriers: each courier's trackingUrl). A new WhatsApp
 * name (_link): an approved template's body cannot gain a parameter, so the new text is submitted
 * for approval under its own name.
 */
import { defineTemplate } from "./define";

export const orderShippedTracking = defineTemplate({
  id: "order_shipped_tracking",
  audience: "customer",
  params: ["shopName", "orderNumber", "courier", "trackingNumber", "trackingUrl"],
  text: {
    en: {
      title: "Order {orderNumber} is on its way",
      body: "Your order {orderNumber} from {shopName} has been sent with {courier}, tracking number {trackingNumber}. Track your parcel on the courier's page {trackingUrl} at any time.",
    },
    ur: {
      title: "آرڈر {orderNumber} روانہ ہو گیا",
      body: "آپ کا آرڈر {orderNumber} دکان {shopName} سے کورئیر {courier} کے ذریعے روانہ کر دیا گیا ہے، ٹریکنگ نمبر {trackingNumber}۔ اپنا پارسل کسی بھی وقت کورئیر کے صفحے {trackingUrl} پر دیکھیں۔",
    },
  },
  whatsapp: {
    name: "hatti_order_shipped_tracking_link",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName", "courier", "trackingNumber", "trackingUrl"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "normal" },
});
