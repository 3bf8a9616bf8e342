/** To the seller (owner and staff who opted in) the moment an order is placed. */
import { defineTemplate } from "./define";

export const newOrder = defineTemplate({
  id: "new_order",
  audience: "seller",
  params: ["shopName", "orderNumber", "total", "city", "link"],
  text: {
    en: {
      title: "New order {orderNumber} at {shopName}",
      body: "New order {orderNumber} at {shopName} for {total}, delivery to {city}. Open {link} to confirm it.",
    },
    ur: {
      title: "نیا آرڈر {orderNumber}، دکان {shopName}",
      body: "نیا آرڈر {orderNumber} دکان {shopName} پر آیا ہے: رقم {total}، ترسیل {city} میں۔ تصدیق کے لیے {link} کھولیں۔",
    },
  },
  whatsapp: {
    name: "hatti_new_order",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["orderNumber", "shopName", "total", "city", "link"],
  },
  // A seller wants to hear about an order now, and still tomorrow if her phone was off.
  push: { ttlSeconds: 24 * 3600, urgency: "high" },
});
