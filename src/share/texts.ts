/**
 * What a shared link says, in the shop's language and currency (its customers read it, not the
 * seller): the shop's invitation, or a product's title and price with its address and, on its own
 * line, its main photo's address (WhatsApp previews the first link it sees, so the product page
 * goes first and the photo after it). Only links: nothing is fetched to make them.
 */
import { formatMoney, messages, type Locale } from "../i18n";

export interface ShareText {
  /** The address shared (and encoded in the QR). */
  url: string;
  /** The share sheet's title. */
  title: string;
  /** The message's text without the address (the Web Share API sends the address apart). */
  text: string;
  /** The whole WhatsApp message: text, address, and the photo's address on its own line. */
  whatsapp: string;
}

export interface ShareShop {
  name: string;
  locale: Locale;
  currency: string;
}

/** A wa.me link with the message and no number: she picks the chat (a customer, a group, her status). */
export const waTextUrl = (text: string) => `https://wa.me/?text=${encodeURIComponent(text)}`;

export function shopShareText(shop: ShareShop, url: string): ShareText {
  const text = messages(shop.locale).t("share.text.shop", { shop: shop.name });
  return { url, title: shop.name, text, whatsapp: `${text}\n${url}` };
}

export interface ShareProduct {
  title: string;
  /** The cheapest and dearest variant (minor units): a range says "from". */
  low: number;
  high: number;
  /** The main photo's absolute address, if it has one. */
  photoUrl?: string;
}

/** A product's price in the shop's language: one price, or "from" the cheapest variant's. */
export function priceText(shop: ShareShop, low: number, high: number): string {
  const { t, locale } = messages(shop.locale);
  const amount = formatMoney(low, shop.currency, locale);
  return high > low ? t("share.text.from", { price: amount }) : amount;
}

export function productShareText(shop: ShareShop, product: ShareProduct, url: string): ShareText {
  const price = priceText(shop, product.low, product.high);
  const text = messages(shop.locale).t("share.text.product", { title: product.title, price });
  const lines = [text, url];
  if (product.photoUrl) lines.push(product.photoUrl);
  return { url, title: product.title, text, whatsapp: lines.join("\n") };
}

/** A discount code's link: "Use code EID10 at Ayesha's Kitchen for 10% off:" and the link (`offer` in the shop's language). */
export function discountShareText(shop: ShareShop, code: string, offer: string, url: string): ShareText {
  const text = messages(shop.locale).t("discounts.share.text", { code, shop: shop.name, offer });
  return { url, title: shop.name, text, whatsapp: `${text}\n${url}` };
}
