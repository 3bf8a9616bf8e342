/**
 * reviewCheckout and the quote's pure rules, table-driven on hand-built quotes (no D1: the HTTP
 * tests in place-order.test.ts prove the route reads the quote; these prove what the rules do
 * with it). Caps are read from checkoutSchema, never typed here.
 */
import { describe, expect, it } from "vitest";
import type { FormValues } from "../lib/form";
import { caps as capsOf } from "../lib/form-fields";
import type { PaymentOption } from "./payment";
import { buildQuote, orderable, readQuote, zoneFee, type Quote, type QuoteLine, type Zone } from "./quote";
import { reviewCheckout } from "./review";
import { checkoutSchema } from "./schemas";

const cap = capsOf(checkoutSchema);

const KURTA = "Handmade embroidered chiffon kurta with dupatta for weddings";
const URDU_KURTA = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";
const URDU_ADDRESS = "مکان نمبر 12، گلی نمبر 4، گلبرگ III، نزد مین مارکیٹ";
const URDU_NAME = "عائشہ صدیقی";

/** `text` repeated to exactly `n` characters, never ending in a space (the cap is on the raw input). */
const fill = (text: string, n: number) => text.repeat(Math.ceil(n / text.length)).slice(0, n).replace(/\s$/, "ہ");

let nextId = 1;
/** A quote line; `state` and `quantity` decide its stock unless given, and its total follows the quote's rule (only "ok" lines are charged). */
function line(over: Partial<QuoteLine> = {}): QuoteLine {
  const id = nextId++;
  const quantity = over.quantity ?? 1;
  const state = over.state ?? "ok";
  const price = over.price ?? 450_000;
  const stock = over.stock !== undefined ? over.stock : state === "ok" ? quantity + 3 : state === "short" ? quantity - 1 : 0;
  return {
    variantId: id, productId: 100 + id, productSlug: `handmade-kurta-${id}`, title: KURTA, variantTitle: "M / Maroon", sku: `AYS-KRT-${id}`,
    price, quantity, tracked: stock !== null, stock, state, lineTotal: state === "ok" ? price * quantity : 0,
    ...over,
  };
}

const LAHORE: Zone = { id: 1, name: "Lahore", fee: 15_000, freeAbove: 500_000 };
const PUNJAB: Zone = { id: 2, name: "Rest of Punjab", fee: 25_000, freeAbove: null };
const KARACHI: Zone = { id: 3, name: "کراچی", fee: 35_000, freeAbove: 1_000_000 };

/** A quote as quoteCart would give it: the subtotal over "ok" lines, this shop's zones. */
const quoteOf = (lines: QuoteLine[], over: Partial<Quote> = {}): Quote => ({
  lines, missing: [], subtotal: lines.reduce((s, l) => s + l.lineTotal, 0), zones: [LAHORE, PUNJAB, KARACHI], ...over,
});

/** Two lines, in English and Urdu, both in stock: 4,500 + 2 x 2,499.50 rupees. */
const kurta = line({ price: 450_000 });
const urduKurta = line({ title: URDU_KURTA, variantTitle: "Default", price: 249_950, quantity: 2 });
const QUOTE = quoteOf([kurta, urduKurta]);

const COD: PaymentOption = { method: "cod", account: null };
const JAZZCASH: PaymentOption = { method: "jazzcash", account: { title: "Ayesha Siddiqui", number: "03001234567", bank: "" } };
const PAYMENTS = [COD, JAZZCASH];

/** A form as the checkout page posts it; `undefined` leaves a field out. */
function form(over: Record<string, string | undefined> = {}): FormValues {
  const values: Record<string, string | undefined> = {
    key: "Qm9yZWRvbUlzTm90QUJ1Zw", name: "Ayesha Siddiqui", phone: "03001234567", city: "Lahore", address: URDU_ADDRESS,
    note: "", zone: "1", payment: "cod", reference: "", seen: String(QUOTE.subtotal), ...over,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as FormValues;
}

describe("reviewCheckout: empty (nothing left to buy; the form is not even read)", () => {
  const soldOut = line({ state: "soldOut" });
  const urduSoldOut = line({ state: "soldOut", title: URDU_KURTA, quantity: 2 });
  it.each([
    ["an empty cart", quoteOf([])],
    ["every cart line removed or unpublished (only `missing`)", quoteOf([], { missing: [{ variantId: 77, quantity: 1 }, { variantId: 78, quantity: 2 }] })],
    ["every line sold out", quoteOf([soldOut, urduSoldOut])],
    ["sold out and missing together", quoteOf([soldOut], { missing: [{ variantId: 79, quantity: 1 }] })],
  ])("%s: empty, `gone` is the quote's lines", (_, quote) => {
    expect(reviewCheckout(quote, form(), PAYMENTS)).toEqual({ kind: "empty", gone: quote.lines });
  });

  it("wins over a form that is wrong in every field and a shop with no payment method", () => {
    const quote = quoteOf([soldOut]);
    expect(reviewCheckout(quote, {}, [])).toEqual({ kind: "empty", gone: [soldOut] });
  });
});

describe("reviewCheckout: invalid, each field's refusal keyed by its name", () => {
  it.each<[string, Record<string, string | undefined>, Record<string, string>]>([
    ["no name", { name: undefined }, { name: "checkout.error.name" }],
    ["a name of spaces only", { name: "    " }, { name: "checkout.error.name" }],
    ["no phone", { phone: undefined }, { phone: "checkout.error.phone" }],
    ["an empty phone", { phone: "" }, { phone: "checkout.error.phone" }],
    ["a landline, not a mobile", { phone: "042-35761234" }, { phone: "checkout.error.phone" }],
    ["a mobile one digit short", { phone: "0300123456" }, { phone: "checkout.error.phone" }],
    ["no city", { city: undefined }, { city: "checkout.error.city" }],
    ["a city of spaces only", { city: " \t " }, { city: "checkout.error.city" }],
    ["no address", { address: undefined }, { address: "checkout.error.address" }],
    ["an empty address", { address: "" }, { address: "checkout.error.address" }],
    ["no zone", { zone: undefined }, { zone: "checkout.error.zone" }],
    ["a zone that is not an id", { zone: "Lahore" }, { zone: "checkout.error.zone" }],
    ["a zone this shop does not have (another shop's, or deleted)", { zone: "999" }, { zone: "checkout.error.zone" }],
    ["no payment method", { payment: undefined }, { payment: "checkout.error.payment" }],
    ["a payment method that does not exist", { payment: "bitcoin" }, { payment: "checkout.error.payment" }],
    ["a payment method the shop does not offer (bank transfer off)", { payment: "bank" }, { payment: "checkout.error.payment" }],
    ["a wallet the shop does not offer (Easypaisa off)", { payment: "easypaisa" }, { payment: "checkout.error.payment" }],
    ["no idempotency key", { key: undefined }, { key: "checkout.error.expired" }],
    ["a key that is too short to be ours", { key: "abc" }, { key: "checkout.error.expired" }],
  ])("%s", (_, over, errors) => {
    expect(reviewCheckout(QUOTE, form(over), PAYMENTS)).toEqual({ kind: "invalid", errors });
  });

  it("reports every wrong field at once, not only the first", () => {
    const r = reviewCheckout(QUOTE, form({ name: "", phone: "12345", city: "", address: "  ", zone: "999", payment: "bank", note: "n".repeat(cap.note! + 1) }), PAYMENTS);
    expect(r).toEqual({
      kind: "invalid",
      errors: {
        name: "checkout.error.name", phone: "checkout.error.phone", city: "checkout.error.city", address: "checkout.error.address",
        note: "checkout.error.tooLong", "note.max": String(cap.note), zone: "checkout.error.zone", payment: "checkout.error.payment",
      },
    });
  });

  it("refuses every method when the shop offers none", () => {
    for (const payment of ["cod", "jazzcash", "easypaisa", "bank"]) {
      expect(reviewCheckout(QUOTE, form({ payment }), []), payment).toEqual({ kind: "invalid", errors: { payment: "checkout.error.payment" } });
    }
  });
});

describe("reviewCheckout: each text field at its cap is ready, one past it is refused with the cap", () => {
  /** [field, a valid value of exactly the field's cap, the value the parsed form keeps]. */
  const atCap: [string, string, string][] = [
    ["name", fill(`${URDU_NAME} `, cap.name!), fill(`${URDU_NAME} `, cap.name!)],
    ["city", fill("Mandi Bahauddin ", cap.city!), fill("Mandi Bahauddin ", cap.city!)],
    ["address", fill(`${URDU_ADDRESS}، `, cap.address!), fill(`${URDU_ADDRESS}، `, cap.address!)],
    ["note", fill("دروازے پر گھنٹی بجائیں، شام پانچ بجے کے بعد ", cap.note!), fill("دروازے پر گھنٹی بجائیں، شام پانچ بجے کے بعد ", cap.note!)],
    ["reference", fill("TID 0123456789 ", cap.reference!), fill("TID 0123456789 ", cap.reference!)],
    // Spaces before a number are kept as typed and trimmed: 40 characters in all.
    ["phone", "0300 1234567".padStart(cap.phone!), "+923001234567"],
  ];

  it("reads every cap from the schema", () => {
    expect(atCap.map(([f, v]) => [f, v.length])).toEqual(atCap.map(([f]) => [f, cap[f]]));
    for (const [f] of atCap) expect(cap[f], f).toBeGreaterThan(0);
  });

  it.each(atCap)("%s at its cap: ready, kept", (field, value, kept) => {
    const r = reviewCheckout(QUOTE, form({ [field]: value, ...(field === "reference" ? { payment: "jazzcash" } : {}) }), PAYMENTS);
    expect(r.kind).toBe("ready");
    expect(r.kind === "ready" && r.form[field as keyof typeof r.form]).toBe(kept);
  });

  it.each(atCap)("%s one past its cap: invalid, the cap beside it", (field, value) => {
    const past = field === "phone" ? ` ${value}` : `${value}ہ`;
    expect(past.length).toBe(cap[field]! + 1);
    const message = field === "phone" ? "checkout.error.phone" : "checkout.error.tooLong";
    expect(reviewCheckout(QUOTE, form({ [field]: past }), PAYMENTS)).toEqual({ kind: "invalid", errors: { [field]: message, [`${field}.max`]: String(cap[field]) } });
  });
});

describe("reviewCheckout: short (fewer units left than asked)", () => {
  const short = line({ state: "short", quantity: 3, title: URDU_KURTA });
  const short2 = line({ state: "short", quantity: 5, stock: 1 });
  const soldOut = line({ state: "soldOut" });

  it.each([
    ["one line short beside one in stock", quoteOf([kurta, short]), [short]],
    ["every line short (nothing orderable, yet not empty)", quoteOf([short, short2]), [short, short2]],
    ["short beside sold out and in stock: only the short line", quoteOf([kurta, soldOut, short]), [short]],
  ])("%s", (_, quote, lines) => {
    expect(reviewCheckout(quote, form({ seen: String(quote.subtotal) }), PAYMENTS)).toEqual({ kind: "short", lines });
  });

  it("a form error wins over short stock: the fields are fixed first", () => {
    const quote = quoteOf([kurta, short]);
    expect(reviewCheckout(quote, form({ phone: "12345", seen: String(quote.subtotal) }), PAYMENTS)).toEqual({ kind: "invalid", errors: { phone: "checkout.error.phone" } });
    expect(reviewCheckout(quote, form({ zone: "999" }), PAYMENTS)).toEqual({ kind: "invalid", errors: { zone: "checkout.error.zone" } });
  });

  it("short wins over a changed price", () => {
    const quote = quoteOf([kurta, short]);
    expect(reviewCheckout(quote, form({ seen: String(quote.subtotal + 100) }), PAYMENTS)).toEqual({ kind: "short", lines: [short] });
  });
});

describe("reviewCheckout: priceChanged (the subtotal differs from the one shown)", () => {
  const soldOutNow = line({ state: "soldOut", price: 120_000 });
  const ready = expect.objectContaining({ kind: "ready" });
  const changed = { kind: "priceChanged" };
  it.each<[string, Quote, string | undefined, unknown]>([
    ["one paisa more than shown", QUOTE, String(QUOTE.subtotal - 1), changed],
    ["one paisa less than shown", QUOTE, String(QUOTE.subtotal + 1), changed],
    ["shown in rupees, not paisa", QUOTE, String(QUOTE.subtotal / 100), changed],
    ["a line sold out since the page was drawn (it left the subtotal)", quoteOf([kurta, soldOutNow]), String(kurta.lineTotal + soldOutNow.price), changed],
    ["exactly what was shown: ready", QUOTE, String(QUOTE.subtotal), ready],
    ["`seen` left out: no price check, ready", QUOTE, undefined, ready],
    ["`seen` empty: no price check, ready", QUOTE, "", ready],
  ])("%s", (_, quote, seen, expected) => {
    expect(reviewCheckout(quote, form({ seen }), PAYMENTS)).toEqual(expected);
  });
});

describe("reviewCheckout: ready", () => {
  it("carries the orderable lines, the chosen zone and the parsed form", () => {
    const soldOut = line({ state: "soldOut" });
    const untracked = line({ stock: null, tracked: false, quantity: 99, price: 1_000 });
    const quote = quoteOf([kurta, soldOut, urduKurta, untracked]);
    const r = reviewCheckout(quote, form({ name: `  ${URDU_NAME}  `, phone: "+92 300 123-4567", zone: "3", payment: "jazzcash", reference: " TID 0123456789 ", note: "Call before coming", seen: String(quote.subtotal) }), PAYMENTS);
    expect(r).toEqual({
      kind: "ready",
      lines: [kurta, urduKurta, untracked],
      zone: KARACHI,
      form: {
        key: "Qm9yZWRvbUlzTm90QUJ1Zw", name: URDU_NAME, phone: "+923001234567", city: "Lahore", address: URDU_ADDRESS,
        note: "Call before coming", zone: 3, payment: "jazzcash", reference: "TID 0123456789", seen: String(quote.subtotal),
      },
    });
  });

  it.each([
    ["03001234567", "+923001234567"],
    ["0300-1234567", "+923001234567"],
    ["+92 321 5551234", "+923215551234"],
    ["923455551234", "+923455551234"],
    ["00923001234567", "+923001234567"],
    ["۰۳۰۰۱۲۳۴۵۶۷", "+923001234567"],
  ])("a mobile typed as %s is stored as %s", (phone, stored) => {
    const r = reviewCheckout(QUOTE, form({ phone }), PAYMENTS);
    expect(r.kind === "ready" && r.form.phone).toBe(stored);
  });

  it.each([LAHORE, PUNJAB, KARACHI])("zone $name ($id) is found by its id", (zone) => {
    const r = reviewCheckout(QUOTE, form({ zone: String(zone.id) }), PAYMENTS);
    expect(r.kind === "ready" && r.zone).toEqual(zone);
  });
});

describe("buildQuote: each line's state and total, in paisa", () => {
  const row = (over: Partial<{ price: number; stock: number; tracked: number | boolean; sku: string | null }> = {}) => ({
    variantId: 1, productId: 10, productSlug: "lawn-suit", title: URDU_KURTA, variantTitle: "Default", sku: "AYS-1" as string | null, price: 249_950, stock: 5, tracked: 1 as number | boolean, ...over,
  });
  it.each<[string, { quantity: number; stock: number; tracked: number | boolean }, { state: QuoteLine["state"]; stock: number | null; lineTotal: number }]>([
    ["stock exactly the quantity", { quantity: 5, stock: 5, tracked: 1 }, { state: "ok", stock: 5, lineTotal: 5 * 249_950 }],
    ["one more than stock", { quantity: 6, stock: 5, tracked: 1 }, { state: "short", stock: 5, lineTotal: 0 }],
    ["one unit left, 99 asked", { quantity: 99, stock: 1, tracked: 1 }, { state: "short", stock: 1, lineTotal: 0 }],
    ["none left", { quantity: 1, stock: 0, tracked: 1 }, { state: "soldOut", stock: 0, lineTotal: 0 }],
    ["stock not tracked, 0 on hand", { quantity: 99, stock: 0, tracked: 0 }, { state: "ok", stock: null, lineTotal: 99 * 249_950 }],
    ["stock not tracked (a boolean from drizzle)", { quantity: 2, stock: 0, tracked: false }, { state: "ok", stock: null, lineTotal: 2 * 249_950 }],
  ])("%s", (_, { quantity, stock, tracked }, expected) => {
    const q = buildQuote([{ variantId: 1, quantity }], [row({ stock, tracked })], []);
    expect(q.lines[0]).toMatchObject({ quantity, tracked: Boolean(tracked), ...expected });
    expect(q.subtotal).toBe(expected.lineTotal);
  });

  it("keeps the cart's order, lists variants not found as missing, and stores a null SKU as ''", () => {
    const q = buildQuote(
      [{ variantId: 3, quantity: 1 }, { variantId: 9, quantity: 2 }, { variantId: 1, quantity: 1 }],
      [{ ...row({ sku: null }), variantId: 1 }, { ...row(), variantId: 3, price: 450_000 }],
      [LAHORE],
    );
    expect(q.lines.map((l) => [l.variantId, l.sku])).toEqual([[3, "AYS-1"], [1, ""]]);
    expect(q.missing).toEqual([{ variantId: 9, quantity: 2 }]);
    expect(q.subtotal).toBe(450_000 + 249_950);
    expect(q.zones).toEqual([LAHORE]);
    expect(orderable(q).map((l) => l.variantId)).toEqual([3, 1]);
  });

  it("sums a full cart at the caps exactly: 30 lines of 99 at 10 crore rupees", () => {
    const cart = Array.from({ length: 30 }, (_, i) => ({ variantId: i + 1, quantity: 99 }));
    const q = buildQuote(cart, cart.map((c) => ({ ...row({ price: 10_000_000_000, tracked: 0 }), variantId: c.variantId })), []);
    expect(q.subtotal).toBe(30 * 99 * 10_000_000_000);
    expect(Number.isSafeInteger(q.subtotal)).toBe(true);
  });

  it("reads the folded statement's row back (readQuote), and no row as an empty quote", () => {
    const cart = [{ variantId: 7, quantity: 2 }, { variantId: 8, quantity: 1 }];
    const folded = { lines: JSON.stringify([[7, 70, "lawn-suit", KURTA, "S", null, 249_950, 1, 1]]), zones: JSON.stringify([[1, "Lahore", 15_000, 500_000], [2, "Rest of Punjab", 25_000, null]]) };
    const q = readQuote(cart, [folded]);
    expect(q.lines).toEqual([
      { variantId: 7, productId: 70, productSlug: "lawn-suit", title: KURTA, variantTitle: "S", sku: "", price: 249_950, quantity: 2, tracked: true, stock: 1, state: "short", lineTotal: 0 },
    ]);
    expect(q.missing).toEqual([{ variantId: 8, quantity: 1 }]);
    expect(q.zones).toEqual([LAHORE, PUNJAB]);
    expect(readQuote(cart, [])).toEqual({ lines: [], missing: cart, subtotal: 0, zones: [] });
  });
});

describe("zoneFee: free once the subtotal reaches the zone's threshold", () => {
  it.each<[string, Zone, number, number]>([
    ["one paisa below the threshold", LAHORE, 499_999, 15_000],
    ["exactly at the threshold", LAHORE, 500_000, 0],
    ["one paisa above", LAHORE, 500_001, 0],
    ["an empty subtotal", LAHORE, 0, 15_000],
    ["no threshold: always the fee", PUNJAB, 10_000_000_000, 25_000],
    ["a threshold of 0: always free", { ...PUNJAB, freeAbove: 0 }, 0, 0],
    ["a zone with no fee", { ...LAHORE, fee: 0 }, 1, 0],
  ])("%s", (_, zone, subtotal, fee) => {
    expect(zoneFee(zone, subtotal)).toBe(fee);
  });
});

describe("a seen subtotal no form sends", () => {
  it("past its cap, is a total she was not shown: she sees the total again, no field is blamed", () => {
    expect(reviewCheckout(QUOTE, form({ seen: String(QUOTE.subtotal).padStart(17, "0") }), PAYMENTS)).toEqual({ kind: "priceChanged" });
  });
});
