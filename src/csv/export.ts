/**
 * Product export in Shopify's CSV columns, streamed 100 products (with their variants and photos) a round trip: the first row of a
 * product carries its fields and first variant, then one row per further variant, then rows
 * for further photos (Image Src as an absolute storefront URL).
 */
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { pageRead, type ShopRef } from "../db/page-read";
import { productImages, products, variants } from "../db/schema";
import { mediaUrl } from "../media/urls";
import { rupeesText } from "../lib/money";
import { SHOPIFY_COLUMNS } from "./columns";
import { csvRow } from "./parse";

type Col = (typeof SHOPIFY_COLUMNS)[number];
const PAGE = 100;

/** Plain text as the HTML Shopify expects: escaped, line breaks as <br>. */
const textToHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "<br>");

const line = (cells: Partial<Record<Col, string | number | null>>) => csvRow(SHOPIFY_COLUMNS.map((c) => cells[c] ?? ""));

/** One page's statements (one round trip): up to PAGE products after the id `after`, their variants and their photos. */
function pageStatements(db: Db, shop: ShopRef, after: number) {
  const inPage = and(eq(products.shopId, shop), gt(products.id, after));
  const ids = sql`(SELECT ${products.id} FROM ${products} WHERE ${inPage} ORDER BY ${products.id} LIMIT ${PAGE})`;
  return [
    db.select().from(products).where(inPage).orderBy(asc(products.id)).limit(PAGE),
    db.select().from(variants).where(and(eq(variants.shopId, shop), sql`${variants.productId} IN ${ids}`)).orderBy(asc(variants.productId), asc(variants.position), asc(variants.id)),
    db.select().from(productImages).where(and(eq(productImages.shopId, shop), sql`${productImages.productId} IN ${ids}`)).orderBy(asc(productImages.productId), asc(productImages.position), asc(productImages.id)),
  ] as const;
}
type Page = BatchResponse<ReturnType<typeof pageStatements>>;

/**
 * The export's first page, as a page's read: the admin reads it in the batch of the seller's
 * session check. The pages after it cannot be: each is known only from the one before (its last
 * id), so each is one round trip of its own while the file streams.
 */
export const firstProductsRead = pageRead(
  (db, shop) => pageStatements(db, shop, 0),
  (page) => page,
);

/** Yields the CSV text: header, then the shop's products in chunks, from the first page read already. `origin` is the storefront's. */
export async function* exportProducts(db: Db, shopId: number, origin: string, first: Page): AsyncGenerator<string> {
  yield csvRow([...SHOPIFY_COLUMNS]);
  let after = 0;
  let next: Page | null = first;
  for (;;) {
    const [page, vs, imgs] = next ?? (await db.batch(pageStatements(db, shopId, after)));
    next = null;
    if (!page.length) return;
    after = page[page.length - 1]!.id;
    let out = "";
    for (const p of page) {
      let options: string[] = [];
      try {
        options = JSON.parse(p.options) as string[];
      } catch {
        options = [];
      }
      const pv = vs.filter((v) => v.productId === p.id);
      const pi = imgs.filter((i) => i.productId === p.id);
      const image = (n: number) => {
        const img = pi[n];
        if (!img) return {};
        const widths = img.widths.split(",").map(Number);
        return { "Image Src": origin + mediaUrl(img.key, widths[widths.length - 1] ?? img.width, img.format), "Image Position": n + 1 };
      };
      const rows = Math.max(pv.length, pi.length, 1);
      for (let n = 0; n < rows; n++) {
        const v = pv[n];
        const head =
          n === 0
            ? {
                Title: p.title,
                "Body (HTML)": textToHtml(p.description),
                Vendor: p.vendor,
                Type: p.productType,
                Tags: p.tags,
                Published: p.status === "active" ? "TRUE" : "FALSE",
                "Option1 Name": options[0] ?? "Title",
                "Option2 Name": options[1] ?? "",
                "Option3 Name": options[2] ?? "",
                Status: p.status,
              }
            : {};
        const variant = v
          ? {
              "Option1 Value": options.length ? v.option1 : "Default Title",
              "Option2 Value": v.option2,
              "Option3 Value": v.option3,
              "Variant SKU": v.sku,
              "Variant Inventory Tracker": p.trackStock ? "shopify" : "",
              "Variant Inventory Qty": v.stock,
              "Variant Price": rupeesText(v.price),
              "Variant Compare At Price": rupeesText(v.compareAtPrice),
            }
          : {};
        out += line({ Handle: p.slug, ...head, ...variant, ...image(n) });
      }
    }
    yield out;
  }
}
