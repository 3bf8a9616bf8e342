/**
 * reviewCheckout, table-driven on hand-built quotes (no D1: the HTTP tests in
 * src/checkout/place-order.test.ts prove the route reads the quote and takes back the page's
 * basis; these prove what the review does with them). `shown` is the quote the customer's page
 * was priced from: the order is refused (priceChanged) when its total for her zone is not the
 * fresh quote's. Caps are read from checkoutSchema, never typed here.
 */
import { describe, expect, it } from "vitest";
import { KARACHI, LAHORE, PUNJAB, URDU_KURTA, KURTA, discount, line, quoteOf } from "../../test/pricing-fixtures";
import type { PaymentOption } from "../payments";
import { checkoutSchema } from "../checkout/schemas";
import type { FormValues } from "../lib/form";
import { caps as capsOf } from "../lib/form-fields";
import { BASIS_CHARS, quoteFromBasis, readQuote } from "./facts";
import { orderable, priceQuote, type Quote, type QuoteLine } from "./price";
import { reviewCheckout, type Shown } from "./review";

const cap = capsOf(checkoutSchema);

const URDU_ADDRESS = "مکان نمبر 12، گلی نمبر 4، گلبرگ III، نزد مین مارکیٹ";
const URDU_NAME = "عائشہ صدیقی";
/** 1 April 2025, 09:00 UTC: the moment every review here happens. */
const NOW = Date.UTC(2025, 3, 1, 9);

/** `text` repeated to exactly `n` characters, never ending in a space (the cap is on the raw input). */
const fill = (text: string, n: number) => text.repeat(Math.ceil(n / text.length)).slice(0, n).replace(/\s$/, "ہ");

/** Two lines, in English and Urdu, both in stock: 4,500 + 2 x 2,499.50 rupees. */
const kurta = line({ price: 450_000 });
const urduKurta = line({ title: URDU_KURTA, variantTitle: "Default", price: 249_950, quantity: 2 });
const QUOTE = quoteOf([kurta, urduKurta]);

const COD: PaymentOption = { method: "cod", account: null };
const JAZZCASH: PaymentOption = { method: "jazzcash", account: [{ label: "checkout.account.title", value: "Ayesha Siddiqui" }, { label: "checkout.account.number", value: "03001234567" }] };
const PAYMENTS = [COD, JAZZCASH];

/** A form as the checkout page posts it; `undefined` leaves a field out. */
function form(over: Record<string, string | undefined> = {}): FormValues {
  const values: Record<string, string | undefined> = {
    key: "Qm9yZWRvbUlzTm90QUJ1Zw", name: "Ayesha Siddiqui", phone: "03001234567", city: "Lahore", address: URDU_ADDRESS,
    note: "", zone: "1", payment: "cod", reference: "", ...over,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as FormValues;
}

/** The review at NOW; by default she was shown no price (no basis posted: no price check). */
const review = (quote: Quote, values: FormValues, payments: PaymentOption[] = PAYMENTS, shown: Shown = null) => reviewCheckout(quote, values, payments, shown, NOW);

describe("reviewCheckout: empty (nothing left to buy; the form is not even read)", () => {
  const soldOut = line({ state: "soldOut" });
  const urduSoldOut = line({ state: "soldOut", title: URDU_KURTA, quantity: 2 });
  it.each([
    ["an empty cart", quoteOf([])],
    ["every cart line removed or unpublished (only `missing`)", quoteOf([], { missing: [{ variantId: 77, quantity: 1 }, { variantId: 78, quantity: 2 }] })],
    ["every line sold out", quoteOf([soldOut, urduSoldOut])],
    ["sold out and missing together", quoteOf([soldOut], { missing: [{ variantId: 79, quantity: 1 }] })],
  ])("%s: empty, `gone` is the quote's lines", (_, quote) => {
    expect(review(quote, form())).toEqual({ kind: "empty", gone: quote.lines });
  });

  it("wins over a form that is wrong in every field, a shop with no payment method and a basis that is not one", () => {
    const quote = quoteOf([soldOut]);
    expect(review(quote, {}, [], "unknown")).toEqual({ kind: "empty", gone: [soldOut] });
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
    expect(review(QUOTE, form(over), PAYMENTS)).toEqual({ kind: "invalid", errors });
  });

  it("reports every wrong field at once, not only the first", () => {
    const r = review(QUOTE, form({ name: "", phone: "12345", city: "", address: "  ", zone: "999", payment: "bank", note: "n".repeat(cap.note! + 1) }), PAYMENTS);
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
      expect(review(QUOTE, form({ payment }), []), payment).toEqual({ kind: "invalid", errors: { payment: "checkout.error.payment" } });
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
    const r = review(QUOTE, form({ [field]: value, ...(field === "reference" ? { payment: "jazzcash" } : {}) }), PAYMENTS);
    expect(r.kind).toBe("ready");
    expect(r.kind === "ready" && r.form[field as keyof typeof r.form]).toBe(kept);
  });

  it.each(atCap)("%s one past its cap: invalid, the cap beside it", (field, value) => {
    const past = field === "phone" ? ` ${value}` : `${value}ہ`;
    expect(past.length).toBe(cap[field]! + 1);
    const message = field === "phone" ? "checkout.error.phone" : "checkout.error.tooLong";
    expect(review(QUOTE, form({ [field]: past }), PAYMENTS)).toEqual({ kind: "invalid", errors: { [field]: message, [`${field}.max`]: String(cap[field]) } });
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
    expect(review(quote, form(), PAYMENTS, quote)).toEqual({ kind: "short", lines });
  });

  it("a form error wins over short stock: the fields are fixed first", () => {
    const quote = quoteOf([kurta, short]);
    expect(review(quote, form({ phone: "12345" }), PAYMENTS, quote)).toEqual({ kind: "invalid", errors: { phone: "checkout.error.phone" } });
    expect(review(quote, form({ zone: "999" }), PAYMENTS, quote)).toEqual({ kind: "invalid", errors: { zone: "checkout.error.zone" } });
  });

  it.each<[string, Shown]>([
    ["a page that showed another price", quoteOf([line({ ...kurta, price: kurta.price + 100 }), short])],
    ["a basis that is not one", "unknown"],
  ])("short wins over %s", (_, shown) => {
    expect(review(quoteOf([kurta, short]), form(), PAYMENTS, shown)).toEqual({ kind: "short", lines: [short] });
  });
});

describe("reviewCheckout: priceChanged (the total for her zone is not the one her page showed)", () => {
  const eid = discount({ id: 501, title: "Eid Mubarak: 10% off" });
  const withEid = quoteOf([kurta, urduKurta], { discounts: [eid] });
  const soldOutNow = line({ ...urduKurta, stock: 0 });
  const cheaperLahore = { ...LAHORE, fee: 10_000 };
  const ready = expect.objectContaining({ kind: "ready" });
  /** [case, the fresh quote, what her page was priced from, the zone she chose, refused]. */
  it.each<[string, Quote, Shown, string, boolean]>([
    ["exactly what was shown: ready", QUOTE, QUOTE, "1", false],
    ["no basis posted (null): no price check, ready", QUOTE, null, "1", false],
    ["a basis that is not one (\"unknown\"): refused", QUOTE, "unknown", "1", true],
    ["a line one paisa dearer than shown", QUOTE, quoteOf([line({ ...kurta, price: kurta.price - 1 }), urduKurta]), "1", true],
    ["a line one paisa cheaper than shown (she is shown the lower total first)", QUOTE, quoteOf([line({ ...kurta, price: kurta.price + 1 }), urduKurta]), "1", true],
    ["a line sold out since the page was drawn (it left the total)", quoteOf([kurta, soldOutNow]), QUOTE, "1", true],
    ["a discount the fresh quote no longer has (the seller ended it)", QUOTE, withEid, "1", true],
    ["a discount that started since the page was drawn (cheaper, still shown first)", withEid, QUOTE, "1", true],
    ["the same discount on both: ready", withEid, withEid, "1", false],
    ["her code's discount on both: ready", { ...withEid, code: "EID10", discounts: [{ ...eid, code: "EID10" }] }, { ...withEid, code: "EID10", discounts: [{ ...eid, code: "EID10" }] }, "1", false],
    ["her code used by her phone since (the fresh quote knows her phone, the page did not)", { ...withEid, code: "EID10", discounts: [{ ...eid, code: "EID10", oncePerPhone: true, usedByPhone: true }] }, { ...withEid, code: "EID10", discounts: [{ ...eid, code: "EID10", oncePerPhone: true }] }, "1", true],
    ["the chosen zone's fee changed", quoteOf([kurta], { zones: [LAHORE, PUNJAB, KARACHI] }), quoteOf([kurta], { zones: [cheaperLahore, PUNJAB, KARACHI] }), "1", true],
    ["another zone's fee changed, not the chosen one: ready", quoteOf([kurta], { zones: [LAHORE, PUNJAB, KARACHI] }), quoteOf([kurta], { zones: [cheaperLahore, PUNJAB, KARACHI] }), "2", false],
    ["the chosen zone's free-delivery threshold raised past the order", QUOTE, quoteOf([kurta, urduKurta], { zones: [{ ...LAHORE, freeAbove: 2_000_000 }, PUNJAB, KARACHI] }), "1", true],
    ["a zone added since: not on her page", QUOTE, quoteOf([kurta, urduKurta], { zones: [LAHORE, PUNJAB] }), "3", true],
    ["a dearer line with a new discount that comes to the same total: only the total is held, ready", quoteOf([line({ ...kurta, price: 500_000 }), urduKurta], { discounts: [discount({ kind: "amount", value: 50_000 })] }), QUOTE, "1", false],
  ])("%s", (_, quote, shown, zone, refused) => {
    const chosen = quote.zones.find((z) => String(z.id) === zone)!;
    expect(review(quote, form({ zone }), PAYMENTS, shown)).toEqual(refused ? { kind: "priceChanged", priced: priceQuote(quote, chosen, NOW) } : ready);
  });

  it("the refusal carries the fresh price: lines, discount, fee and total for her zone", () => {
    const r = review(withEid, form({ zone: "3" }), PAYMENTS, QUOTE);
    const subtotal = 450_000 + 2 * 249_950;
    expect(r).toEqual({
      kind: "priceChanged",
      priced: { subtotal, applied: [{ discount: eid, amount: subtotal / 10, waived: 0 }], discount: subtotal / 10, fee: KARACHI.fee, total: subtotal - subtotal / 10 + KARACHI.fee, code: null },
    });
  });

  it("a basis past its cap is not one: the route's quoteFromBasis gives null, she is shown the total again, no field is blamed", () => {
    const basis = " ".repeat(BASIS_CHARS + 1);
    expect(checkoutSchema.safeParse({ ...form(), basis }).success).toBe(true);
    const shown: Shown = quoteFromBasis(basis, [{ variantId: kurta.variantId, quantity: 1 }], { code: null }) ?? "unknown";
    expect(review(QUOTE, form({ basis }), PAYMENTS, shown)).toEqual({ kind: "priceChanged", priced: priceQuote(QUOTE, LAHORE, NOW) });
  });

  it("a form error wins over a changed price: the fields are fixed first", () => {
    expect(review(QUOTE, form({ name: "" }), PAYMENTS, "unknown")).toEqual({ kind: "invalid", errors: { name: "checkout.error.name" } });
  });
});

describe("reviewCheckout: ready", () => {
  it("carries the orderable lines, the chosen zone, the parsed form and the price", () => {
    const soldOut = line({ state: "soldOut" });
    const untracked = line({ stock: null, quantity: 99, price: 1_000 });
    const quote = quoteOf([kurta, soldOut, urduKurta, untracked]);
    const r = review(quote, form({ name: `  ${URDU_NAME}  `, phone: "+92 300 123-4567", zone: "3", payment: "jazzcash", reference: " TID 0123456789 ", note: "Call before coming" }), PAYMENTS, quote);
    expect(r).toEqual({
      kind: "ready",
      lines: [kurta, urduKurta, untracked],
      zone: KARACHI,
      form: {
        key: "Qm9yZWRvbUlzTm90QUJ1Zw", name: URDU_NAME, phone: "+923001234567", city: "Lahore", address: URDU_ADDRESS,
        note: "Call before coming", zone: 3, payment: "jazzcash", reference: "TID 0123456789", basis: "",
      },
      priced: { subtotal: 1_048_900, applied: [], discount: 0, fee: 0, total: 1_048_900, code: null },
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
    const r = review(QUOTE, form({ phone }));
    expect(r.kind === "ready" && r.form.phone).toBe(stored);
  });

  it.each([LAHORE, PUNJAB, KARACHI])("zone $name ($id) is found by its id and priced", (zone) => {
    const r = review(QUOTE, form({ zone: String(zone.id) }), PAYMENTS, QUOTE);
    expect(r.kind === "ready" && [r.zone, r.priced.fee]).toEqual([zone, zone.freeAbove !== null && QUOTE.subtotal >= zone.freeAbove ? 0 : zone.fee]);
  });
});

describe("readQuote: each line's state and total from the folded row, in paisa", () => {
  type Row = [fact: [number, number, number, number, number[]], stock: number, slug: string, title: string, variantTitle: string, sku: string | null];
  const row = (over: { variantId?: number; price?: number; stock?: number; tracked?: 0 | 1; sku?: string | null } = {}): Row => [
    [over.variantId ?? 1, 10, over.price ?? 249_950, over.tracked ?? 1, [4, 9]], over.stock ?? 5, "lawn-suit", URDU_KURTA, "Default", over.sku === undefined ? "AYS-1" : over.sku,
  ];
  const folded = (lines: Row[], zones: unknown[] = [], discounts: unknown[] = []) => ({ lines: JSON.stringify(lines), zones: JSON.stringify(zones), discounts: JSON.stringify(discounts) });

  it.each<[string, { quantity: number; stock: number; tracked: 0 | 1 }, { state: QuoteLine["state"]; stock: number | null; lineTotal: number }]>([
    ["stock exactly the quantity", { quantity: 5, stock: 5, tracked: 1 }, { state: "ok", stock: 5, lineTotal: 5 * 249_950 }],
    ["one more than stock", { quantity: 6, stock: 5, tracked: 1 }, { state: "short", stock: 5, lineTotal: 0 }],
    ["one unit left, 99 asked", { quantity: 99, stock: 1, tracked: 1 }, { state: "short", stock: 1, lineTotal: 0 }],
    ["none left", { quantity: 1, stock: 0, tracked: 1 }, { state: "soldOut", stock: 0, lineTotal: 0 }],
    ["stock not tracked, 0 on hand", { quantity: 99, stock: 0, tracked: 0 }, { state: "ok", stock: null, lineTotal: 99 * 249_950 }],
  ])("%s", (_, { quantity, stock, tracked }, expected) => {
    const q = readQuote([{ variantId: 1, quantity }], { code: null }, [folded([row({ stock, tracked })])]);
    expect(q.lines[0]).toMatchObject({ quantity, tracked: Boolean(tracked), collections: [4, 9], ...expected });
    expect(q.subtotal).toBe(expected.lineTotal);
  });

  it("keeps the cart's order, lists variants not found as missing, stores a null SKU as '' and reads zones and discounts", () => {
    const eid = discount({ id: 7, code: "EID10", title: "عید مبارک", kind: "amount", value: 50_000, scope: "collections", targets: [4], minSubtotal: 100_000, minQuantity: 2, startsAt: NOW - 1, endsAt: NOW + 1, maxUses: 100, oncePerPhone: true, combines: true, uses: 99, usedByPhone: true });
    const fact = [eid.id, eid.code, eid.title, eid.kind, eid.value, eid.scope, eid.targets, eid.minSubtotal, eid.minQuantity, eid.startsAt, eid.endsAt, eid.maxUses, 1, 1];
    const q = readQuote(
      [{ variantId: 3, quantity: 1 }, { variantId: 9, quantity: 2 }, { variantId: 1, quantity: 1 }],
      { code: "EID10", phone: "+923001234567" },
      [folded([row({ sku: null }), row({ variantId: 3, price: 450_000 })], [[[1, 15_000, 500_000], "Lahore"], [[3, 35_000, 1_000_000], "کراچی"]], [[fact, 99, 1]])],
    );
    expect(q.lines.map((l) => [l.variantId, l.sku])).toEqual([[3, "AYS-1"], [1, ""]]);
    expect(q.missing).toEqual([{ variantId: 9, quantity: 2 }]);
    expect(q.subtotal).toBe(450_000 + 249_950);
    expect(q.zones).toEqual([LAHORE, KARACHI]);
    expect(q.discounts).toEqual([eid]);
    expect(q.code).toBe("EID10");
    expect(orderable(q).map((l) => l.variantId)).toEqual([3, 1]);
  });

  it("reads no row (no such shop) and a shop with nothing as an empty quote", () => {
    const cart = [{ variantId: 7, quantity: 2 }];
    const empty = { lines: [], missing: cart, subtotal: 0, zones: [], discounts: [], code: null };
    expect(readQuote(cart, { code: null }, [])).toMatchObject(empty);
    expect(readQuote(cart, { code: null }, [{ lines: null, zones: null, discounts: null }])).toMatchObject(empty);
  });

  it("the English title too, as the row carries it", () => {
    const q = readQuote([{ variantId: 1, quantity: 1 }], { code: null }, [folded([[[1, 10, 249_950, 1, []], 5, "kurta", KURTA, "S", "X"]])]);
    expect(q.lines[0]).toMatchObject({ title: KURTA, productSlug: "kurta", variantTitle: "S", collections: [] });
  });
});
