// The Code 128 table and encoding: 107 distinct symbols of eleven modules (the stop thirteen),
// each with three bars; a tracking number's checksum by the standard's rule; the bars read back
// (as a scanner would, by their widths) give the text.
import { describe, expect, it } from "vitest";
import { code128Bars, code128Values, code128Widths, CODE128_PATTERNS } from "./code128";

describe("Code 128", () => {
  it("has 107 distinct symbols, each of eleven modules (the stop thirteen)", () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    CODE128_PATTERNS.forEach((p, i) => expect([...p].reduce((a, b) => a + Number(b), 0), `symbol ${i}`).toBe(i === 106 ? 13 : 11));
    // Bars are the odd positions (1st, 3rd, 5th): an even count of modules in bars for every data symbol.
    CODE128_PATTERNS.slice(0, 106).forEach((p) => expect((Number(p[0]) + Number(p[2]) + Number(p[4])) % 2).toBe(0));
  });

  it("encodes a tracking number with start B, its checksum and stop, and the bars read back", () => {
    // "PJJ123": start 104; P=48, J=42, J=42, 1=17, 2=18, 3=19: (104 + 48 + 84 + 126 + 68 + 90 + 114) % 103 = 634 % 103 = 16.
    expect(code128Values("PJJ123")).toEqual([104, 48, 42, 42, 17, 18, 19, 16, 106]);
    const text = "24101234560001";
    const values = code128Values(text)!;
    const widths = code128Widths(values);
    const read: number[] = [];
    for (let i = 0; i + 6 <= widths.length - 7; i += 6) read.push(CODE128_PATTERNS.indexOf(widths.slice(i, i + 6).join("")));
    expect(String.fromCharCode(...read.slice(1, -1).map((v) => v + 32))).toBe(text);
    const svg = code128Bars(text)!;
    expect(svg.width).toBe(10 + 11 * (text.length + 2) + 13 + 10);
    expect(svg.bars.length).toBe(3 * (text.length + 3) + 1);
  });

  it("refuses what set B cannot say, and past its cap", () => {
    expect(code128Values("")).toBeNull();
    expect(code128Values("ٹریکنگ")).toBeNull();
    expect(code128Values("A".repeat(81))).toBeNull();
    expect(code128Values("A".repeat(80))).not.toBeNull();
  });
});
