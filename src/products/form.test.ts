/**
 * The product form's caps, read from productFormSchema (never typed here), at the cap and one
 * past it for every field; each refusal of validateProduct keyed by its input name with a
 * catalogue key and what was typed kept; and a post of 3 options x 250 values refused beside
 * the field without building a combination, the runtime still answering afterwards.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { messages } from "../i18n";
import { caps as capsOf } from "../lib/form-fields";
import { collectionSchema } from "../collections/schema";
import { pageSchema } from "../pages/schema";
import { MAX_OPTIONS, MAX_VARIANTS, OPTION_VALUE_MAX, errorParams, productFormSchema, validateProduct, type ProductFormState, type RawProductForm } from "./form";
import { addProduct, decode, one, productForm } from "../../test/admin-helpers";
import { ROOT, sellerWithShop } from "../../test/helpers";

const caps = capsOf(productFormSchema);
const base: RawProductForm = { title: "Lawn suit", description: "", price: "2,499", compareAt: "", status: "active", trackStock: "on", v0_key: "", v0_id: "", v0_stock: "5", v0_sku: "", collection: [] };
const check = (over: RawProductForm) => validateProduct({ ...base, ...over });

/** `n` distinct option values, each `len` characters long (len >= 4). */
const values = (n: number, len = 4) => Array.from({ length: n }, (_, i) => `${String(i).padStart(3, "0")}${"x".repeat(len - 3)}`.slice(0, len));
/** Padded with leading spaces to exactly `len` characters (money and stock are trimmed). */
const pad = (s: string, len: number) => " ".repeat(len - s.length) + s;
/** Rows for one option of `n` values: the typed v{i}_* fields of each generated combination. */
/** What the form state keeps of a posted field (title, opt2Values, v1_sku...), to check that what was typed comes back. */
function typedBack(state: ProductFormState, field: string): unknown {
  const opt = /^opt(\d)(Name|Values)$/.exec(field);
  if (opt) return state.options[Number(opt[1]) - 1]![opt[2] === "Name" ? "name" : "values"];
  const row = /^v(\d+)_(\w+)$/.exec(field);
  if (row) return state.rows[Number(row[1])]?.[row[2] as "key" | "id" | "price" | "compareAt" | "sku" | "stock"];
  return (state as unknown as Record<string, unknown>)[field];
}
const rowsOf = (vals: string[], row: (i: number) => RawProductForm = () => ({})) => Object.assign({}, ...vals.map((v, i) => ({ [`v${i}_key`]: v, [`v${i}_stock`]: "1", ...row(i) }))) as RawProductForm;

describe("productFormSchema declares a cap for every field", () => {
  it("every property of the raw input has maxLength or maxItems", () => {
    for (const schema of [productFormSchema, collectionSchema, pageSchema]) {
      const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, { maxLength?: number; maxItems?: number; items?: { maxLength?: number } }> };
      for (const [name, p] of Object.entries(json.properties)) {
        expect(p.maxLength ?? p.maxItems, name).toBeGreaterThan(0);
        // A list's items are capped too; a string's own maxLength is its cap.
        expect(p.maxItems ? p.items?.maxLength : p.maxLength, `${name} items`).toBeGreaterThan(0);
      }
    }
  });

  it("has the variant rows' fields for every i below the variant cap, and no more", () => {
    const json = z.toJSONSchema(productFormSchema, { io: "input", unrepresentable: "any" }) as unknown as { properties: Record<string, unknown>; maxVariants: number; maxOptions: number };
    expect(json.maxVariants).toBe(MAX_VARIANTS);
    expect(json.maxOptions).toBe(MAX_OPTIONS);
    for (const f of ["key", "id", "price", "compareAt", "sku", "stock"]) {
      expect(json.properties[`v${MAX_VARIANTS - 1}_${f}`], f).toBeDefined();
      expect(json.properties[`v${MAX_VARIANTS}_${f}`], f).toBeUndefined();
    }
    expect(json.properties[`opt${MAX_OPTIONS}Values`]).toMatchObject({ maxValues: MAX_VARIANTS, valueMaxLength: OPTION_VALUE_MAX });
    expect(json.properties[`opt${MAX_OPTIONS + 1}Values`]).toBeUndefined();
  });
});

/** [field, a valid value at the cap, extra fields] for every capped text field. */
function atCap(): [string, string, RawProductForm][] {
  const c = (f: string) => caps[f]!;
  const key3 = values(3, OPTION_VALUE_MAX);
  const hundred = values(MAX_VARIANTS, OPTION_VALUE_MAX);
  return [
    ["title", "k".repeat(c("title")), {}],
    ["description", "d".repeat(c("description")), {}],
    ["price", pad("2,499", c("price")), {}],
    ["compareAt", pad("2,999", c("compareAt")), {}],
    ...[1, 2, 3].map((n): [string, string, RawProductForm] => [`opt${n}Name`, "N".repeat(c(`opt${n}Name`) - 1) + n, { [`opt${n}Values`]: "S, M" }]),
    ...[1, 2, 3].map((n): [string, string, RawProductForm] => [`opt${n}Values`, hundred.join(", ").padEnd(c(`opt${n}Values`)), { [`opt${n}Name`]: "Size" }]),
    // A row key at its cap: three values at theirs.
    ["v0_key", key3.join(" / "), { opt1Name: "A", opt1Values: key3[0]!, opt2Name: "B", opt2Values: key3[1]!, opt3Name: "C", opt3Values: key3[2]! }],
    ["v0_id", "1".repeat(c("v0_id")), {}],
    ["v0_sku", "S".repeat(c("v0_sku")), {}],
    ["v0_stock", pad("1,000,000", c("v0_stock")), {}],
    // The last row (i = 99) of a product of 100 variants.
    ...(["price", "compareAt", "sku", "stock"] as const).map((f): [string, string, RawProductForm] => {
      const vals = values(MAX_VARIANTS);
      const v = { price: pad("2,499", c(`v99_${f}`)), compareAt: pad("2,999", c(`v99_${f}`)), sku: "S".repeat(c(`v99_${f}`)), stock: pad("1,000,000", c(`v99_${f}`)) }[f];
      return [`v99_${f}`, v, { opt1Name: "Size", opt1Values: vals.join(", "), ...rowsOf(vals) }];
    }),
  ];
}

describe("validateProduct: each field at its cap saves, one past it is refused beside the field, typed text kept", () => {
  for (const [field, value, extra] of atCap()) {
    it(`${field}: ${value.length} characters accepted, ${value.length + 1} refused`, () => {
      const ok = check({ ...extra, [field]: value });
      expect(ok.ok ? {} : ok.errors).toEqual({});
      const past = field.startsWith("v0_key") ? value + "x" : value.length && /^\s/.test(value) ? ` ${value}` : value + "x";
      const bad = check({ ...extra, [field]: past });
      expect(bad.ok).toBe(false);
      expect(bad.ok ? null : bad.errors[field], JSON.stringify(bad)).toBe("validation.tooLong");
    });
  }

  it(`the collections: ${caps.collection} ticked saves, one more is refused; an id past ${caps["v0_id"]} characters is refused`, () => {
    const ids = Array.from({ length: caps.collection! + 1 }, (_, i) => String(i + 1));
    const ok = check({ collection: ids.slice(0, -1) });
    expect(ok.ok).toBe(true);
    const bad = check({ collection: ids });
    expect(bad.ok ? null : bad.errors).toEqual({ collection: "products.tooManyCollections" });
    const long = check({ collection: ["1".repeat(13)] });
    expect(long.ok ? null : long.errors).toEqual({ collection: "validation.tooLong" });
    expect(bad.state.collectionIds.length).toBe(ids.length); // what was ticked is kept
  });

  it(`values per option: ${MAX_VARIANTS} saves, one more is refused; a value of ${OPTION_VALUE_MAX} characters saves, one more is refused`, () => {
    const hundred = values(MAX_VARIANTS);
    const ok = check({ opt1Name: "Size", opt1Values: hundred.join(", ") });
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.input.variants.length).toBe(MAX_VARIANTS);
    const bad = check({ opt1Name: "Size", opt1Values: values(MAX_VARIANTS + 1).join(", ") });
    expect(bad.ok ? null : bad.errors).toEqual({ opt1Values: "validation.tooManyValues" });
    expect(bad.state.rows).toEqual([]);
    expect(check({ opt1Name: "Size", opt1Values: `S, ${"L".repeat(OPTION_VALUE_MAX)}` }).ok).toBe(true);
    const long = check({ opt1Name: "Size", opt1Values: `S, ${"L".repeat(OPTION_VALUE_MAX + 1)}` });
    expect(long.ok ? null : long.errors).toEqual({ opt1Values: "validation.optionValueLong" });
  });

  it(`variants: 3 options of 10, 10 and 1 (${MAX_VARIANTS}) save, 3 options of 5 (125) are refused beside the option that passes the cap`, () => {
    const ok = check({ opt1Name: "Size", opt1Values: values(10).join(", "), opt2Name: "Colour", opt2Values: values(10).join(", "), opt3Name: "Fabric", opt3Values: "Lawn" });
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.input.variants.length).toBe(MAX_VARIANTS);
    const bad = check({ opt1Name: "Size", opt1Values: values(5).join(", "), opt2Name: "Colour", opt2Values: values(5).join(", "), opt3Name: "Fabric", opt3Values: values(5).join(", ") });
    expect(bad.ok ? null : bad.errors).toEqual({ opt3Values: "validation.tooManyVariants" });
    expect(bad.state.rows).toEqual([]);
    // A fourth option is not a field of the form: it is ignored.
    const four = check({ opt1Name: "Size", opt1Values: "S, M", opt4Name: "Extra", opt4Values: "A, B" });
    expect(four.ok && four.input.options).toEqual(["Size"]);
  });

  const refusals: [string, RawProductForm, Record<string, string>][] = [
    ["an empty title", { title: "   " }, { title: "validation.titleRequired" }],
    ["no title at all", { title: undefined }, { title: "validation.titleRequired" }],
    ["no price", { price: "" }, { price: "validation.priceRequired" }],
    ["a price that is not a number", { price: "abc" }, { price: "validation.price" }],
    ["a negative price", { price: "-5" }, { price: "validation.priceNegative" }],
    ["a price past 10 crore", { price: "100,000,001" }, { price: "validation.priceTooHigh" }],
    ["a compare-at price that is not a number", { compareAt: "xyz" }, { compareAt: "validation.price" }],
    ["stock that is not a number", { v0_stock: "lots" }, { v0_stock: "validation.stock" }],
    ["stock below 0", { v0_stock: "-1" }, { v0_stock: "validation.stockNegative" }],
    ["option values without a name", { opt1Values: "S, M" }, { opt1Name: "validation.optionName" }],
    ["an option name without values", { opt2Name: "Colour" }, { opt2Values: "validation.optionValues" }],
    ["two options with the same name", { opt1Name: "Size", opt1Values: "S", opt2Name: "size", opt2Values: "Red" }, { opt2Name: "validation.optionDuplicate" }],
    ["the same SKU twice", { opt1Name: "Size", opt1Values: "S, M", v0_key: "S", v0_sku: "K-1", v1_key: "M", v1_sku: "k-1" }, { v0_sku: "validation.skuDuplicate", v1_sku: "validation.skuDuplicate" }],
    ["a variant price that is not a number", { opt1Name: "Size", opt1Values: "S, M", v0_key: "S", v0_price: "cheap", v1_key: "M" }, { v0_price: "validation.price" }],
  ];
  for (const [name, over, errors] of refusals) {
    it(`refuses ${name}, keyed by input name with a catalogue key`, () => {
      const r = check(over);
      expect(r.ok ? null : r.errors).toEqual(errors);
      for (const [k, v] of Object.entries(over)) expect(typedBack(r.state, k), k).toBe(v ?? "");
    });
  }

  it("accepts a realistic product: 3 options of 10, 5 and 2 values, Urdu values, prices per variant", () => {
    const colours = ["سرخ", "نیلا", "سبز", "پیلا", "کالا"];
    const r = check({ title: "Handmade embroidered chiffon kurta with dupatta for weddings", opt1Name: "Size", opt1Values: values(10).join(", "), opt2Name: "رنگ", opt2Values: colours.join("، "), opt3Name: "Fabric", opt3Values: "Lawn, Chiffon", v0_key: `000x / سرخ / Lawn`, v0_price: "3,100", v0_stock: "4" });
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.ok && r.input.variants.length).toBe(100);
    expect(r.ok && r.input.variants[0]).toMatchObject({ title: "000x / سرخ / Lawn", price: 310_000, stock: 4 });
  });
});

const KURTA = "Handmade embroidered chiffon kurta with dupatta for weddings";
const URDU_KURTA = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";
/** `text` repeated to exactly `n` characters, never ending in a space. */
const fill = (text: string, n: number) => text.repeat(Math.ceil(n / text.length)).slice(0, n).replace(/\s$/, "ی");
/** The error map of a refusal, or the saved variants' [title, price, compareAt, stock, sku] of a save. */
const outcome = (r: ReturnType<typeof validateProduct>) => (r.ok ? r.input.variants.map((v) => [v.title, v.price, v.compareAtPrice, v.stock, v.sku]) : r.errors);

describe("validateProduct, table by table: what is saved, or which field is refused with which key", () => {
  describe("titles (English and Urdu): empty, at the cap, one past it", () => {
    const max = caps.title!;
    it.each<[string, string, string | null]>([
      ["an English title at its cap", fill(`${KURTA} `, max), null],
      ["an Urdu title at its cap", fill(`${URDU_KURTA} `, max), null],
      ["an English title one past its cap", fill(`${KURTA} `, max + 1), "validation.tooLong"],
      ["an Urdu title one past its cap", fill(`${URDU_KURTA} `, max + 1), "validation.tooLong"],
      ["an empty title", "", "validation.titleRequired"],
      ["a title of spaces and a tab only", "  \t ", "validation.titleRequired"],
    ])("%s", (_, title, error) => {
      const r = check({ title });
      expect(r.ok ? null : r.errors).toEqual(error ? { title: error } : null);
      expect(r.ok && r.input.title).toBe(error ? false : title);
      expect(r.state.title).toBe(title); // what was typed is kept, whatever its length
    });

    it("trims the spaces around a title at its cap and saves it (the cap is on the trimmed title)", () => {
      const title = fill(`${URDU_KURTA} `, max);
      const r = check({ title: `  ${title}  ` });
      expect(r.ok && r.input.title).toBe(title);
    });
  });

  describe("prices as sellers type them, in paisa", () => {
    it.each<[string, number | string]>([
      ["1,250", 125_000],
      ["1250.50", 125_050],
      ["1250.5", 125_050],
      ["1,00,000", 10_000_000],
      ["Rs. 1,250", 125_000],
      ["₨1250", 125_000],
      ["۱۲۵۰", 125_000],
      ["0", 0],
      ["100,000,000", 10_000_000_000],
      ["100,000,000.01", "validation.priceTooHigh"],
      ["-1", "validation.priceNegative"],
      ["abc", "validation.price"],
      ["1250.505", "validation.price"],
      ["1e3", "validation.price"],
      ["   ", "validation.priceRequired"],
    ])("price %j: %j", (price, expected) => {
      const r = check({ price });
      expect(outcome(r)).toEqual(typeof expected === "number" ? [["Default", expected, null, 5, null]] : { price: expected });
      expect(r.state.price).toBe(price);
    });

    it.each<[string, number | null | string]>([
      ["", null],
      ["2,999", 299_900],
      ["-1", "validation.priceNegative"],
      ["abc", "validation.price"],
      ["100,000,001", "validation.priceTooHigh"],
    ])("compare-at %j: %j", (compareAt, expected) => {
      const r = check({ compareAt });
      expect(outcome(r)).toEqual(typeof expected === "string" ? { compareAt: expected } : [["Default", 249_900, expected, 5, null]]);
    });

    it("saves a compare-at price below or equal to the price as typed (the storefront shows it only above the price)", () => {
      expect(outcome(check({ price: "2,499", compareAt: "1,999" }))).toEqual([["Default", 249_900, 199_900, 5, null]]);
      expect(outcome(check({ price: "2,499", compareAt: "2,499" }))).toEqual([["Default", 249_900, 249_900, 5, null]]);
      const rows = { opt1Name: "Size", opt1Values: "S, M", v0_key: "S", v0_price: "3,000", v0_compareAt: "2,000", v0_stock: "2", v1_key: "M", v1_stock: "1" };
      expect(outcome(check({ ...rows, compareAt: "2,999" }))).toEqual([["S", 300_000, 200_000, 2, null], ["M", 249_900, 299_900, 1, null]]);
    });
  });

  describe("stock", () => {
    it.each<[string, number | string]>([
      ["", 0],
      ["0", 0],
      ["12 ", 12],
      ["۱۲", 12],
      ["1,000,000", 1_000_000],
      ["1,000,001", "validation.stock"],
      ["1.5", "validation.stock"],
      ["+5", "validation.stock"],
      ["-1", "validation.stockNegative"],
      ["-0", "validation.stockNegative"],
    ])("stock %j: %j", (v0_stock, expected) => {
      const r = check({ v0_stock });
      expect(outcome(r)).toEqual(typeof expected === "number" ? [["Default", 249_900, null, expected, null]] : { v0_stock: expected });
      expect(r.state.rows[0]!.stock).toBe(v0_stock);
    });
  });

  describe("options", () => {
    const ten = (prefix: string) => Array.from({ length: 10 }, (_, i) => `${prefix} ${i + 1}`).join(", ");
    const { t } = messages("en");

    it.each<[string, RawProductForm, string]>([
      ["3 options of 10 values (1,000 combinations)", { opt1Name: "Size", opt1Values: ten("Size"), opt2Name: "Colour", opt2Values: ten("Colour"), opt3Name: "Fabric", opt3Values: ten("Fabric") }, "opt3Values"],
      ["2 options of 11 and 10 values (110)", { opt1Name: "Size", opt1Values: `${ten("Size")}, Size 11`, opt2Name: "رنگ", opt2Values: ten("رنگ") }, "opt2Values"],
      ["options 1 and 3 of 10 and 11 values, option 2 left empty (110)", { opt1Name: "Size", opt1Values: ten("Size"), opt3Name: "Fabric", opt3Values: `${ten("Fabric")}, Silk` }, "opt3Values"],
    ])(`%s: more than ${MAX_VARIANTS} variants, refused beside the option that passes the cap, no row built`, (_, over, field) => {
      const r = check(over);
      expect(r.ok ? null : r.errors).toEqual({ [field]: "validation.tooManyVariants" });
      expect(t("validation.tooManyVariants", errorParams(field, "validation.tooManyVariants"))).toBe(`That makes more than ${MAX_VARIANTS} variants. Use fewer values.`);
      expect(r.state.rows).toEqual([]);
      for (const [k, v] of Object.entries(over)) expect(typedBack(r.state, k), k).toBe(v);
    });

    it.each<[string, string, string[]]>([
      ["the same value twice, in another case: the first spelling kept", "S, M, s, M , L", ["S", "M", "L"]],
      ["empty values between commas dropped", "S,, ,M", ["S", "M"]],
      ["Urdu values split on the Urdu comma, a repeat dropped", "سرخ، نیلا،سرخ", ["سرخ", "نیلا"]],
      ["spaces inside a value collapsed", "Extra   Large, Small", ["Extra Large", "Small"]],
    ])("%s", (_, opt1Values, titles) => {
      const r = check({ opt1Name: "Size", opt1Values });
      expect(r.ok && r.input.variants.map((v) => v.title)).toEqual(titles);
      expect(r.state.options[0]!.values).toBe(opt1Values);
    });

    it.each([1, 2, 3])("option %i: values without a name are refused beside the name; a name without values beside the values", (n) => {
      const others = n === 1 ? {} : { opt1Name: "Size", opt1Values: "S, M" };
      expect(outcome(check({ ...others, [`opt${n}Name`]: "", [`opt${n}Values`]: "Red, Blue" }))).toEqual({ [`opt${n}Name`]: "validation.optionName" });
      expect(outcome(check({ ...others, [`opt${n}Name`]: "   ", [`opt${n}Values`]: "Red" }))).toEqual({ [`opt${n}Name`]: "validation.optionName" });
      expect(outcome(check({ ...others, [`opt${n}Name`]: "Colour", [`opt${n}Values`]: " , ، " }))).toEqual({ [`opt${n}Values`]: "validation.optionValues" });
    });

    it("refuses the same option name twice in Urdu, beside the second", () => {
      expect(outcome(check({ opt1Name: "رنگ", opt1Values: "سرخ", opt2Name: "Size", opt2Values: "S", opt3Name: " رنگ ", opt3Values: "نیلا" }))).toEqual({ opt3Name: "validation.optionDuplicate" });
    });
  });

  describe("SKUs within the form", () => {
    const three = { opt1Name: "Size", opt1Values: "S, M, L", v0_key: "S", v1_key: "M", v2_key: "L" };
    const dup = "validation.skuDuplicate";
    it.each<[string, RawProductForm, Record<string, string> | string[]]>([
      ["three rows with one SKU (case and spaces aside): all three refused", { v0_sku: "AYS-KRT-01", v1_sku: " ays-krt-01 ", v2_sku: "Ays-Krt-01" }, { v0_sku: dup, v1_sku: dup, v2_sku: dup }],
      ["two of three rows share a SKU: those two refused", { v0_sku: "AYS-1", v1_sku: "AYS-2", v2_sku: "ays-1" }, { v0_sku: dup, v2_sku: dup }],
      ["no SKU on any row: not a duplicate", { v0_sku: "", v1_sku: " ", v2_sku: "" }, ["S", "M", "L"]],
      ["distinct SKUs, one in Urdu: saved, trimmed", { v0_sku: "AYS-S", v1_sku: " کرتا-M ", v2_sku: "AYS-L" }, ["S", "M", "L"]],
    ])("%s", (_, skus, expected) => {
      const r = check({ ...three, ...skus });
      expect(r.ok ? r.input.variants.map((v) => v.title) : r.errors).toEqual(expected);
      for (const [k, v] of Object.entries(skus)) expect(typedBack(r.state, k), k).toBe(v);
    });

    it(`a SKU past its cap (${caps.v0_sku} characters) on two rows is refused as too long first, like every other field (the cap before the meaning)`, () => {
      const long = "S".repeat(caps.v0_sku! + 1);
      const r = check({ ...three, v0_sku: long, v1_sku: long, v2_sku: "AYS-L" });
      expect(r.ok ? null : r.errors).toEqual({ v0_sku: "validation.tooLong", v1_sku: "validation.tooLong" });
    });
  });
});

describe("3 options x 250 values: refused before any combination is built", () => {
  it("is refused beside the fields with what was typed kept, nothing saved, and the runtime answers the next request", async () => {
    const s = await sellerWithShop();
    const vals = values(250).join(", ");
    const form = productForm({ title: "Bridal lehenga", opt1Name: "A", opt1Values: vals, opt2Name: "B", opt2Values: vals, opt3Name: "C", opt3Values: vals });
    for (const intent of ["refresh", "save"]) {
      const res = await s.client.post(`${ROOT}/admin/${s.slug}/products`, { ...form, intent });
      expect(res.status).toBe(400);
      const html = decode(res.text);
      for (const n of [1, 2, 3]) expect(html).toContain(`<p class="error" id="f-opt${n}Values-error" role="alert">An option can have at most ${MAX_VARIANTS} values.</p>`);
      expect(html).toContain(`value="${vals}"`);
      expect(html).toContain('value="Bridal lehenga"');
      expect(html).not.toContain('name="v0_key"');
    }
    expect(await one("SELECT id FROM products WHERE shop_id = ?", s.shopId)).toBeNull();
    const next = await exports.default.fetch(`${ROOT}/healthz`);
    expect(next.status).toBe(200);
    await addProduct(s, { title: "Lawn suit" });
  });

  it("a title past its cap is refused beside it in Urdu too, the text kept", async () => {
    const s = await sellerWithShop();
    const long = "ک".repeat(caps.title! + 1);
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products`, productForm({ title: long }));
    expect(res.status).toBe(400);
    expect(decode(res.text)).toContain(`This is too long (at most ${caps.title} characters).`);
    expect(res.text).toContain(long);
  });
});
