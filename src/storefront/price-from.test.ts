/**
 * A product whose variants cost different amounts says "from" its lowest price, on its card and
 * on its page, in every theme and both languages; one price says just the price. The highest
 * price is kept on the product row by triggers (max_price), so a listing stays one statement.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { formatMoney, messages, type Locale } from "../i18n";
import { THEMES } from "../../themes";
import { clearPageCache } from "./page-cache";
import { shopD1 } from "../../test/helpers";
import { seedShop } from "../../test/storefront-fixtures";

const get = async (url: string) => {
  clearPageCache();
  const res = await exports.default.fetch(new Request(url));
  const timing = res.headers.get("server-timing") ?? "";
  return { status: res.status, text: await res.text(), queries: Number(/d1q;dur=(\d+)/.exec(timing)?.[1] ?? -1) };
};
/** The card of a product on a listing page. */
const cardOf = (html: string, slug: string) => new RegExp(`<li class="card"><a href="/products/${slug}"[\\s\\S]*?</li>`).exec(html)?.[0] ?? "";

describe("a price range says from", () => {
  for (const { manifest } of THEMES)
    for (const locale of ["en", "ur"] as Locale[]) {
      it(`${manifest.id}, ${locale}: cards and the product page`, async () => {
        const shop = await seedShop({ theme: manifest.id, locale });
        const t = messages(locale).t;
        const d1 = await shopD1(shop.shopId);
        const row = await d1.prepare("SELECT p.id, p.price, p.max_price, (SELECT min(price) FROM variants v WHERE v.product_id = p.id) lo, (SELECT max(price) FROM variants v WHERE v.product_id = p.id) hi FROM products p WHERE p.shop_id = ? AND p.slug = ?")
          .bind(shop.shopId, shop.optionsProduct)
          .first<{ id: number; price: number; max_price: number; lo: number; hi: number }>();
        expect(row!.max_price).toBe(row!.hi);
        expect(row!.hi).toBeGreaterThan(row!.lo);
        const from = t("store.price.from", { price: formatMoney(row!.lo, "PKR", locale) });

        const page = await get(`${shop.origin}/products/${shop.optionsProduct}`);
        expect(page.status).toBe(200);
        expect(page.text).toContain(from);

        const listing = await get(`${shop.origin}/collections/${shop.collectionSlug}`);
        expect(cardOf(listing.text, shop.optionsProduct)).toContain(from);
        expect(listing.queries).toBeLessThanOrEqual(2);

        // One price for every variant (a trigger keeps max_price): just the price, no "from".
        await d1.prepare("UPDATE variants SET price = ? WHERE shop_id = ? AND product_id = ?").bind(row!.lo, shop.shopId, row!.id).run();
        await d1.prepare("UPDATE shops SET version = version + 1 WHERE id = ?").bind(shop.shopId).run();
        const same = await get(`${shop.origin}/products/${shop.optionsProduct}`);
        expect(same.text).not.toContain(from);
        const again = cardOf((await get(`${shop.origin}/collections/${shop.collectionSlug}`)).text, shop.optionsProduct);
        expect(again).toContain(formatMoney(row!.lo, "PKR", locale));
        expect(again).not.toContain(from);
      });
    }
});
