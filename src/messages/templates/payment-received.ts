/** To the seller when a gateway (JazzCash, Easypaisa) says an order was paid (src/gateways). */
import { defineTemplate } from "./define";

export const paymentReceived = defineTemplate({
  id: "payment_received",
  audience: "seller",
  params: ["shopName", "orderNumber", "amount", "link"],
  text: {
    en: {
      title: "Payment received for order {orderNumber}",
      body: "{amount} received online for order {orderNumber} at {shopName}. Open {link} to pack it.",
    },
    ur: {
      title: "آرڈر {orderNumber} کی ادائیگی مل گئی",
      body: "دکان {shopName} کے آرڈر {orderNumber} کے لیے {amount} آن لائن وصول ہو گئے۔ پیک کرنے کے لیے {link} کھولیں۔",
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
