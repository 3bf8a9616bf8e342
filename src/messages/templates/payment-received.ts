/** To the seller when a gateway (JazzCash, Easypaisa) says an order was paid (src/gateways). */
import { defineTemplate } from "./define";

export const paymentReceived = defineTemplate({
  id: "payment_received",
  audience: "seller",
  params: ["shopName", "orderNumber", "amount", "link"],
  text: {
    en: {
      title: "Payment received for order {orderNumber}",
      body: "Payment of {amount} received online for order {orderNumber} at {shopName}. Open {link} to pack it.",
    },
    ur: {
      title: "آرڈر {orderNumber} کی ادائیگی مل گئی",
      body: "آن لائن ادائیگی {amount} آرڈر {orderNumber} کے لیے وصول ہو گئی، دکان {shopName}۔ پیک کرنے کے لیے {link} کھولیں۔",
    },
  },
  whatsapp: {
    name: "hatti_payment_received",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["amount", "orderNumber", "shopName", "link"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "high" },
});
