/** To the seller when a customer sends proof of her transfer (src/orders/payment.ts). */
import { defineTemplate } from "./define";

export const paymentProofSent = defineTemplate({
  id: "payment_proof_sent",
  audience: "seller",
  params: ["shopName", "orderNumber", "total", "link"],
  text: {
    en: {
      title: "Payment proof for order {orderNumber}",
      body: "The customer of order {orderNumber} of {total} at {shopName} sent a screenshot of her payment. Check your account, then open {link} and tap Payment received or Not received.",
    },
    ur: {
      title: "آرڈر {orderNumber} کی ادائیگی کا ثبوت",
      body: "آرڈر {orderNumber}، رقم {total}، دکان {shopName} کی گاہک نے ادائیگی کا اسکرین شاٹ بھیجا ہے۔ اپنا اکاؤنٹ دیکھیں، پھر {link} کھول کر ادائیگی مل گئی یا نہیں ملی پر ٹیپ کریں۔",
    },
  },
  whatsapp: {
    name: "hatti_payment_proof_sent",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "total", "shopName", "link"],
  },
  push: { ttlSeconds: 24 * 3600, urgency: "high" },
});
