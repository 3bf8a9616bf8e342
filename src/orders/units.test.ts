import { describe, expect, it } from "vitest";
import { addLine, encodeCart, MAX_LINES, parseCart, setLine } from "../checkout/cart";
import { waDigits } from "../lib/phone";
import { paymentOptions, paymentsSchema, type Payments } from "../payments";
import { csvCell } from "../csv/parse";
import { karachiDate, karachiDayStart } from "./dates";
import { parseSearch } from "./list";
import { canTransition, nextStatuses } from "./status";
import { ORDER_STATUSES } from "../db/schema";

describe("cart codec", () => {
  it("round-trips and caps", () => {
    expect(parseCart("12x2.40x1")).toEqual({ lines: [{ variantId: 12, quantity: 2 }, { variantId: 40, quantity: 1 }], changed: false });
    expect(parseCart("12x2.12x98").lines).toEqual([{ variantId: 12, quantity: 99 }]);
    const many = Array.from({ length: 40 }, (_, i) => `${i + 1}x1`).join(".");
    expect(parseCart(many).lines).toHaveLength(MAX_LINES);
    expect(parseCart("01x2.1x0.x.1x.1x2x3").lines).toEqual([]);
    const full = parseCart(Array.from({ length: MAX_LINES }, (_, i) => `${i + 1}x1`).join(".")).lines;
    expect(addLine(full, 999, 1)).toEqual({ ok: false, reason: "full" });
    expect(addLine(full, 1, 200)).toMatchObject({ ok: true });
    expect(encodeCart(setLine([{ variantId: 5, quantity: 3 }], 5, 0))).toBe("");
  });
});

describe("payments and WhatsApp numbers", () => {
  it("offers enabled methods with an account only", () => {
    const p = paymentsSchema.parse({ cod: { enabled: false }, jazzcash: { enabled: true, number: "" }, bank: { enabled: true, number: "PK36", title: "A" } });
    expect(paymentOptions(p as Payments).map((o) => o.method)).toEqual(["bank"]);
    expect(waDigits("+92 300 1112233")).toBe("923001112233");
    expect(waDigits("0300-1112233")).toBe("923001112233");
  });
});

describe("status flow", () => {
  it("allows only the forward steps, cancel before shipping and return after", () => {
    expect(canTransition("new", "confirmed")).toBe(true);
    expect(canTransition("new", "shipped")).toBe(false);
    expect(canTransition("shipped", "cancelled")).toBe(false);
    expect(canTransition("delivered", "returned")).toBe(true);
    for (const s of ORDER_STATUSES) expect(canTransition(s, s)).toBe(false);
    expect(nextStatuses("cancelled")).toEqual([]);
    expect(nextStatuses("returned")).toEqual([]);
  });
});

describe("dates in Asia/Karachi", () => {
  it("maps days and instants at UTC+5", () => {
    expect(karachiDayStart("2026-11-28")).toBe(Date.UTC(2026, 10, 27, 19));
    expect(karachiDayStart("2026-02-30")).toBeNull();
    expect(karachiDayStart("28/11/2026")).toBeNull();
    expect(karachiDate(Date.UTC(2026, 10, 27, 18, 59))).toBe("2026-11-27");
    expect(karachiDate(Date.UTC(2026, 10, 27, 19, 0))).toBe("2026-11-28");
  });
});

describe("CSV cells", () => {
  it("neutralises formulas and quotes", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+92300")).toBe("'+92300");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@x")).toBe("'@x");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe(`"'\rx"`);
    expect(csvCell('a "b", c')).toBe(`"a ""b"", c"`);
    expect(csvCell(1001)).toBe("1001");
  });
});

describe("order search", () => {
  it("reads numbers, phones and names", () => {
    expect(parseSearch("#1001")).toEqual({ kind: "number", value: 1001 });
    expect(parseSearch("1001")).toEqual({ kind: "number", value: 1001 });
    expect(parseSearch("0300 1234567")).toEqual({ kind: "phone", value: "+923001234567" });
    expect(parseSearch(" Sana ")).toEqual({ kind: "name", value: "Sana" });
    expect(parseSearch("  ")).toBeNull();
  });
});
