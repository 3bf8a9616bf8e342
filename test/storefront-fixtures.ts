/**
 * A realistic shop for storefront tests: collections, 30 products (options, variants with
 * stock, compare-at prices, three photos each, one sold out, one draft), content pages.
 * Rows go straight into the shop's shard with drizzle for a shop created through the real sign-up.
 */
import type { Locale } from "../src/i18n";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { collectionProducts, collections, pages, productImages, products, shops, variants } from "../src/db/schema";
import { invalidateShop } from "../src/tenancy/shop-cache";
import { sellerWithShop, shopDb, shopOrigin } from "./helpers";

const HEX = "0123456789abcdef";
const hash = (n: number) => Array.from({ length: 64 }, (_, i) => HEX[(n * 31 + i * 7 + ((n * i) % 13)) % 16]).join("");

const WORDS = {
  en: ["Embroidered lawn suit", "Printed kurta", "Chiffon dupatta", "Glass bangles", "Khussa", "Silk shawl", "Jhumka earrings", "Block-print scarf", "Cotton trousers", "Beaded clutch"],
  ur: ["کڑھائی والا لان سوٹ", "پرنٹڈ کرتا", "شیفون دوپٹہ", "کانچ کی چوڑیاں", "کھسہ", "ریشمی شال", "جھمکے", "بلاک پرنٹ اسکارف", "کاٹن ٹراؤزر", "موتیوں والا کلچ"],
};

export interface SeededShop {
  slug: string;
  shopId: number;
  origin: string;
  productSlugs: string[];
  /** A product with Size x Colour variants, one combination sold out. */
  optionsProduct: string;
  soldOutProduct: string;
  draftProduct: string;
  collectionSlug: string;
}

export const PRODUCT_COUNT = 30;

export async function seedShop(opts: { theme?: string; locale?: Locale; settings?: Record<string, unknown> } = {}): Promise<SeededShop> {
  const locale = opts.locale ?? "en";
  const { slug, shopId } = await sellerWithShop({ theme: opts.theme ?? "classic" });
  const d = await shopDb(shopId);
  await d
    .update(shops)
    .set({
      locale,
      themeSettings: JSON.stringify(opts.settings ?? { announcement: locale === "ur" ? "3000 روپے سے زیادہ پر مفت ڈیلیوری" : "Free delivery over Rs 3,000" }),
      description: locale === "ur" ? "ہاتھ سے چنے کپڑے اور زیورات۔" : "Hand-picked clothes and jewellery from Lahore.",
      whatsapp: "+923001234567",
    })
    .where(eq(shops.id, shopId));
  invalidateShop(slug);

  const names = WORDS[locale];
  const colls = await d
    .insert(collections)
    .values([
      { shopId, slug: "lawn", title: locale === "ur" ? "لان سوٹ" : "Lawn suits", description: "Summer lawn.\nBreathable cotton.", position: 0 },
      { shopId, slug: "accessories", title: locale === "ur" ? "لوازمات" : "Accessories", position: 1 },
      { shopId, slug: "empty", title: locale === "ur" ? "جلد آ رہا ہے" : "Coming soon", position: 2 },
    ])
    .returning({ id: collections.id });
  await d.insert(pages).values([
    { shopId, slug: "about", title: locale === "ur" ? "ہمارے بارے میں" : "About us", body: "We are a family business.\nSince 1998.\n\nSee https://example.com/story, or <b>call</b> us.", position: 0 },
    { shopId, slug: "delivery", title: locale === "ur" ? "ڈیلیوری اور واپسی" : "Delivery and returns", body: "3 to 5 days across Pakistan.", position: 1 },
    { shopId, slug: "hidden", title: "Hidden", body: "draft", published: false, position: 2 },
  ]);

  const base = Date.UTC(2026, 0, 1);
  const productSlugs: string[] = [];
  for (let i = 0; i < PRODUCT_COUNT; i++) {
    const title = `${names[i % names.length]} ${i + 1}`;
    const pslug = `item-${i + 1}`;
    productSlugs.push(pslug);
    const hasOptions = i === 0;
    const price = (1000 + ((i * 370) % 5000)) * 100;
    const [p] = await d
      .insert(products)
      .values({
        shopId,
        slug: pslug,
        title,
        description: `${title}, made with care.\nSoft and light.\n\nCash on delivery. https://example.com/care`,
        status: i === 29 ? "draft" : "active",
        tags: i % 3 === 0 ? "summer, cotton" : "gift",
        options: hasOptions ? JSON.stringify(["Size", "Colour"]) : "[]",
        price,
        compareAtPrice: i % 4 === 0 ? price + 50000 : null,
        createdAt: base + i * 60_000,
        updatedAt: base + i * 60_000,
      })
      .returning({ id: products.id });
    const productId = p!.id;
    const variantRows = hasOptions
      ? ["S", "M", "L"].flatMap((size, a) =>
          ["Rose", "Mint"].map((colour, b) => ({
            shopId,
            productId,
            title: `${size} / ${colour}`,
            option1: size,
            option2: colour,
            price: price + a * 10000,
            compareAtPrice: price + 50000,
            stock: size === "L" && colour === "Mint" ? 0 : 3 + a + b,
            position: a * 2 + b,
            sku: `SKU-${i}-${size}-${colour}`,
          })),
        )
      : [{ shopId, productId, title: "Default", price, stock: i === 5 ? 0 : 10, position: 0 }];
    await d.insert(variants).values(variantRows);
    await d.insert(productImages).values(
      [0, 1, 2].map((k) => ({
        shopId,
        productId,
        key: `shops/${shopId}/${hash(i * 3 + k + 1)}`,
        widths: "320,640,1280",
        format: "webp" as const,
        width: 1280,
        height: 1600,
        alt: k === 0 ? `${title} <front>` : "",
        position: k,
      })),
    );
    if (i % 2 === 0) await d.insert(collectionProducts).values({ shopId, collectionId: colls[0]!.id, productId, position: i });
    if (i % 5 === 0) await d.insert(collectionProducts).values({ shopId, collectionId: colls[1]!.id, productId, position: i });
  }
  return {
    slug,
    shopId,
    origin: shopOrigin(slug),
    productSlugs,
    optionsProduct: "item-1",
    soldOutProduct: "item-6",
    draftProduct: "item-30",
    collectionSlug: "lawn",
  };
}

/** Updates the shop row directly (theme, settings, locale) and drops it from the isolate cache. */
export async function updateShop(s: SeededShop, values: Partial<typeof shops.$inferInsert>): Promise<void> {
  await (await shopDb(s.shopId)).update(shops).set(values).where(eq(shops.id, s.shopId));
  invalidateShop(s.slug);
}

export { env };
