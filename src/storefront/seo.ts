/**
 * <head> view models: title, description, sharing image (absolute URL) and JSON-LD for each
 * storefront page. Themes render them with themes/_shared/Head.tsx.
 */
import { minorUnits } from "../i18n";
import type { ProductData } from "./product";
import type { Shop } from "../tenancy/shop-cache";
import { summary } from "./text";
import type { BaseSettings, HeadVM, HomeVM, ImageVM, ProductVM, StoreContext } from "./theme";

const abs = (ctx: StoreContext, path: string) => (/^https?:/.test(path) ? path : ctx.origin + path);

/** The largest stored width's URL is in srcset; sharing previews want ~1200 px, src is 960 px. */
const shareImage = (ctx: StoreContext, img: ImageVM | null | undefined) => (img ? abs(ctx, img.src) : undefined);

/** The home page's head; its sharing image is the first section's photo, else the first product photo shown. */
export function homeHead(ctx: StoreContext, vm: HomeVM): HeadVM {
  return {
    title: ctx.shop.name,
    description: summary(ctx.shop.description) || ctx.t("store.meta.home", { shop: ctx.shop.name }),
    image: shareImage(ctx, vm.image),
    // The largest paint: the first section's own photo (the first cards are eager and high priority anyway).
    preload: vm.lead ?? undefined,
    jsonLd: [
      {
        "@context": "https://schema.org",
        "@type": "WebSite",
        name: ctx.shop.name,
        url: abs(ctx, "/"),
        potentialAction: {
          "@type": "SearchAction",
          target: `${abs(ctx, "/search")}?q={search_term_string}`,
          "query-input": "required name=search_term_string",
        },
      },
    ],
  };
}

/** A collection or search page; `path` (a collection's own path) adds its breadcrumb trail. */
export function listingHead(ctx: StoreContext, title: string, description: string, firstImage: ImageVM | null, noindex = false, path?: string): HeadVM {
  return {
    title: `${title} · ${ctx.shop.name}`,
    description: summary(description) || ctx.t("store.meta.collection", { title, shop: ctx.shop.name }),
    image: shareImage(ctx, firstImage),
    noindex,
    jsonLd: path ? [breadcrumbs(ctx, [{ name: ctx.t("store.home"), url: "/" }, { name: title, url: path }])] : undefined,
  };
}

function decimal(minor: number, currency: string): string {
  const scale = minorUnits(currency);
  return (minor / scale).toFixed(Math.round(Math.log10(scale)));
}

function breadcrumbs(ctx: StoreContext, trail: { name: string; url: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: abs(ctx, c.url) })),
  };
}

export function productHead(ctx: StoreContext, shop: Shop, data: ProductData, vm: ProductVM): HeadVM {
  const p = data.product!;
  const prices = data.variants.map((v) => v.price);
  const low = prices.length ? Math.min(...prices) : p.price;
  const high = prices.length ? Math.max(...prices) : p.price;
  const availability = `https://schema.org/${vm.available ? "InStock" : "OutOfStock"}`;
  const offers =
    low === high
      ? { "@type": "Offer", price: decimal(low, shop.currency), priceCurrency: shop.currency, availability, url: ctx.canonical }
      : {
          "@type": "AggregateOffer",
          lowPrice: decimal(low, shop.currency),
          highPrice: decimal(high, shop.currency),
          offerCount: prices.length,
          priceCurrency: shop.currency,
          availability,
        };
  const trail = [{ name: ctx.t("store.home"), url: "/" }];
  if (vm.collection) trail.push({ name: vm.collection.title, url: vm.collection.url });
  trail.push({ name: p.title, url: `/products/${encodeURIComponent(p.slug)}` });
  const description = summary(p.description) || ctx.t("store.meta.product", { title: p.title, shop: ctx.shop.name });
  return {
    title: `${p.title} · ${ctx.shop.name}`,
    description,
    image: shareImage(ctx, vm.images[0]),
    type: "product",
    price: { amount: decimal(low, shop.currency), currency: shop.currency },
    jsonLd: [
      {
        "@context": "https://schema.org",
        "@type": "Product",
        name: p.title,
        description,
        image: vm.images.slice(0, 3).map((i) => abs(ctx, i.src)),
        sku: data.variants[0]?.sku || undefined,
        brand: p.vendor ? { "@type": "Brand", name: p.vendor } : undefined,
        offers,
      },
      breadcrumbs(ctx, trail),
    ],
  };
}

export function pageHead(ctx: StoreContext, title: string, body: string): HeadVM {
  return {
    title: `${title} · ${ctx.shop.name}`,
    description: summary(body) || undefined,
    jsonLd: [breadcrumbs(ctx, [{ name: ctx.t("store.home"), url: "/" }, { name: title, url: new URL(ctx.canonical).pathname }])],
  };
}

/** JSON for a <script type="application/ld+json">: `<`, `>`, `&` and line separators escaped. */
export function jsonLdText(value: object): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
