// The demo shops scripts/seed.mjs creates, and their sellers: one shop per theme in English and
// one in Urdu, each with a catalogue that fits the theme.
import { fashion, food } from "./catalog.mjs";
import { bakery } from "./demo-catalog-bakery.mjs";
import { jewel } from "./demo-catalog-jewel.mjs";

/**
 * The demo sellers (one password): Ayesha owns the first four shops, as before, so she can
 * still open one more in the wizard; the others keep every seller within MAX_SHOPS_OWNED.
 */
export const SELLERS = {
  ayesha: { name: "Ayesha Khan", phone: "+923001234567" },
  mahnoor: { name: "Mahnoor Baig", phone: "+923001234568" },
  rani: { name: "Rani Ahmed", phone: "+923001234569" },
};

/** One shop per theme in each language (the screenshot and Lighthouse runs use these slugs). */
export const DEMO_SHOPS = [
  { slug: "demo", name: "Ayesha's Closet", theme: "classic", locale: "en", catalogue: fashion, seller: "ayesha" },
  { slug: "demo-urdu", name: "زینب بوتیک", theme: "classic", locale: "ur", catalogue: fashion, seller: "ayesha" },
  { slug: "demo-bazaar", name: "Nani's Kitchen", theme: "bazaar", locale: "en", catalogue: food, seller: "ayesha" },
  { slug: "demo-minimal", name: "Studio Noor", theme: "minimal", locale: "en", catalogue: fashion, seller: "ayesha" },
  { slug: "demo-bazaar-ur", name: "نانی کا باورچی خانہ", theme: "bazaar", locale: "ur", catalogue: food, seller: "mahnoor" },
  { slug: "demo-bakery", name: "Mahnoor Bakes", theme: "bakery", locale: "en", catalogue: bakery, seller: "mahnoor" },
  { slug: "demo-bakery-ur", name: "ماہ نور بیکس", theme: "bakery", locale: "ur", catalogue: bakery, seller: "mahnoor" },
  { slug: "demo-minimal-ur", name: "اسٹوڈیو نور", theme: "minimal", locale: "ur", catalogue: fashion, seller: "rani" },
  { slug: "demo-jewel", name: "Rani Jewellers", theme: "jewel", locale: "en", catalogue: jewel, seller: "rani" },
  { slug: "demo-jewel-ur", name: "رانی جیولرز", theme: "jewel", locale: "ur", catalogue: jewel, seller: "rani" },
];
