/** To the customer when the seller did not find her transfer (src/orders/payment.ts): she is asked to check it and send proof again. */
import { defineTemplate } from "./define";

export const paymentNotReceived = defineTemplate({
  id: "payment_not_received",
  audience: "customer",
  params: ["orderNumber", "total", "shopName", "link"],
  text: {
    en: {
      title: "Payment for order {orderNumber} not received",
      body: "Order {orderNumber}: your payment of {total} has not reached {shopName}. Please check your transfer and open {link} to send the right screenshot and transaction ID.",
    },
    ur: {
      title: "آرڈر {orderNumber} کی ادائیگی نہیں ملی",
      body: "آرڈر {orderNumber}: آپ کی {total} کی ادائیگی دکان {shopName} کو نہیں ملی۔ براہ کرم اپنی منتقلی دیکھیں اور {link} کھول کر درست اسکرین شاٹ اور ٹرانزیکشن آئی ڈی بھیجیں۔",
    },
  },
  whatsapp: {
    name: "hatti_payment_not_received",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "total", "shopName", "link"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "normal" },
});
