/**
 * THE checkout rule (priceQuote), table-driven on hand-built quotes, amounts in paisa: each
 * discount kind on each scope, rounding and caps, every condition at its limit and one short of
 * it, how discounts combine and which wins, delivery, a full cart at the caps; and the basis the
 * checkout form carries (facts.ts), which must price exactly as the quote it came from.
 */
import { describe, expect, it } from "vitest";
import { KARACHI, LAHORE, PUNJAB, URDU_KURTA, ZONES, discount, line, quoteOf } from "../../test/pricing-fixtures";
import type { CartLine } from "../checkout/cart";
import { MAX_LINES, MAX_QTY } from "../checkout/cart";
import { parseRupees } from "../lib/money";
import { BASIS_CHARS, basisOf, quoteFromBasis, readQuote } from "./facts";
import { priceQuote, zoneFee, type CodeStatus, type Discount, type Priced, type QuoteLine, type Zone } from "./price";

/** 1 April 2025, 09:00 UTC: the moment every quote here is priced. */
const NOW = Date.UTC(2025, 3, 1, 9);

/** A kurta in collections 3 and 5; two Urdu-titled suits in collection 5; a dupatta in no collection. */
const A = line({ productId: 11, collections: [3, 5], price: 450_000 });
const B = line({ productId: 12, collections: [5], price: 249_950, quantity: 2, title: URDU_KURTA });
const C = line({ productId: 13, collections: [], price: 120_000, title: "Chiffon dupatta with gota border" });
const CART = [A, B, C];
const SUBTOTAL = 450_000 + 2 * 249_950 + 120_000;

/** The cart priced with these discounts (and code) for a zone (Rest of Punjab: Rs 250, never free, unless told). */
function price(discounts: Discount[], opts: { lines?: QuoteLine[]; code?: string | null; zone?: Zone | null } = {}): Priced {
  return priceQuote(quoteOf(opts.lines ?? CART, { discounts, code: opts.code ?? null }), opts.zone === undefined ? PUNJAB : opts.zone, NOW);
}
/** What a price comes to, with each applied discount as [id, amount off, fee waived]. */
const summary = (p: Priced) => ({ discount: p.discount, fee: p.fee, total: p.total, applied: p.applied.map((a) => [a.discount.id, a.amount, a.waived]) });

it("the cart the tables price: three lines, Rs 10,699 of goods", () => {
  expect(priceQuote(quoteOf(CART), PUNJAB, NOW)).toEqual({ subtotal: SUBTOTAL, applied: [], discount: 0, fee: PUNJAB.fee, total: SUBTOTAL + PUNJAB.fee, code: null });
  expect(SUBTOTAL).toBe(1_069_900);
});

describe("each kind on each scope: what it takes off the lines it applies to", () => {
  /** [case, the discount, paisa off the lines, fee waived]; a discount that applies to no line is not applied. */
  it.each<[string, Partial<Discount>, number, number]>([
    ["10% off the whole order", { kind: "percent", value: 10 }, 106_990, 0],
    ["10% off one product (both suits)", { kind: "percent", value: 10, scope: "products", targets: [12] }, 49_990, 0],
    ["10% off two products", { kind: "percent", value: 10, scope: "products", targets: [11, 13] }, 57_000, 0],
    ["10% off collection 5 (kurta and suits)", { kind: "percent", value: 10, scope: "collections", targets: [5] }, 94_990, 0],
    ["10% off collection 3 (the kurta only)", { kind: "percent", value: 10, scope: "collections", targets: [3] }, 45_000, 0],
    ["10% off collections 3 and 5: the kurta, in both, counted once", { kind: "percent", value: 10, scope: "collections", targets: [3, 5] }, 94_990, 0],
    ["10% off a collection no line is in (the dupatta is in none)", { kind: "percent", value: 10, scope: "collections", targets: [99] }, 0, 0],
    ["10% off a product not in the cart", { kind: "percent", value: 10, scope: "products", targets: [99] }, 0, 0],
    ["Rs 600 off the whole order", { kind: "amount", value: 60_000 }, 60_000, 0],
    ["Rs 600 off the dupatta", { kind: "amount", value: 60_000, scope: "products", targets: [13] }, 60_000, 0],
    ["Rs 600 off collection 5", { kind: "amount", value: 60_000, scope: "collections", targets: [5] }, 60_000, 0],
    ["Rs 2,000 off the Rs 1,200 dupatta: capped at its lines", { kind: "amount", value: 200_000, scope: "products", targets: [13] }, 120_000, 0],
    ["Rs 600 off a collection no line is in", { kind: "amount", value: 60_000, scope: "collections", targets: [99] }, 0, 0],
    ["free delivery on the whole order", { kind: "free_delivery", value: 0 }, 0, PUNJAB.fee],
    ["free delivery with the dupatta", { kind: "free_delivery", value: 0, scope: "products", targets: [13] }, 0, PUNJAB.fee],
    ["free delivery with collection 3", { kind: "free_delivery", value: 0, scope: "collections", targets: [3] }, 0, PUNJAB.fee],
    ["free delivery with a collection no line is in", { kind: "free_delivery", value: 0, scope: "collections", targets: [99] }, 0, 0],
  ])("%s", (_, over, off, waived) => {
    const d = discount(over);
    const fee = PUNJAB.fee - waived;
    const applied = off || waived ? [[d.id, off, waived]] : [];
    expect(summary(price([d]))).toEqual({ discount: off, fee, total: SUBTOTAL - off + fee, applied });
  });
});

describe("rounding and caps: percent rounds down to the paisa, nothing takes off more than there is", () => {
  const one = (price: number, quantity = 1) => [line({ price, quantity })];
  /** [case, lines, discounts (combining when several), paisa off]. */
  it.each<[string, QuoteLine[], Partial<Discount>[], number]>([
    ["15% of Rs 999.99 = 14,999.85 paisa: 14,999", one(99_999), [{ value: 15 }], 14_999],
    ["1% of Rs 999.99 = 999.99 paisa: 999", one(99_999), [{ value: 1 }], 999],
    ["100% of Rs 999.99: all of it", one(99_999), [{ value: 100 }], 99_999],
    ["a percent past 100 takes off no more than 100%", one(99_999), [{ value: 150 }], 99_999],
    ["1% of 99 paisa rounds to nothing: not applied", one(99), [{ value: 1 }], 0],
    ["0%: nothing", one(99_999), [{ value: 0 }], 0],
    ["15% of the eligible lines' sum, not per line (3 x 4,999.95 would be 14,997)", [line({ price: 33_333 }), line({ price: 33_333 }), line({ price: 33_333 })], [{ value: 15 }], 14_999],
    ["Rs 1,00,000 off Rs 999.99: capped at the lines", one(99_999), [{ kind: "amount", value: 10_000_000 }], 99_999],
    ["60% and 60% combined: capped at the subtotal", CART, [{ value: 60, combines: true }, { value: 60, combines: true }], SUBTOTAL],
    ["Rs 8,000 and Rs 8,000 combined on Rs 10,699: capped at the subtotal", CART, [{ kind: "amount", value: 800_000, combines: true }, { kind: "amount", value: 800_000, combines: true }], SUBTOTAL],
    ["all of the dupatta and 100% of the order combined: capped at the subtotal", CART, [{ kind: "amount", value: 120_000, scope: "products", targets: [13], combines: true }, { value: 100, combines: true }], SUBTOTAL],
  ])("%s", (_, lines, overs, off) => {
    const p = price(overs.map((o) => discount(o)), { lines });
    const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
    expect([p.discount, p.total]).toEqual([off, subtotal - off + PUNJAB.fee]);
    expect(p.total).toBeGreaterThanOrEqual(PUNJAB.fee);
    expect(p.applied.reduce((s, a) => s + a.amount, 0)).toBe(off);
    expect(p.applied.every((a) => a.amount > 0)).toBe(true);
  });

  it("stacked past the subtotal, the second takes only what is left", () => {
    const [first, second] = [discount({ value: 60, combines: true }), discount({ value: 60, combines: true })];
    expect(summary(price([first, second])).applied).toEqual([[first.id, 641_940, 0], [second.id, SUBTOTAL - 641_940, 0]]);
  });
});

describe("conditions: each at its limit applies, one short of it does not (her code's status says why)", () => {
  const EID = "EID10";
  /** [case, the code's discount (10% off unless told), its status, the minimum it names]. */
  it.each<[string, Partial<Discount>, CodeStatus, number?]>([
    ["min subtotal exactly the subtotal", { minSubtotal: SUBTOTAL }, "applied"],
    ["min subtotal one paisa over it", { minSubtotal: SUBTOTAL + 1 }, "minSubtotal", SUBTOTAL + 1],
    ["min subtotal on the eligible lines: the suits' Rs 4,999 exactly", { scope: "products", targets: [12], minSubtotal: 499_900 }, "applied"],
    ["min subtotal on the eligible lines: one paisa over the suits' (the order is well over it)", { scope: "products", targets: [12], minSubtotal: 499_901 }, "minSubtotal", 499_901],
    ["min quantity exactly the 4 items", { minQuantity: 4 }, "applied"],
    ["min quantity 5 of 4 items", { minQuantity: 5 }, "minQuantity", 5],
    ["min quantity on the eligible lines: collection 5's 3 items exactly", { scope: "collections", targets: [5], minQuantity: 3 }, "applied"],
    ["min quantity on the eligible lines: 4 in collection 5 (the order has 4)", { scope: "collections", targets: [5], minQuantity: 4 }, "minQuantity", 4],
    ["starts this very millisecond (inclusive)", { startsAt: NOW }, "applied"],
    ["starts one millisecond from now", { startsAt: NOW + 1 }, "notStarted"],
    ["ends one millisecond from now", { endsAt: NOW + 1 }, "applied"],
    ["ends this very millisecond (exclusive)", { endsAt: NOW }, "ended"],
    ["a window around now", { startsAt: NOW - 86_400_000, endsAt: NOW + 86_400_000 }, "applied"],
    ["used 99 times of 100", { maxUses: 100, uses: 99 }, "applied"],
    ["used 100 times of 100", { maxUses: 100, uses: 100 }, "usedUp"],
    ["no limit on uses", { maxUses: null, uses: 1_000_000 }, "applied"],
    ["once per phone, her phone has not used it", { oncePerPhone: true, usedByPhone: false }, "applied"],
    ["once per phone, her phone used it", { oncePerPhone: true, usedByPhone: true }, "usedByPhone"],
    ["her phone used it, but it is not once per phone", { oncePerPhone: false, usedByPhone: true }, "applied"],
    ["for a product not in the cart", { scope: "products", targets: [99] }, "noLines"],
    ["ended and used up: the window is said first", { endsAt: NOW, maxUses: 1, uses: 1 }, "ended"],
  ])("%s: %s", (_, over, status, minimum) => {
    const p = price([discount({ code: EID, ...over })], { code: EID });
    expect(p.code).toEqual({ code: EID, status, ...(minimum !== undefined && { minimum }) });
    expect(p.applied.length).toBe(status === "applied" ? 1 : 0);
  });

  it("a code the shop does not have (or no longer has): unknown, the automatic discounts still apply", () => {
    const auto = discount({ value: 10 });
    const p = price([auto], { code: "NOPE" });
    expect(p.code).toEqual({ code: "NOPE", status: "unknown" });
    expect(summary(p).applied).toEqual([[auto.id, 106_990, 0]]);
  });

  describe("sold-out and short lines are not counted toward a condition (nor charged)", () => {
    const soldOut = line({ productId: 14, collections: [5], price: 900_000, state: "soldOut" });
    const short = line({ productId: 15, collections: [5], price: 300_000, quantity: 3, state: "short" });
    const lines = [A, B, C, soldOut, short];
    it.each<[string, Partial<Discount>, CodeStatus, number?]>([
      ["min subtotal one paisa over the orderable lines", { minSubtotal: SUBTOTAL + 1 }, "minSubtotal", SUBTOTAL + 1],
      ["min quantity 5 of 4 orderable items (8 asked)", { minQuantity: 5 }, "minQuantity", 5],
      ["for the sold-out product only", { scope: "products", targets: [14] }, "noLines"],
      ["for the short product only", { scope: "products", targets: [15] }, "noLines"],
      ["min quantity 4 in collection 5 (3 orderable, 4 more asked)", { scope: "collections", targets: [5], minQuantity: 4 }, "minQuantity", 4],
    ])("%s", (_, over, status, minimum) => {
      expect(price([discount({ code: "EID10", ...over })], { lines, code: "EID10" }).code).toEqual({ code: "EID10", status, ...(minimum !== undefined && { minimum }) });
    });

    it("10% off collection 5 takes off the kurta and suits only", () => {
      const d = discount({ scope: "collections", targets: [5] });
      expect(summary(price([d], { lines }))).toEqual({ discount: 94_990, fee: PUNJAB.fee, total: SUBTOTAL - 94_990 + PUNJAB.fee, applied: [[d.id, 94_990, 0]] });
    });
  });
});

describe("combination: the combining ones stack, one that does not applies alone, the best saving wins, ties go to her code", () => {
  const tenAuto = discount({ id: 201, title: "10% off", value: 10, combines: true });
  const fiftyAuto = discount({ id: 202, title: "Rs 500 off", kind: "amount", value: 50_000, combines: true });
  const twentyAlone = discount({ id: 203, title: "20% off", value: 20 });
  const twelveAlone = discount({ id: 204, title: "12% off", value: 12 });
  const tenAlone = discount({ id: 205, title: "10% off, alone", value: 10 });
  const freeAlone = discount({ id: 206, title: "Free delivery", kind: "free_delivery", value: 0 });
  const freeCombining = discount({ id: 207, title: "Free delivery", kind: "free_delivery", value: 0, combines: true });
  const twoAlone = discount({ id: 208, title: "2% off", value: 2 });
  const threeAlone = discount({ id: 209, title: "3% off", value: 3 });
  const code = (over: Partial<Discount>) => discount({ id: 300, code: "EID", title: "", ...over });
  /** [case, discounts, her code, [id, off, waived] applied, the code's status]. */
  it.each<[string, Discount[], string | null, number[][], CodeStatus | null]>([
    ["two combining automatics stack", [tenAuto, fiftyAuto], null, [[201, 106_990, 0], [202, 50_000, 0]], null],
    ["a combining code stacks with them", [tenAuto, fiftyAuto, code({ kind: "amount", value: 10_000, combines: true })], "EID", [[201, 106_990, 0], [202, 50_000, 0], [300, 10_000, 0]], "applied"],
    ["one that does not combine, saving more (20%), applies alone", [tenAuto, fiftyAuto, twentyAlone], null, [[203, 213_980, 0]], null],
    ["the combined ones (Rs 1,569.90) beat one alone saving less (12%)", [tenAuto, fiftyAuto, twelveAlone], null, [[201, 106_990, 0], [202, 50_000, 0]], null],
    ["of two that do not combine, the better alone", [twelveAlone, twentyAlone], null, [[203, 213_980, 0]], null],
    ["her code (5%, alone) saves less than the automatics: notBest", [tenAuto, fiftyAuto, code({ value: 5 })], "EID", [[201, 106_990, 0], [202, 50_000, 0]], "notBest"],
    ["her code (20%, alone) saves more: applied, alone", [tenAuto, fiftyAuto, code({ value: 20 })], "EID", [[300, 213_980, 0]], "applied"],
    ["tie: her code (Rs 1,069.90) against an automatic 10% alone: hers", [tenAlone, code({ kind: "amount", value: 106_990 })], "EID", [[300, 106_990, 0]], "applied"],
    ["tie, her code listed first: still hers", [code({ kind: "amount", value: 106_990 }), tenAlone], "EID", [[300, 106_990, 0]], "applied"],
    ["tie: her code against the combining automatics' sum: hers", [tenAuto, fiftyAuto, code({ kind: "amount", value: 156_990 })], "EID", [[300, 156_990, 0]], "applied"],
    ["tie between two automatics: the first listed", [tenAlone, discount({ id: 210, kind: "amount", value: 106_990 })], null, [[205, 106_990, 0]], null],
    ["free delivery (Rs 250) alone beats 2% (Rs 213.98)", [twoAlone, freeAlone], null, [[206, 0, 25_000]], null],
    ["3% (Rs 320.97) beats free delivery (Rs 250) alone", [threeAlone, freeAlone], null, [[209, 32_097, 0]], null],
    ["free delivery that combines stacks with a percent", [tenAuto, freeCombining], null, [[201, 106_990, 0], [207, 0, 25_000]], null],
    ["two free deliveries combined: the fee is waived once", [freeCombining, { ...freeCombining, id: 211 }], null, [[207, 0, 25_000]], null],
    ["a code that is not for these lines: noLines, the automatics apply", [tenAuto, code({ scope: "products", targets: [99] })], "EID", [[201, 106_990, 0]], "noLines"],
    ["no code: no status", [tenAuto], null, [[201, 106_990, 0]], null],
  ])("%s", (_, discounts, codeText, applied, status) => {
    const p = price(discounts, { code: codeText });
    const off = applied.reduce((s, a) => s + a[1]!, 0);
    const fee = PUNJAB.fee - applied.reduce((s, a) => s + a[2]!, 0);
    expect(summary(p)).toEqual({ discount: off, fee, total: SUBTOTAL - off + fee, applied });
    expect(p.code).toEqual(status === null ? null : { code: codeText, status });
  });
});

describe("delivery: the zone's fee, free from its threshold on the DISCOUNTED goods, or waived", () => {
  const goods = (price: number) => [line({ price })];
  const tenPercent = discount({ id: 401, value: 10 });
  const freeDelivery = discount({ id: 402, kind: "free_delivery", value: 0 });
  /** [case, lines, discounts, her code, zone, {discount, fee, total, applied}]. */
  it.each<[string, QuoteLine[], Discount[], string | null, Zone | null, ReturnType<typeof summary>]>([
    ["Lahore at its Rs 5,000 threshold: free", goods(500_000), [], null, LAHORE, { discount: 0, fee: 0, total: 500_000, applied: [] }],
    ["Lahore one paisa below: Rs 150", goods(499_999), [], null, LAHORE, { discount: 0, fee: 15_000, total: 514_999, applied: [] }],
    ["Rest of Punjab (no threshold), Rs 1 crore of goods: still Rs 250", goods(1_000_000_000), [], null, PUNJAB, { discount: 0, fee: 25_000, total: 1_000_025_000, applied: [] }],
    // The threshold is compared with the goods AFTER discounts: 10% off Rs 5,500 is Rs 4,950, below Lahore's Rs 5,000.
    ["a discount takes the order below free delivery: the fee is charged", goods(550_000), [tenPercent], null, LAHORE, { discount: 55_000, fee: 15_000, total: 510_000, applied: [[401, 55_000, 0]] }],
    ["discounted goods still at the threshold: free", goods(555_556), [tenPercent], null, LAHORE, { discount: 55_555, fee: 0, total: 500_001, applied: [[401, 55_555, 0]] }],
    ["free delivery waives the fee, the waiver recorded", goods(400_000), [freeDelivery], null, LAHORE, { discount: 0, fee: 0, total: 400_000, applied: [[402, 0, 15_000]] }],
    ["a discount below the threshold and free delivery combined: both", goods(550_000), [{ ...tenPercent, combines: true }, { ...freeDelivery, combines: true }], null, LAHORE, { discount: 55_000, fee: 0, total: 495_000, applied: [[401, 55_000, 0], [402, 0, 15_000]] }],
    ["a free-delivery code on a zone already free saves nothing: not applied", goods(600_000), [{ ...freeDelivery, code: "FREESHIP" }], "FREESHIP", LAHORE, { discount: 0, fee: 0, total: 600_000, applied: [] }],
    ["no zone yet (the cart page): no fee", goods(400_000), [tenPercent], null, null, { discount: 40_000, fee: 0, total: 360_000, applied: [[401, 40_000, 0]] }],
    ["no zone yet: a free-delivery code shows, waiving nothing yet", goods(400_000), [{ ...freeDelivery, code: "FREESHIP" }], "FREESHIP", null, { discount: 0, fee: 0, total: 400_000, applied: [[402, 0, 0]] }],
  ])("%s", (_, lines, discounts, code, zone, expected) => {
    expect(summary(price(discounts, { lines, code, zone }))).toEqual(expected);
  });

  it("a free-delivery code on a zone already free is still her code that applies (nothing is taken from it)", () => {
    expect(price([{ ...freeDelivery, code: "FREESHIP" }], { lines: goods(600_000), code: "FREESHIP", zone: LAHORE }).code).toEqual({ code: "FREESHIP", status: "applied" });
  });

  it.each<[string, Zone, number, number]>([
    ["one paisa below the threshold", LAHORE, 499_999, 15_000],
    ["exactly at the threshold", LAHORE, 500_000, 0],
    ["one paisa above", LAHORE, 500_001, 0],
    ["nothing", LAHORE, 0, 15_000],
    ["no threshold: always the fee", PUNJAB, 10_000_000_000, 25_000],
    ["a threshold of 0: always free", { ...PUNJAB, freeAbove: 0 }, 0, 0],
    ["a zone with no fee", { ...LAHORE, fee: 0 }, 1, 0],
  ])("zoneFee: %s", (_, zone, goodsTotal, fee) => {
    expect(zoneFee(zone, goodsTotal)).toBe(fee);
  });
});

describe("a discount never makes her pay more: the set chosen is the one with the lowest total, the fee it brings back counted", () => {
  // Free delivery is decided on the discounted goods, so a small discount can cost a fee: Rs 1
  // off Rs 5,000 in Lahore would bring back Rs 150 of delivery. What she saves is what she would
  // pay with no discount (fee included) less what she pays.
  const goods = (price: number) => [line({ price })];
  /** [case, lines, discounts, {discount, fee, total, applied}]. */
  it.each<[string, QuoteLine[], Discount[], ReturnType<typeof summary>]>([
    ["an automatic Rs 1 off Rs 5,000 in Lahore is not taken: free delivery is worth more", goods(500_000), [discount({ id: 601, kind: "amount", value: 100 })], { discount: 0, fee: 0, total: 500_000, applied: [] }],
    ["an automatic Rs 150 off Rs 5,000: Rs 150 off, Rs 150 fee; no better than none, not taken", goods(500_000), [discount({ id: 602, kind: "amount", value: 15_000 })], { discount: 0, fee: 0, total: 500_000, applied: [] }],
    ["an automatic Rs 150.01 off Rs 5,000: one paisa better than none, taken", goods(500_000), [discount({ id: 603, kind: "amount", value: 15_001 })], { discount: 15_001, fee: 15_000, total: 499_999, applied: [[603, 15_001, 0]] }],
    [
      "5% combined (Rs 260, below the threshold) loses to Rs 200 alone (still free delivery)",
      goods(520_000),
      [discount({ id: 604, value: 5, combines: true }), discount({ id: 605, kind: "amount", value: 20_000 })],
      { discount: 20_000, fee: 0, total: 500_000, applied: [[605, 20_000, 0]] },
    ],
  ])("%s", (_, lines, discounts, expected) => {
    expect(summary(price(discounts, { lines, zone: LAHORE }))).toEqual(expected);
  });

  it("her code that would cost her the free delivery: she pays no more than without it", () => {
    const p = price([discount({ id: 606, code: "EID1", kind: "amount", value: 100 })], { lines: goods(500_000), code: "EID1", zone: LAHORE });
    expect([p.total, p.applied]).toEqual([500_000, []]);
  });

  it("on the cart page (no zone yet) there is no fee to lose: the discount is taken", () => {
    expect(summary(price([discount({ id: 607, kind: "amount", value: 100 })], { lines: goods(500_000), zone: null }))).toEqual({ discount: 100, fee: 0, total: 499_900, applied: [[607, 100, 0]] });
  });
});

describe("a full cart at the caps stays exact", () => {
  const top = parseRupees("10,00,00,000");
  it("the highest price a seller may type is 10 crore rupees, and one paisa more is refused", () => {
    expect(top).toEqual({ ok: true, minor: 10_000_000_000 });
    expect(parseRupees("100000000.01").ok).toBe(false);
  });

  it(`${MAX_LINES} lines x ${MAX_QTY} at 10 crore rupees, 15% off and free delivery: safe integers, to the paisa`, () => {
    const price = top.ok ? top.minor : 0;
    const lines = Array.from({ length: MAX_LINES }, () => line({ price, quantity: MAX_QTY, stock: null }));
    const p = priceQuote(quoteOf(lines, { discounts: [discount({ value: 15, combines: true }), discount({ kind: "free_delivery", value: 0, combines: true })] }), KARACHI, NOW);
    const subtotal = BigInt(MAX_LINES) * BigInt(MAX_QTY) * BigInt(price);
    expect(BigInt(p.subtotal)).toBe(subtotal);
    expect(BigInt(p.discount)).toBe((subtotal * 15n) / 100n);
    expect(BigInt(p.total)).toBe(subtotal - (subtotal * 15n) / 100n);
    for (const n of [p.subtotal, p.discount, p.total, p.subtotal * 100]) expect(Number.isSafeInteger(n)).toBe(true);
  });
});

describe("the basis: the facts the checkout form carries price exactly as the quote they came from", () => {
  const short = line({ productId: 14, collections: [5], price: 300_000, quantity: 3, state: "short" });
  const soldOut = line({ productId: 15, price: 900_000, state: "soldOut" });
  const untracked = line({ productId: 16, collections: [3, 5], price: 99_999, quantity: 99, stock: null });
  const lines = [A, B, C, short, soldOut, untracked];
  const cart: CartLine[] = lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
  const auto = discount({ id: 501, title: "عید مبارک: 10% off", value: 10, scope: "collections", targets: [5], combines: true, minQuantity: 2, startsAt: NOW - 1, endsAt: NOW + 1 });
  const freeAuto = discount({ id: 502, title: "Free delivery over Rs 3,000", kind: "free_delivery", value: 0, minSubtotal: 300_000, combines: true });
  const eid = discount({ id: 503, code: "EID10", title: "", kind: "amount", value: 100_000, maxUses: 500, uses: 499, oncePerPhone: true });
  const staff = discount({ id: 504, code: "STAFF50", title: "", value: 50 });

  const lineRow = (l: QuoteLine) => [[l.variantId, l.productId, l.price, l.tracked ? 1 : 0, l.collections], l.stock ?? 0, l.productSlug, l.title, l.variantTitle, l.sku];
  const discountRow = (d: Discount) => [
    [d.id, d.code, d.title, d.kind, d.value, d.scope, d.targets, d.minSubtotal, d.minQuantity, d.startsAt, d.endsAt, d.maxUses, d.oncePerPhone ? 1 : 0, d.combines ? 1 : 0], d.uses, d.usedByPhone ? 1 : 0,
  ];
  /** The folded row quoteStatement returns for these facts. */
  const row = (discounts: Discount[]) => ({
    lines: JSON.stringify(lines.map(lineRow)),
    zones: JSON.stringify(ZONES.map((z) => [[z.id, z.fee, z.freeAbove], z.name])),
    discounts: JSON.stringify(discounts.map(discountRow)),
  });
  const read = (code: string | null, discounts = [auto, freeAuto, eid]) => readQuote(cart, { code }, [row(discounts)]);

  it.each<[string, string | null]>([["with her code", "EID10"], ["without a code", null]])("round trip %s: every zone, and none, priced the same", (_, code) => {
    const q = read(code, code ? [auto, freeAuto, eid] : [auto, freeAuto]);
    const back = quoteFromBasis(basisOf(q, NOW), cart, { code });
    expect(back).not.toBeNull();
    expect(back!.lines.map((l) => [l.variantId, l.state, l.lineTotal])).toEqual(q.lines.map((l) => [l.variantId, l.state, l.lineTotal]));
    for (const zone of [...ZONES, null]) {
      const mine = zone && back!.zones.find((z) => z.id === zone.id)!;
      expect(priceQuote(back!, mine, NOW), zone?.name ?? "no zone").toEqual(priceQuote(q, zone, NOW));
    }
    // The cart these facts describe is not a trivial one: discounts, a waiver and stock states all show.
    expect(summary(priceQuote(q, PUNJAB, NOW)).applied).toEqual([[501, 1_084_980, 0], [502, 0, PUNJAB.fee]]);
    expect(q.lines.map((l) => l.state)).toEqual(["ok", "ok", "ok", "short", "soldOut", "ok"]);
  });

  it("a basis of exactly BASIS_CHARS is read, one character more is not", () => {
    const basis = basisOf(read("EID10"), NOW);
    expect(basis.length).toBeLessThan(BASIS_CHARS);
    expect(quoteFromBasis(basis.padEnd(BASIS_CHARS), cart, { code: "EID10" })).not.toBeNull();
    expect(quoteFromBasis(basis.padEnd(BASIS_CHARS + 1), cart, { code: "EID10" })).toBeNull();
  });

  const good = JSON.parse(basisOf(read("EID10"), NOW)) as { l: unknown[][]; z: unknown[][]; d: unknown[][] };
  const forged = (edit: (b: typeof good) => void) => {
    const b = structuredClone(good);
    edit(b);
    return JSON.stringify(b);
  };
  it.each<[string, string]>([
    ["empty", ""],
    ["malformed JSON", '{"l":[[[1,11,450000,1,[3,5]],4]'],
    ["JSON, not an object", "null"],
    ["no discounts list", forged((b) => delete (b as Partial<typeof b>).d)],
    ["a negative price", forged((b) => ((b.l[0]![0] as number[])[2] = -1))],
    ["a price in rupees with paisa (not an integer)", forged((b) => ((b.l[0]![0] as number[])[2] = 4500.5))],
    ["a tracked flag of 2", forged((b) => ((b.l[0]![0] as number[])[3] = 2))],
    ["a kind no discount has", forged((b) => ((b.d[0]![0] as unknown[])[3] = "bogo"))],
    ["a scope no discount has", forged((b) => ((b.d[0]![0] as unknown[])[5] = "everything"))],
    ["a zone fee as text", forged((b) => (b.z[0]![1] = "15000"))],
    ["201 collections on a line", forged((b) => ((b.l[0]![0] as unknown[])[4] = Array.from({ length: 201 }, (_, i) => i)))],
  ])("refused (null): %s", (_, basis) => {
    expect(quoteFromBasis(basis, cart, { code: "EID10" })).toBeNull();
  });

  it("refused (null): a cart line the basis was not priced with", () => {
    const basis = basisOf(read("EID10"), NOW);
    expect(quoteFromBasis(basis, [...cart, { variantId: 999_999, quantity: 1 }], { code: "EID10" })).toBeNull();
    // Fewer lines than it was priced with is this smaller cart's basis: its lines only.
    expect(quoteFromBasis(basis, cart.slice(0, 2), { code: "EID10" })!.lines.map((l) => l.variantId)).toEqual([A.variantId, B.variantId]);
  });

  it.each<[string, string | null, number[]]>([
    ["her code", "EID10", [501, 502, 503]],
    ["another code", "STAFF50", [501, 502, 504]],
    ["no code", null, [501, 502]],
  ])("keeps only the automatic discounts and the cart's own code (%s), whatever codes the basis claims", (_, code, ids) => {
    const basis = basisOf(read("EID10", [auto, freeAuto, eid, staff]), NOW);
    const back = quoteFromBasis(basis, cart, { code })!;
    expect(back.discounts.map((d) => d.id)).toEqual(ids);
    expect([...back.facts.discounts.keys()]).toEqual(ids);
    expect(back.code).toBe(code);
  });

  it("carries her phone's use once known (a page drawn after her number was typed), so the total she confirms is the one she gets", () => {
    const q = readQuote(cart, { code: "EID10", phone: "+923001234567" }, [row([{ ...eid, usedByPhone: true }])]);
    expect(priceQuote(q, LAHORE, NOW).code?.status).toBe("usedByPhone");
    expect(priceQuote(quoteFromBasis(basisOf(q, NOW), cart, { code: "EID10" })!, LAHORE, NOW).code?.status).toBe("usedByPhone");
    // Before her number was known the page read it as unused: the order's batch checks it.
    const before = readQuote(cart, { code: "EID10" }, [row([eid])]);
    expect(priceQuote(quoteFromBasis(basisOf(before, NOW), cart, { code: "EID10" })!, LAHORE, NOW).code?.status).toBe("applied");
  });
});
