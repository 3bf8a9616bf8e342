/** The seller's WhatsApp reminder to a customer who left her cart: prefilled in the SHOP's language, with her restore link. */
import { messages, type Locale } from "../i18n";
import { waDigits } from "../lib/phone";

export function reminderLink(intent: { name: string; phone: string; token: string }, shop: { name: string; locale: Locale }, shopOrigin: string): string {
  const { t } = messages(shop.locale);
  const url = `${shopOrigin}/cart/restore/${intent.token}`;
  const text = intent.name ? t("recovery.wa.text", { name: intent.name, shop: shop.name, url }) : t("recovery.wa.textNoName", { shop: shop.name, url });
  return `https://wa.me/${waDigits(intent.phone)}?text=${encodeURIComponent(text)}`;
}
