import type { Messages } from "../i18n";
import type { EditableProduct } from "../products/products";
import type { Shop } from "../tenancy/shop-cache";
import { qrFits } from "./qr";
import { ShareCard } from "./ShareCard";
import { mainPhotoUrl, productUrl } from "./targets";
import { productShareText } from "./texts";

/** Where the poster (and its QR) of a product or of the shop is. */
export const posterHref = (slug: string, productId?: number) => `/admin/${slug}/poster${productId ? `?for=product&id=${productId}` : ""}`;

/**
 * The product page's share card: its address, its title and price in the shop's language and
 * currency, its main photo. A draft or archived product cannot be opened by customers: the card
 * says so instead.
 */
export function ProductShare({ m, shop, origin, product: p }: { m: Messages; shop: Shop; origin: string; product: EditableProduct }) {
  const { t } = m;
  if (p.product.status !== "active") {
    return (
      <section class="card share">
        <h2>{t("share.title.product")}</h2>
        <p class="hint muted">{t("share.draft")}</p>
      </section>
    );
  }
  const prices = p.variants.map((v) => v.price);
  const url = productUrl(origin, p.product.slug);
  const share = productShareText(
    shop,
    { title: p.product.title, low: prices.length ? Math.min(...prices) : p.product.price, high: prices.length ? Math.max(...prices) : p.product.price, photoUrl: mainPhotoUrl(origin, p.images[0]) },
    url,
  );
  return <ShareCard m={m} heading={t("share.title.product")} share={share} posterHref={qrFits(url) ? posterHref(shop.slug, p.product.id) : undefined} />;
}
