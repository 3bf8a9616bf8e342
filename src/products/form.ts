/**
 * The product form: what was typed (kept on every error), the variants generated from the
 * options (the product of their values), and validation into the domain's ProductInput.
 */
import { z } from "zod";
import { MAX_ORIGINAL_BYTES } from "../media/store";
import { parseRupees, parseStock, rupeesText } from "../lib/money";
import type { QuickEdit } from "./product-ops";
import type { EditableProduct, ProductInput, VariantInput } from "./products";
import { validate, type FieldErrors } from "../lib/form";
import { caps as capsOf, MONEY_CHARS, pageNumberField, searchField } from "../lib/form-fields";
import { ids, type AllValues } from "../lib/form-all";
import { ID_SOURCE } from "../lib/ids";

/** A variant's stock field in the quick-edit form: `stock_<variant id>`. */
const STOCK_KEY = new RegExp(`^stock_(${ID_SOURCE})$`);

/** The product list's search box (title or SKU). */
export const PRODUCT_SEARCH_MAX = 100;

/**
 * The product list's query string. A search past its cap can only come from an edited URL (the
 * box's maxlength stops typing and pasting there): it is cut to the cap, as the browser would,
 * the box shows what was searched, and a hint beside it says that only the first characters were.
 */
export const productListQuerySchema = z.object({
  q: searchField(PRODUCT_SEARCH_MAX),
  status: z.enum(["active", "draft", "archived"]).optional().catch(undefined),
  page: pageNumberField(),
});

export function parseProductListQuery(query: Record<string, string>) {
  const parsed = productListQuerySchema.parse(query);
  return { ...parsed, status: parsed.status ?? ("" as const), cut: (query.q ?? "").length > PRODUCT_SEARCH_MAX };
}

/*
 * The product form's caps, each declared once here and used by productFormSchema (on the raw
 * input, so z.toJSONSchema shows them), the view (maxlength) and the domain (CSV import).
 */
export const MAX_OPTIONS = 3;
/** Variants a product may have; and so values one option ("S, M, L") may have: no option can have more values than there may be variants. */
export const MAX_VARIANTS = 100;
/** Photos one product may have (its page shows them all). */
export const MAX_PHOTOS = 10;
/**
 * Photos uploaded from new-product forms and not yet saved with their product, per shop (every
 * open form together; each form at most MAX_PHOTOS): what an abandoned form can leave behind
 * until the sweep (src/products/pending.ts) clears it.
 */
export const MAX_PENDING_PER_SHOP = 30;
/** The new-product form's photo token: random, URL-safe (src/products/pending.ts newPhotoForm). */
const PHOTO_FORM_RE = /^[A-Za-z0-9_-]{16,32}$/;
const PHOTO_FORM_MAX = 32;
/** The most collections one product is in. */
export const MAX_PRODUCT_COLLECTIONS = 50;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const SKU_MAX = 64;
export const OPTION_NAME_MAX = 40;
export const OPTION_VALUE_MAX = 40;
/** The option-values box: MAX_VARIANTS values at their longest, comma and space between. */
export const OPTION_VALUES_MAX = MAX_VARIANTS * (OPTION_VALUE_MAX + 2);
const MONEY_MAX = MONEY_CHARS;
/** A stock count as typed: "1,000,000" in Latin or Urdu digits, with room for spaces. */
export const STOCK_MAX = 12;
/** A variant row's key: its option values joined with " / ". */
const VARIANT_KEY_MAX = MAX_OPTIONS * OPTION_VALUE_MAX + (MAX_OPTIONS - 1) * 3;
const ID_MAX = 12;

const text = (max: number) => z.string().max(max, "validation.tooLong");
/** Fields a browser may leave out (unticked, or not drawn on this form). */
const optional = (max: number) => text(max).optional();
/** A closed choice: its cap is on the raw input; anything else the form did not offer means the default. */
const choice = (max: number) => z.string().max(max).optional().catch(undefined);

/** Photos picked on a plain form (no JavaScript): each file's size and their number capped. */
const photoFiles = z.array(z.file().max(MAX_ORIGINAL_BYTES)).max(MAX_PHOTOS, "media.tooMany").optional();

/*
 * Zod schemas are immutable: the repeated fields share one instance each (building 600 would
 * cost every isolate tens of milliseconds at start-up); z.toJSONSchema inlines each use.
 */
const optionName = optional(OPTION_NAME_MAX);
const optionValues = optional(OPTION_VALUES_MAX).meta({ maxValues: MAX_VARIANTS, valueMaxLength: OPTION_VALUE_MAX });
const optionFields = Object.fromEntries(
  Array.from({ length: MAX_OPTIONS }, (_, i) => [
    [`opt${i + 1}Name`, optionName],
    [`opt${i + 1}Values`, optionValues],
  ]).flat(),
) as Record<`opt${1 | 2 | 3}${"Name" | "Values"}`, z.ZodOptional<z.ZodString>>;

/** One row of the variants table per generated combination, its inputs named v{i}_..., i < MAX_VARIANTS. */
const variant = { key: optional(VARIANT_KEY_MAX), id: optional(ID_MAX), price: optional(MONEY_MAX), compareAt: optional(MONEY_MAX), sku: optional(SKU_MAX), stock: optional(STOCK_MAX) };
const variantFields = Object.fromEntries(
  Array.from({ length: MAX_VARIANTS }, (_, i) => Object.entries(variant).map(([k, schema]) => [`v${i}_${k}`, schema])).flat(),
) as Record<`v${number}_${keyof typeof variant}`, z.ZodOptional<z.ZodString>>;

/**
 * The product form as posted: every field and list with its cap on the raw input. Messages are
 * catalogue keys. What the fields mean together (prices, stock, the variants the options make)
 * is checked by validateProduct, after these caps and after counting the combinations.
 */
export const productFormSchema = z
  .object({
    title: z.string().trim().min(1, "validation.titleRequired").max(TITLE_MAX, "validation.tooLong").default(""),
    description: optional(DESCRIPTION_MAX),
    price: optional(MONEY_MAX),
    compareAt: optional(MONEY_MAX),
    status: choice(8),
    trackStock: choice(2),
    intent: choice(7),
    ...optionFields,
    collection: z.array(z.string().max(ID_MAX, "validation.tooLong")).max(MAX_PRODUCT_COLLECTIONS, "products.tooManyCollections").default([]),
    /** The new form's photos uploaded ahead (pending_uploads ids), in her order: the first is the main photo. */
    pending: z.array(z.string().max(ID_MAX, "validation.tooLong")).max(MAX_PHOTOS, "media.tooMany").default([]),
    photoForm: optional(PHOTO_FORM_MAX),
    /** Without JavaScript the new form's photos come with it (read from the body as files, checked by their bytes). */
    photo: photoFiles,
    ...variantFields,
  })
  .meta({ maxOptions: MAX_OPTIONS, maxVariants: MAX_VARIANTS });

/**
 * The photo form without JavaScript: the picked files, each checked by its bytes and size
 * (src/media/store.ts). With JavaScript, the island sends one photo at a time as its resized
 * widths (`w320`, `w640`, `w1280`: at most MAX_WIDTHS files), checked the same way.
 */
export const photoFormSchema = z.object({
  photo: photoFiles,
  /** With JavaScript: the place she gave the photo when she chose it (uploads finish in any order). */
  pos: z.string().max(6).regex(/^\d{1,6}$/).optional().catch(undefined),
});

/**
 * A photo uploaded from the new-product form before the product exists: the form's token (each
 * form at most MAX_PHOTOS, each shop MAX_PENDING_PER_SHOP waiting) and the photo's width files.
 */
export const pendingPhotoSchema = z
  .object({ photoForm: z.string().max(PHOTO_FORM_MAX).regex(PHOTO_FORM_RE) })
  .meta({ maxPerForm: MAX_PHOTOS, maxPerShop: MAX_PENDING_PER_SHOP });

/** The photos of a product in her order (one POST of the whole order): the first is the main photo. */
export const photoOrderSchema = z.object({
  order: z.array(z.string().max(ID_MAX).regex(/^\d+$/)).min(1).max(MAX_PHOTOS),
});

/** The form token a posted form carried, when it is one. */
export const photoFormToken = (v: unknown): string | null => (typeof v === "string" && PHOTO_FORM_RE.test(v) ? v : null);

/** The raw form: its fields as typed (the last of a repeated name) and the ticked collections. */
export type RawProductForm = Record<string, string | string[] | undefined>;

export function rawProductForm({ values, lists }: AllValues): RawProductForm {
  // `photo` holds files (read apart, src/products/routes.tsx); a browser sends "" when none is picked.
  const { photo: _files, ...typed } = values;
  return { ...typed, collection: lists.collection ?? [], pending: lists.pending ?? [] };
}

interface VariantRow {
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
  /** With options: one row per combination. Without: a single row with key "". None when the options are past a cap. */
  rows: VariantRow[];
}

export const splitValues = (s: string): string[] => {
  const seen = new Set<string>();
  return s
    .split(/[,،]/)
    .map((v) => v.trim().replace(/\s+/g, " "))
    .filter((v) => v && !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
};

/** Every combination of the options' values, e.g. [["S","Red"],["S","Blue"],...]. Only call within the caps (see optionErrors). */
function combinations(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, vals) => acc.flatMap((combo) => vals.map((v) => [...combo, v])), [[]]);
}

const activeOptions = (opts: ProductFormState["options"]) =>
  opts.map((o) => ({ name: o.name.trim(), values: splitValues(o.values) })).filter((o) => o.name || o.values.length);

/**
 * The options' caps, checked by COUNTING before anything grows with the input: the raw box's
 * length, the values per option, each value's length, and the number of combinations (the
 * product of the value counts). Keyed by input name; empty when the rows may be built.
 */
function optionErrors(options: ProductFormState["options"]): FieldErrors {
  const errors: FieldErrors = {};
  let combos = 1;
  options.forEach((o, i) => {
    const field = `opt${i + 1}Values`;
    if (o.values.length > OPTION_VALUES_MAX) {
      errors[field] = "validation.tooLong";
      return;
    }
    const vals = splitValues(o.values);
    if (vals.length > MAX_VARIANTS) errors[field] = "validation.tooManyValues";
    else if (vals.some((v) => v.length > OPTION_VALUE_MAX)) errors[field] = "validation.optionValueLong";
    else if (o.name.trim() && vals.length) {
      combos *= vals.length;
      if (combos > MAX_VARIANTS && !Object.values(errors).includes("validation.tooManyVariants")) errors[field] = "validation.tooManyVariants";
    }
  });
  return errors;
}

function rowsFor(options: ProductFormState["options"], typed: Map<string, VariantRow>): VariantRow[] {
  if (Object.keys(optionErrors(options)).length) return [];
  const act = activeOptions(options).filter((o) => o.name && o.values.length);
  const combos = act.length ? combinations(act.map((o) => o.values)) : [[]];
  return combos.map((values) => {
    const key = values.join(" / ");
    return typed.get(key) ?? { key, values, id: "", price: "", compareAt: "", sku: "", stock: "" };
  });
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** What was typed, kept as typed (whatever its length: the errors say what is wrong), with the variant rows when the options are within their caps. */
export function stateFromForm(raw: RawProductForm): ProductFormState {
  const options = Array.from({ length: MAX_OPTIONS }, (_, i) => ({ name: str(raw[`opt${i + 1}Name`]), values: str(raw[`opt${i + 1}Values`]) }));
  const typed = new Map<string, VariantRow>();
  for (let i = 0; i < MAX_VARIANTS; i++) {
    const key = raw[`v${i}_key`];
    if (typeof key !== "string") break;
    typed.set(key, { key, values: key ? key.split(" / ") : [], id: str(raw[`v${i}_id`]), price: str(raw[`v${i}_price`]), compareAt: str(raw[`v${i}_compareAt`]), sku: str(raw[`v${i}_sku`]), stock: str(raw[`v${i}_stock`]) });
  }
  const status = str(raw.status);
  return {
    title: str(raw.title),
    description: str(raw.description),
    price: str(raw.price),
    compareAt: str(raw.compareAt),
    status: status === "draft" || status === "archived" ? status : "active",
    trackStock: raw.trackStock === "on",
    collectionIds: ids(Array.isArray(raw.collection) ? raw.collection : []),
    options,
    rows: rowsFor(options, typed),
  };
}

export function emptyState(): ProductFormState {
  const options = Array.from({ length: MAX_OPTIONS }, () => ({ name: "", values: "" }));
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

type Money = { ok: true; minor: number | null } | { ok: false; error: string };
function money(s: string, required: boolean): Money {
  if (!s.trim()) return required ? { ok: false, error: "validation.priceRequired" } : { ok: true, minor: null };
  return parseRupees(s);
}

/**
 * The caps alone (the schema's, then the options' counted), keyed by input name: what the
 * "Update variants" step shows, and the first thing a save checks.
 */
export function capErrors(raw: RawProductForm, state: ProductFormState = stateFromForm(raw)): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = productFormSchema.safeParse(raw);
  if (!parsed.success) for (const i of parsed.error.issues) if (i.message !== "validation.titleRequired") errors[String(i.path[0])] ??= i.message;
  for (const [k, v] of Object.entries(optionErrors(state.options))) errors[k] ??= v;
  return errors;
}

export type ProductCheck = { state: ProductFormState } & ({ ok: true; input: ProductInput } | { ok: false; errors: FieldErrors });

/**
 * Validates the posted product form: the caps first (nothing that grows with the input is built
 * past them), then what the fields mean. Errors are keyed by input name, values are catalogue
 * keys; the state keeps what was typed.
 */
export function validateProduct(raw: RawProductForm): ProductCheck {
  const s = stateFromForm(raw);
  const errors = capErrors(raw, s);
  const title = s.title.trim();
  if (!title) errors.title ??= "validation.titleRequired";
  const price = money(s.price, true);
  if (!price.ok) errors.price ??= price.error;
  const compare = money(s.compareAt, false);
  if (!compare.ok) errors.compareAt ??= compare.error;

  const names = new Set<string>();
  s.options.forEach((o, i) => {
    const name = o.name.trim();
    const hasValues = o.values.trim() !== "" && splitValues(o.values.slice(0, OPTION_VALUES_MAX)).length > 0;
    if (name && !hasValues) errors[`opt${i + 1}Values`] ??= "validation.optionValues";
    if (!name && hasValues) errors[`opt${i + 1}Name`] ??= "validation.optionName";
    if (name && names.has(name.toLowerCase())) errors[`opt${i + 1}Name`] ??= "validation.optionDuplicate";
    names.add(name.toLowerCase());
  });

  const variants: VariantInput[] = [];
  const skus = new Map<string, number>();
  s.rows.forEach((r, i) => {
    const p = money(r.price, false);
    const c = money(r.compareAt, false);
    const st = parseStock(r.stock);
    const sku = r.sku.trim();
    if (!p.ok) errors[`v${i}_price`] ??= p.error;
    if (!c.ok) errors[`v${i}_compareAt`] ??= c.error;
    if (!st.ok) errors[`v${i}_stock`] ??= st.error;
    if (sku && skus.has(sku.toLowerCase())) {
      // Each row's first problem, as everywhere in this form: a SKU past its cap says so first.
      errors[`v${i}_sku`] ??= "validation.skuDuplicate";
      errors[`v${skus.get(sku.toLowerCase())}_sku`] ??= "validation.skuDuplicate";
    }
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
  if (Object.keys(errors).length || !variants.length) return { state: s, ok: false, errors };
  return {
    state: s,
    ok: true,
    input: {
      title,
      description: s.description.replace(/\r\n/g, "\n"),
      status: s.status as ProductInput["status"],
      trackStock: s.trackStock,
      options: activeOptions(s.options).map((o) => o.name),
      variants,
      collectionIds: s.collectionIds,
    },
  };
}

/** The parameters of an error's message: its field's cap, read from the schema's declarations. */
export function errorParams(field: string, key: string): Record<string, number> {
  if (key === "validation.tooLong") return { max: productCaps()[field] ?? 0 };
  const caps: Record<string, number> = {
    "validation.tooManyValues": MAX_VARIANTS,
    "validation.optionValueLong": OPTION_VALUE_MAX,
    "validation.tooManyVariants": MAX_VARIANTS,
    "products.tooManyCollections": MAX_PRODUCT_COLLECTIONS,
  };
  return { max: caps[key] ?? 0 };
}

let caps: Record<string, number | undefined> | undefined;
/** Each field's cap as the schema declares it (maxLength, or maxItems for the collections); read once, when first needed. */
export function productCaps(): Record<string, number | undefined> {
  return (caps ??= capsOf(productFormSchema));
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
/** The product list's quick edit as typed: one price for every variant, and each variant's stock (`stock_<variantId>`). */
export const quickEditSchema = z.object({ price: optional(MONEY_MAX) }).catchall(optional(STOCK_MAX));

export function parseQuickEdit(values: Record<string, string>): { edit: QuickEdit; errors: FieldErrors } {
  const edit: QuickEdit = { stocks: [] };
  const capped = validate(quickEditSchema, values);
  if (!capped.ok) return { edit, errors: capped.errors };
  const errors: FieldErrors = {};
  if (values.price !== undefined) {
    const r = money(values.price, true);
    if (r.ok) edit.price = r.minor!;
    else errors.price = r.error;
  }
  for (const [k, v] of Object.entries(values)) {
    const m = STOCK_KEY.exec(k);
    if (!m) continue;
    const r = parseStock(v);
    if (r.ok) edit.stocks.push({ variantId: Number(m[1]), stock: r.stock });
    else errors[k] = r.error;
  }
  return { edit, errors };
}
