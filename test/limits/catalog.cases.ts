/** The catalogue's forms: a product (new and edit), a collection (new and edit), a page (new and edit). */
import { collectionEditorQuerySchema, collectionSchema, memberMoveSchema } from "../../src/collections/schema";
import { pageSchema } from "../../src/pages/schema";
import { MAX_VARIANTS, OPTION_VALUE_MAX, OPTION_VALUES_MAX, productFormSchema, quickEditSchema } from "../../src/products/form";
import { addProduct, one, productForm, type Shop } from "../admin-helpers";
import { ROOT, sellerWithShop, uniq } from "../helpers";
import { moneyOf, stockOf, type Body, type FormCase } from "./harness";

type Ctx = Shop & { id?: number };
const admin = (s: Ctx, path: string) => `${ROOT}/admin/${s.slug}${path}`;
const seller = {
  setup: (): Promise<Ctx> => sellerWithShop(),
  post: (s: Ctx, url: string, body: Body) => s.client.post(url, body),
  saved: (res: { status: number }) => res.status === 303,
};

/** Variant rows past the first: the same fields as row 0, drawn only once options make them. */
const laterRows = Array.from({ length: MAX_VARIANTS - 1 }, (_, i) => ["key", "id", "price", "compareAt", "sku", "stock"].map((k) => `v${i + 1}_${k}`)).flat();

/**
 * An option's values box of exactly `n` characters: as many distinct values of 40 characters
 * as fit (at most 100, one a variant), ", " between, and a trailing ", " (ignored) for the rest.
 */
function optionValuesOf(n: number, script: "en" | "ur"): string | null {
  const word = script === "ur" ? "سائز" : "Size";
  const values = Array.from({ length: 100 }, (_, i) => `${word} ${i + 1}`.padEnd(OPTION_VALUE_MAX, script === "ur" ? "ے" : "x"));
  const text = `${values.join(", ")}, `;
  if (n === text.length) return text;
  if (n < text.length) return `${text.slice(0, n - 1).trimEnd()}x`.padEnd(n, "x").slice(0, n);
  return `${text}${"x".repeat(n - text.length)}`;
}

const productCase = (edit: boolean): FormCase<Ctx> => ({
  ...seller,
  route: edit ? "POST /_p/admin/:shop/products/:id" : "POST /_p/admin/:shop/products",
  schema: productFormSchema,
  async setup() {
    const s: Ctx = await sellerWithShop();
    // A collection, so that the form shows its checkbox.
    await s.client.post(admin(s, "/collections"), { title: "Eid collection", description: "" });
    if (edit) s.id = await addProduct(s, { title: "Lawn suit" });
    return s;
  },
  page: (s) => admin(s, edit ? `/products/${s.id}` : "/products/new"),
  action: (s) => admin(s, edit ? `/products/${s.id}` : "/products"),
  async valid(s) {
    if (!edit) return productForm({ title: uniq("Lawn suit ") });
    const v = (await one<{ id: number }>("SELECT id FROM variants WHERE shop_id = ? AND product_id = ? ORDER BY position LIMIT 1", s.shopId, s.id))!;
    return productForm({ v0_id: String(v.id) });
  },
  // An option's name needs values, and its values a name.
  companions: (field) => {
    const m = /^opt(\d)(Name|Values)$/.exec(field);
    if (!m) return {};
    return m[2] === "Name" ? { [`opt${m[1]}Values`]: "S, M, L" } : { [`opt${m[1]}Name`]: "Size" };
  },
  values: {
    price: moneyOf,
    compareAt: (n) => (n < 6 ? null : `Rs 9${" ".repeat(n - 6)}99`),
    v0_price: moneyOf,
    v0_compareAt: (n) => (n < 6 ? null : `Rs 9${" ".repeat(n - 6)}99`),
    v0_stock: stockOf,
    v0_sku: (n, script) => `KRT-${script}-${uniq("")}`.padEnd(n, "0").slice(0, n),
    opt1Values: optionValuesOf,
    opt2Values: (n, script) => (n === OPTION_VALUES_MAX ? null : optionValuesOf(n, script)),
    opt3Values: (n, script) => (n === OPTION_VALUES_MAX ? null : optionValuesOf(n, script)),
  },
  noValueAtCap: {
    opt2Values: "100 values in a second option make 300 variants with the first's 3: past the variant cap (opt1Values proves the box's cap)",
    opt3Values: "as opt2Values",
  },
  // Hidden or picked, not typed: the row's key and id, the status, the stock switch, the button pressed.
  // Row 0's own price fields show only with options; price and compareAt hold the same caps.
  // The new form's photos: picked files, the form's token, the waiting photos' ids (shown once there are some).
  notTyped: ["v0_key", "v0_id", "v0_price", "v0_compareAt", "status", "trackStock", "intent", "photo", "photoForm", "pending", ...laterRows],
  notShown: ["v0_price", "v0_compareAt", "pending", ...(edit ? ["photo", "photoForm"] : []), ...laterRows],
});

/**
 * The collection editor's save posts its view too (the products' search, page and the members'
 * page, in hidden fields) so that it comes back to where the seller was.
 */
const collectionForm = collectionSchema.and(collectionEditorQuerySchema);
const editorView = Object.keys(collectionEditorQuerySchema.shape);
/** A page past the first: there only. */
const notShownOnPageOne = ["after", "mpage"];

export const catalogCases: FormCase<Ctx>[] = [
  productCase(false),
  productCase(true),
  {
    ...seller,
    route: "POST /_p/admin/:shop/products/:id/quick",
    schema: quickEditSchema,
    async setup() {
      const s: Ctx = await sellerWithShop();
      s.id = await addProduct(s, { title: "Lawn suit" });
      return s;
    },
    page: (s) => admin(s, "/products"),
    action: (s) => admin(s, `/products/${s.id}/quick`),
    async valid(s) {
      const v = (await one<{ id: number }>("SELECT id FROM variants WHERE product_id = ?", s.id))!;
      return { price: "2,499", [`stock_${v.id}`]: "5" };
    },
    values: { price: moneyOf },
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/collections/:id/order",
    schema: memberMoveSchema.and(collectionEditorQuerySchema),
    async setup() {
      const s: Ctx & { product?: number } = await sellerWithShop();
      s.product = await addProduct(s, { title: "Chiffon dupatta" });
      await addProduct(s, { title: "Lawn suit" });
      await s.client.post(admin(s, "/collections"), { title: "Eid collection", description: "", product: [String(s.product)] });
      s.id = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ?", s.shopId))!.id;
      return s;
    },
    page: (s) => admin(s, `/collections/${s.id}`),
    action: (s) => admin(s, `/collections/${s.id}/order`),
    valid: (s) => ({ product: String((s as Ctx & { product: number }).product), mpage: "1", to: "1" }),
    // A place: "1" written as wide as the box allows.
    values: { to: (n) => "1".padStart(n, "0") },
    // Hidden: which member, and where the editor was; the arrows are buttons.
    notTyped: ["product", "dir", ...Object.keys(collectionEditorQuerySchema.shape)],
    notShown: ["q", "after"],
    refusal: "alert",
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/collections",
    schema: collectionForm,
    notTyped: editorView,
    notShown: notShownOnPageOne,
    // A product, so that the editor shows one to tick.
    async setup() {
      const s: Ctx = await sellerWithShop();
      await addProduct(s, { title: "Chiffon dupatta" });
      return s;
    },
    page: (s) => admin(s, "/collections/new"),
    action: (s) => admin(s, "/collections"),
    valid: () => ({ title: uniq("Eid collection "), description: "" }),
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/collections/:id",
    schema: collectionForm,
    notTyped: editorView,
    notShown: notShownOnPageOne,
    async setup() {
      const s: Ctx = await sellerWithShop();
      await addProduct(s, { title: "Chiffon dupatta" });
      await s.client.post(admin(s, "/collections"), { title: "Eid collection", description: "" });
      s.id = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ?", s.shopId))!.id;
      return s;
    },
    page: (s) => admin(s, `/collections/${s.id}`),
    action: (s) => admin(s, `/collections/${s.id}`),
    valid: () => ({ title: "Eid collection", description: "" }),
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/pages",
    schema: pageSchema,
    page: (s) => admin(s, "/pages/new"),
    action: (s) => admin(s, "/pages"),
    valid: () => ({ title: uniq("Delivery and returns "), body: "We deliver across Pakistan.", published: "on" }),
    notTyped: ["published"],
  },
  {
    ...seller,
    route: "POST /_p/admin/:shop/pages/:id",
    schema: pageSchema,
    async setup() {
      const s: Ctx = await sellerWithShop();
      await s.client.post(admin(s, "/pages"), { title: "About us", body: "Home-made since 2019.", published: "on" });
      s.id = (await one<{ id: number }>("SELECT id FROM pages WHERE shop_id = ?", s.shopId))!.id;
      return s;
    },
    page: (s) => admin(s, `/pages/${s.id}`),
    action: (s) => admin(s, `/pages/${s.id}`),
    valid: () => ({ title: "About us", body: "Home-made since 2019.", published: "on" }),
    notTyped: ["published"],
  },
];
