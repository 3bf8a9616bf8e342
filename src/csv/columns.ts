/**
 * Shopify-compatible product CSV: the columns, the mapping of rows to products (rows with the
 * same Handle are one product: its variants, its images), and the plain-text body.
 */
import { DESCRIPTION_MAX, MAX_VARIANTS, OPTION_NAME_MAX, OPTION_VALUE_MAX, SKU_MAX, TITLE_MAX } from "../products/form";
import { parseRupees, parseStock } from "../lib/money";
import { unguard } from "./parse";
import type { ProductInput, ProductStatus, VariantInput } from "../products/products";

export const SHOPIFY_COLUMNS = [
  "Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published",
  "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
  "Variant SKU", "Variant Inventory Tracker", "Variant Inventory Qty", "Variant Price", "Variant Compare At Price",
  "Image Src", "Image Position", "Status",
] as const;

const REQUIRED_COLUMNS = ["Handle", "Title", "Variant Price"] as const;
export const MAX_IMPORT_ROWS = 5_000;

export interface RowError {
  line: number;
  handle: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ImportProduct {
  handle: string;
  input: ProductInput;
  lines: number[];
}

/** Shopify bodies are HTML; we keep plain text with line breaks. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6])>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Missing required columns (empty: the header is usable). */
export function missingColumns(header: string[]): string[] {
  const have = new Set(header.map((h) => h.trim().toLowerCase()));
  return REQUIRED_COLUMNS.filter((c) => !have.has(c.toLowerCase()));
}

const HANDLE = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,119}$/u;

/** Groups data rows by Handle into products; a product with any bad row is reported, not imported. */
export function rowsToProducts(header: string[], rows: string[][], lines: number[]): { products: ImportProduct[]; errors: RowError[] } {
  const idx = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const get = (r: string[], col: string) => unguard((r[idx.get(col.toLowerCase()) ?? -1] ?? "").trim());
  const groups = new Map<string, { rows: string[][]; lines: number[] }>();
  const errors: RowError[] = [];
  rows.forEach((r, i) => {
    const handle = get(r, "Handle").toLowerCase();
    if (!HANDLE.test(handle)) {
      errors.push({ line: lines[i]!, handle, message: "csv.badHandle" });
      return;
    }
    const g = groups.get(handle) ?? { rows: [], lines: [] };
    g.rows.push(r);
    g.lines.push(lines[i]!);
    groups.set(handle, g);
  });
  const products: ImportProduct[] = [];
  for (const [handle, g] of groups) {
    const first = g.rows[0]!;
    const bad: RowError[] = [];
    const title = get(first, "Title");
    if (!title) bad.push({ line: g.lines[0]!, handle, message: "validation.titleRequired" });
    if (title.length > TITLE_MAX) bad.push({ line: g.lines[0]!, handle, message: "validation.tooLong", params: { max: TITLE_MAX } });
    const options = [1, 2, 3].map((n) => get(first, `Option${n} Name`)).filter((n, i) => n && !(i === 0 && n === "Title"));
    if (options.some((o) => o.length > OPTION_NAME_MAX)) bad.push({ line: g.lines[0]!, handle, message: "validation.tooLong", params: { max: OPTION_NAME_MAX } });
    const variants: VariantInput[] = [];
    const seen = new Set<string>();
    g.rows.forEach((r, i) => {
      const line = g.lines[i]!;
      const priceText = get(r, "Variant Price");
      if (!priceText && i > 0) return; // an image-only row
      const price = parseRupees(priceText);
      if (!priceText) bad.push({ line, handle, message: "validation.priceRequired" });
      else if (!price.ok) bad.push({ line, handle, message: price.error });
      const compareText = get(r, "Variant Compare At Price");
      const compare = compareText ? parseRupees(compareText) : null;
      if (compare && !compare.ok) bad.push({ line, handle, message: compare.error });
      const stock = parseStock(get(r, "Variant Inventory Qty"));
      if (!stock.ok) bad.push({ line, handle, message: stock.error });
      const values = options.map((_, k) => get(r, `Option${k + 1} Value`));
      if (values.some((v) => !v)) bad.push({ line, handle, message: "csv.optionValueMissing" });
      if (values.some((v) => v.length > OPTION_VALUE_MAX)) bad.push({ line, handle, message: "validation.optionValueLong", params: { max: OPTION_VALUE_MAX } });
      const key = values.join(" / ").toLowerCase();
      if (seen.has(key)) bad.push({ line, handle, message: "csv.duplicateVariant" });
      seen.add(key);
      if (price.ok && stock.ok && (!compare || compare.ok))
        variants.push({
          title: values.length ? values.join(" / ") : "Default",
          option1: values[0] ?? null,
          option2: values[1] ?? null,
          option3: values[2] ?? null,
          sku: get(r, "Variant SKU").slice(0, SKU_MAX) || null,
          price: price.minor,
          compareAtPrice: compare && compare.ok ? compare.minor : null,
          stock: stock.stock,
        });
    });
    if (variants.length > MAX_VARIANTS) bad.push({ line: g.lines[0]!, handle, message: "validation.tooManyVariants", params: { max: MAX_VARIANTS } });
    if (!variants.length && !bad.length) bad.push({ line: g.lines[0]!, handle, message: "validation.priceRequired" });
    if (bad.length) {
      errors.push(...bad);
      continue;
    }
    const statusText = get(first, "Status").toLowerCase();
    const published = get(first, "Published").toLowerCase();
    const status: ProductStatus = ["active", "draft", "archived"].includes(statusText) ? (statusText as ProductStatus) : published === "false" ? "draft" : "active";
    const tracker = get(first, "Variant Inventory Tracker");
    products.push({
      handle,
      lines: g.lines,
      input: {
        title,
        description: htmlToText(get(first, "Body (HTML)")).slice(0, DESCRIPTION_MAX),
        status,
        trackStock: idx.has("variant inventory tracker") ? tracker !== "" : true,
        options,
        variants,
        collectionIds: [],
        vendor: get(first, "Vendor").slice(0, 100),
        productType: get(first, "Type").slice(0, 100),
        tags: get(first, "Tags").slice(0, 500),
      },
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { products, errors };
}
