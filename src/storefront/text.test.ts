/** Plain-text rendering helpers, the search query builder and cursors: pure functions. */
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./listing";
import { ftsQuery } from "./search";
import { safeHref, summary, textBlocks } from "./text";
import { jsonLdText } from "./seo";

describe("textBlocks", () => {
  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    expect(textBlocks("One\ntwo\r\n\r\nThree\n\n\n")).toEqual([[{ text: "One\ntwo" }], [{ text: "Three" }]]);
  });

  it("links http(s) URLs without trailing punctuation, and nothing else", () => {
    expect(textBlocks("See https://example.com/a?b=1, or (http://x.pk/y).")).toEqual([
      [{ text: "See " }, { href: "https://example.com/a?b=1", text: "https://example.com/a?b=1" }, { text: ", or (" }, { href: "http://x.pk/y", text: "http://x.pk/y" }, { text: ")." }],
    ]);
    expect(textBlocks("javascript:alert(1) data:text/html,<b>x</b> ftp://a.b")).toEqual([[{ text: "javascript:alert(1) data:text/html,<b>x</b> ftp://a.b" }]]);
    expect(textBlocks('https://a.pk/"onmouseover="x')[0]![0]).toEqual({ href: "https://a.pk/", text: "https://a.pk/" });
  });

  it("accepts only http and https hrefs", () => {
    expect(safeHref("https://a.pk/x y")).toBe("https://a.pk/x%20y");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });

  it("summarises to one line", () => {
    expect(summary("a\n\n b  c", 160)).toBe("a b c");
    expect(summary("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("ftsQuery", () => {
  it("quotes every word as a prefix of the shop's own terms so no FTS5 syntax gets through", () => {
    expect(ftsQuery(7, "Lawn suit")).toBe('"s7xlawn"* "s7xsuit"*');
    expect(ftsQuery(7, 'NEAR(a b) OR "x" title:y -z *')).toBe('"s7xnear"* "s7xa"* "s7xb"* "s7xor"* "s7xx"* "s7xtitle"* "s7xy"* "s7xz"*');
    expect(ftsQuery(12, "کڑھائی والا")).toBe('"s12xکڑھائی"* "s12xوالا"*');
    expect(ftsQuery(7, "<>\"'*()")).toBeNull();
  });

  it("caps the number and length of words", () => {
    expect(ftsQuery(7, "a b c d e f g h i j k")!.split(" ")).toHaveLength(8);
    expect(ftsQuery(7, "x".repeat(100))).toBe(`"s7x${"x".repeat(40)}"*`);
  });
});

describe("cursors", () => {
  it("round-trip and refuse anything else", () => {
    expect(decodeCursor(encodeCursor({ value: 1767225600000, id: 42 }))).toEqual({ value: 1767225600000, id: 42 });
    for (const bad of ["", "1", "1_", "_1", "-1_2", "1.5_2", "1_2_3", "9".repeat(16) + "_1", "1_2 OR 1=1"]) expect(decodeCursor(bad), bad).toBeNull();
  });
});

describe("jsonLdText", () => {
  it("escapes characters that could end the script or confuse the parser", () => {
    const text = jsonLdText({ name: "</script><b>&\u2028" });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ name: "</script><b>&\u2028" });
  });
});
