/**
 * The product form: what was typed (kept on every error), the variants generated from the
 * options (the product of their values), and validation into the domain's ProductInput.
 */
import { z } from "zod";
import { parseRupees, parseStock, rupeesText } from "../../catalog/admin-money";
import type { QuickEdit } from "../../catalog/admin-product-ops";
import type { EditableProduct, ProductInput, VariantInput } from "../../catalog/products";
import type { FieldErrors } from "../../lib/form";
import { ids, type AllValues } from "../form-all";

/** The product list's search box (title or SKU). */
export const PRODUCT_SEARCH_MAX = 100;

/**
 * The product list's query string. A search past its cap can only come from an edited URL (the
 * box's maxlength stops typing and pasting there): it is cut to the cap, as the browser would,
 * the box shows what was searched, and a hint beside it says that only the first characters were.
 */
export const productListQuerySchema = z.object({
  q: z
    .string()
    .max(PRODUCT_SEARCH_MAX)
    .optional()
    .catch((ctx) => (typeof ctx.value === "string" ? ctx.value.slice(0, PRODUCT_SEARCH_MAX) : undefined))
    .transform((s) => (s ?? "").trim()),
  status: z.enum(["active", "draft", "archived"]).optional().catch(undefined),
  page: z
    .string()
    .max(4)
    .optional()
    .catch(undefined)
    .transform((v) => Math.max(1, Math.min(1000, Number(v) || 1))),
});

export function parseProductListQuery(query: Record<string, string>) {
  const parsed = productListQuerySchema.parse(query);
  return { ...parsed, status: parsed.status ?? ("" as const), cut: (query.q ?? "").length > PRODUCT_SEARCH_MAX };
}

export const MAX_OPTIONS = 3;
/** The most collections one product is in. */
export const MAX_PRODUCT_COLLECTIONS = 50;
export const MAX_VARIANTS = 100;

export interface VariantRow {
  key: string;
  values: string[];
  id: string;
  price: string;
  compareAt: string;
  sku: string;
  stock: string;
}

export interface ProductFormState {
  title: string;
  description: string;
  price: string;
  compareAt: string;
  status: string;
  trackStock: boolean;
  collectionIds: number[];
  options: { name: string; values: string }[];
  /** With options: one row per combination. Without: a single row with key "". */
  rows: VariantRow[];
}

export const splitValues = (s: string): string[] => {
  const seen = new Set<string>();
  return s
    .split(/[,،]/)
    .map((v) => v.trim().replace(/\s+/g, " "))
    .filter((v) => v && !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
};

/** Every combination of the options' values, e.g. [["S","Red"],["S","Blue"],...]. */
export function combinations(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, vals) => acc.flatMap((combo) => vals.map((v) => [...combo, v])), [[]]);
}

const activeOptions = (opts: ProductFormState["options"]) =>
  opts.map((o) => ({ name: o.name.trim(), values: splitValues(o.values) })).filter((o) => o.name || o.values.length);

function rowsFor(options: ProductFormState["options"], typed: Map<string, VariantRow>): VariantRow[] {
  const act = activeOptions(options).filter((o) => o.name && o.values.length);
  const combos = act.length ? combinations(act.map((o) => o.values)) : [[]];
  if (combos.length > MAX_VARIANTS) return [];
  return combos.map((values) => {
    const key = values.join(" / ");
    return typed.get(key) ?? { key, values, id: "", price: "", compareAt: "", sku: "", stock: "" };
  });
}

export function stateFromForm({ values: v, lists }: AllValues): ProductFormState {
  const options = [1, 2, 3].map((n) => ({ name: (v[`opt${n}Name`] ?? "").slice(0, 40), values: (v[`opt${n}Values`] ?? "").slice(0, 2000) }));
  const typed = new Map<string, VariantRow>();
  for (let i = 0; i < MAX_VARIANTS; i++) {
    const key = v[`v${i}_key`];
    if (key === undefined) break;
    typed.set(key, { key, values: key ? key.split(" / ") : [], id: v[`v${i}_id`] ?? "", price: v[`v${i}_price`] ?? "", compareAt: v[`v${i}_compareAt`] ?? "", sku: v[`v${i}_sku`] ?? "", stock: v[`v${i}_stock`] ?? "" });
  }
  return {
    title: v.title ?? "",
    description: v.description ?? "",
    price: v.price ?? "",
    compareAt: v.compareAt ?? "",
    status: v.status === "draft" || v.status === "archived" ? v.status : "active",
    trackStock: v.trackStock === "on",
    collectionIds: ids(lists.collection),
    options,
    rows: rowsFor(options, typed),
  };
}

export function emptyState(): ProductFormState {
  const options = [0, 1, 2].map(() => ({ name: "", values: "" }));
  return { title: "", description: "", price: "", compareAt: "", status: "active", trackStock: true, collectionIds: [], options, rows: rowsFor(options, new Map()) };
}

export function stateFromProduct(p: EditableProduct): ProductFormState {
  const options = [0, 1, 2].map((i) => {
    const name = p.options[i] ?? "";
    const col = (["option1", "option2", "option3"] as const)[i]!;
    const vals = name ? [...new Set(p.variants.map((x) => x[col] ?? "").filter(Boolean))] : [];
    return { name, values: vals.join(", ") };
  });
  const base = p.product.price;
  const typed = new Map<string, VariantRow>();
  for (const x of p.variants) {
    const values = [x.option1, x.option2, x.option3].filter((s): s is string => !!s);
    const key = p.options.length ? values.join(" / ") : "";
    typed.set(key, { key, values, id: String(x.id), price: x.price === base ? "" : rupeesText(x.price), compareAt: rupeesText(x.compareAtPrice), sku: x.sku ?? "", stock: String(x.stock) });
  }
  return {
    title: p.product.title,
    description: p.product.description,
    price: rupeesText(base),
    compareAt: rupeesText(p.product.compareAtPrice),
    status: p.product.status,
    trackStock: p.product.trackStock,
    collectionIds: p.collectionIds,
    options,
    rows: rowsFor(options, typed),
  };
}

const head = z.object({
  title: z.string().trim().min(1, "validation.titleRequired").max(200, "validation.tooLong"),
  description: z.string().max(10_000, "validation.tooLong"),
  status: z.enum(["draft", "active", "archived"]),
});

type Money = { ok: true; minor: number | null } | { ok: false; error: string };
function money(s: string, required: boolean): Money {
  if (!s.trim()) return required ? { ok: false, error: "validation.priceRequired" } : { ok: true, minor: null };
  return parseRupees(s);
}

/** Validates the state; errors are keyed by input name, values are catalogue keys. */
export function validateProduct(s: ProductFormState): { ok: true; input: ProductInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const h = head.safeParse(s);
  if (!h.success) for (const i of h.error.issues) errors[String(i.path[0])] ??= i.message;
  const price = money(s.price, true);
  if (!price.ok) errors.price = price.error;
  const compare = money(s.compareAt, false);
  if (!compare.ok) errors.compareAt = compare.error;

  const opts = activeOptions(s.options);
  const names = new Set<string>();
  s.options.forEach((o, i) => {
    const name = o.name.trim();
    const vals = splitValues(o.values);
    if (name && !vals.length) errors[`opt${i + 1}Values`] = "validation.optionValues";
    if (!name && vals.length) errors[`opt${i + 1}Name`] = "validation.optionName";
    if (name && names.has(name.toLowerCase())) errors[`opt${i + 1}Name`] = "validation.optionDuplicate";
    if (vals.some((v) => v.length > 40)) errors[`opt${i + 1}Values`] = "validation.optionValueLong";
    names.add(name.toLowerCase());
  });
  const count = opts.reduce((n, o) => n * Math.max(1, o.values.length), 1);
  if (count > MAX_VARIANTS) errors.opt1Values = "validation.tooManyVariants";

  const variants: VariantInput[] = [];
  const skus = new Map<string, number>();
  s.rows.forEach((r, i) => {
    const p = money(r.price, false);
    const c = money(r.compareAt, false);
    const st = parseStock(r.stock);
    const sku = r.sku.trim();
    if (!p.ok) errors[`v${i}_price`] = p.error;
    if (!c.ok) errors[`v${i}_compareAt`] = c.error;
    if (!st.ok) errors[`v${i}_stock`] = st.error;
    if (sku.length > 64) errors[`v${i}_sku`] = "validation.tooLong";
    if (sku && skus.has(sku.toLowerCase())) errors[`v${i}_sku`] = errors[`v${skus.get(sku.toLowerCase())}_sku`] = "validation.skuDuplicate";
    if (sku) skus.set(sku.toLowerCase(), i);
    if (p.ok && c.ok && st.ok && price.ok && compare.ok) {
      const id = Number(r.id);
      variants.push({
        id: Number.isSafeInteger(id) && id > 0 ? id : undefined,
        title: r.values.length ? r.values.join(" / ") : "Default",
        option1: r.values[0] ?? null,
        option2: r.values[1] ?? null,
        option3: r.values[2] ?? null,
        sku: sku || null,
        price: p.minor ?? price.minor!,
        compareAtPrice: c.minor ?? (p.minor === null ? compare.minor : null),
        stock: st.stock,
      });
    }
  });
  if (s.collectionIds.length > MAX_PRODUCT_COLLECTIONS) errors.collection = "products.tooManyCollections";
  if (Object.keys(errors).length || !h.success || !variants.length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title: h.data.title,
      description: h.data.description.replace(/\r\n/g, "\n"),
      status: h.data.status,
      trackStock: s.trackStock,
      options: opts.map((o) => o.name),
      variants,
      collectionIds: s.collectionIds,
    },
  };
}

/** Field names of the rows whose SKU is already used elsewhere in the shop. */
export function skuErrors(s: ProductFormState, taken: string[]): FieldErrors {
  const set = new Set(taken.map((t) => t.toLowerCase()));
  const errors: FieldErrors = {};
  s.rows.forEach((r, i) => {
    if (set.has(r.sku.trim().toLowerCase())) errors[`v${i}_sku`] = "validation.skuTaken";
  });
  if (!Object.keys(errors).length) errors.v0_sku = "validation.skuTaken";
  return errors;
}

/** The list's inline form: `price` (one price for every variant) and `stock_<variantId>` fields. */
export function parseQuickEdit(values: Record<string, string>): { edit: QuickEdit; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const edit: QuickEdit = { stocks: [] };
  if (values.price !== undefined) {
    const r = money(values.price, true);
    if (r.ok) edit.price = r.minor!;
    else errors.price = r.error;
  }
  for (const [k, v] of Object.entries(values)) {
    const m = /^stock_(\d{1,12})$/.exec(k);
    if (!m) continue;
    const r = parseStock(v);
    if (r.ok) edit.stocks.push({ variantId: Number(m[1]), stock: r.stock });
    else errors[k] = r.error;
  }
  return { edit, errors };
}
