/** To the customer when she places a cash-on-delivery order in a shop that asks her to confirm it (src/orders/confirmation.ts). */
import { defineTemplate } from "./define";

export const codConfirmRequest = defineTemplate({
  id: "cod_confirm_request",
  audience: "customer",
  params: ["orderNumber", "total", "shopName", "link"],
  text: {
    en: {
      title: "Please confirm order {orderNumber}",
      body: "Please confirm or cancel your order {orderNumber} of {total} at {shopName}. Open {link} to confirm it or cancel it.",
    },
    ur: {
      title: "براہ کرم آرڈر {orderNumber} کی تصدیق کریں",
      body: "آپ کا آرڈر {orderNumber}، رقم {total}، دکان {shopName} پر ہے۔ براہ کرم {link} کھول کر اس کی تصدیق کریں یا اسے منسوخ کریں۔",
    },
  },
  whatsapp: {
    name: "hatti_cod_confirm_request",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "total", "shopName", "link"],
  },
  // Worth delivering while she can still confirm; the seller's flag comes after a day by default.
  push: { ttlSeconds: 24 * 3600, urgency: "normal" },
});
