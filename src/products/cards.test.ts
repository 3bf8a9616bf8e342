/**
 * A product card is one products row: its first photo and stock state are kept on the row by
 * triggers (migrations/0004_product_cards.sql) whatever changed the photos, the variants or the
 * stock tracking. Checked against the real local D1, then through the storefront's listing.
 */
import { exports } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { productImages, products, variants } from "../db/schema";
import { clearPageCache } from "../storefront/page-cache";
import { shopDb } from "../../test/helpers";
import { seedShop } from "../../test/storefront-fixtures";

async function card(shopId: number, slug: string) {
  return (await shopDb(shopId))
    .select({ id: products.id, image: products.cardImage, inStock: products.inStock })
    .from(products)
    .where(and(eq(products.shopId, shopId), eq(products.slug, slug)))
    .get();
}

const photo = (shopId: number, productId: number, position: number, alt: string) => ({
  shopId,
  productId,
  key: `shops/${shopId}/${"a".repeat(63)}${position}`,
  widths: "320,640",
  width: 640,
  height: 800,
  format: "webp" as const,
  alt,
  position,
});

describe("product cards", () => {
  it("show the first photo by position, and follow inserts, reorders and deletes", async () => {
    const s = await seedShop();
    const slug = s.productSlugs[3]!;
    const { id } = (await card(s.shopId, slug))!;
    const d = await shopDb(s.shopId);
    await d.delete(productImages).where(eq(productImages.productId, id));
    expect((await card(s.shopId, slug))!.image).toBeNull();

    await d.insert(productImages).values([photo(s.shopId, id, 2, "back"), photo(s.shopId, id, 1, "front")]);
    expect((await card(s.shopId, slug))!.image).toMatch(/^shops\/\d+\/a+1\|320,640\|640\|800\|webp\|front$/);

    await d.update(productImages).set({ position: 9 }).where(and(eq(productImages.productId, id), eq(productImages.alt, "front")));
    expect((await card(s.shopId, slug))!.image).toMatch(/\|back$/);

    await d.delete(productImages).where(and(eq(productImages.productId, id), eq(productImages.alt, "back")));
    expect((await card(s.shopId, slug))!.image).toMatch(/\|front$/);
  });

  it("are sold out exactly when stock is tracked and every variant is at 0", async () => {
    const s = await seedShop();
    const slug = s.productSlugs[20]!; // on the first page of /collections/all (newest first)
    const { id } = (await card(s.shopId, slug))!;
    const d = await shopDb(s.shopId);
    await d.update(variants).set({ stock: 0 }).where(eq(variants.productId, id));
    expect((await card(s.shopId, slug))!.inStock).toBe(0);

    await d.update(products).set({ trackStock: false }).where(eq(products.id, id));
    expect((await card(s.shopId, slug))!.inStock).toBe(1);
    await d.update(products).set({ trackStock: true }).where(eq(products.id, id));
    expect((await card(s.shopId, slug))!.inStock).toBe(0);

    const [one] = await d.select({ id: variants.id }).from(variants).where(eq(variants.productId, id)).limit(1);
    await d.update(variants).set({ stock: 3 }).where(eq(variants.id, one!.id));
    expect((await card(s.shopId, slug))!.inStock).toBe(1);

    // The storefront's listing shows it: sold out again once the last units go.
    await d.update(variants).set({ stock: 0 }).where(eq(variants.id, one!.id));
    clearPageCache();
    const html = await (await exports.default.fetch(`${s.origin}/collections/all`)).text();
    const cardHtml = html.split('<li class="card"').find((c) => c.includes(`/products/${slug}"`));
    expect(cardHtml).toContain('class="tag out"');
  });
});
