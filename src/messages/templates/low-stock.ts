/** To the seller when a variant's stock falls to or below the threshold she set. */
import { defineTemplate } from "./define";

export const lowStock = defineTemplate({
  id: "low_stock",
  audience: "seller",
  // product: the product title with the variant's option values ("Chiffon kurta - Red / M").
  params: ["shopName", "product", "stock", "link"],
  text: {
    en: {
      title: "Low stock at {shopName}",
      body: "Low stock at {shopName}: only {stock} left of {product}. Open {link} to update the stock.",
    },
    ur: {
      title: "دکان {shopName} میں اسٹاک کم ہے",
      body: "دکان {shopName} میں اسٹاک کم ہے: صرف {stock} باقی رہ گئے ہیں ({product})۔ اسٹاک بدلنے کے لیے {link} کھولیں۔",
    },
  },
  whatsapp: {
    name: "hatti_low_stock",
    category: "utility",
    language: { en: "en", ur: "ur" },
    body: ["shopName", "stock", "product", "link"],
  },
  push: { ttlSeconds: 3 * 24 * 3600, urgency: "low" },
});
