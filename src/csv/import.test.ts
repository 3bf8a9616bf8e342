import { describe, expect, it } from "vitest";
import { csvCell, parseCsv } from "./parse";
import { ROOT, sellerWithShop } from "../../test/helpers";
import { addProduct, all, decode, one, postMultipart, type Shop } from "../../test/admin-helpers";

const HEADER = "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Inventory Tracker,Variant Inventory Qty,Variant Price,Variant Compare At Price,Image Src,Status";

async function importCsv(s: Shop, text: string) {
  const fd = new FormData();
  fd.append("file", new Blob([text], { type: "text/csv" }), "products.csv");
  const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/csv/import`, fd);
  return { ...res, text: decode(res.text) };
}
const count = async (shopId: number) => (await one<{ n: number }>("SELECT COUNT(*) AS n FROM products WHERE shop_id = ?", shopId))!.n;

describe("RFC 4180 parser", () => {
  it("handles quotes, commas, escaped quotes, line breaks in fields, CRLF and a BOM", () => {
    const r = parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\n\r\nlast,,\n');
    expect(r).toEqual({ ok: true, rows: [["a", "b", "c"], ["x, y", 'say "hi"', "line1\nline2"], ["last", "", ""]], lines: [1, 2, 5] });
    expect(parseCsv('a,"open\nnever closed')).toEqual({ ok: false, error: "csv.unterminated", line: 1 });
    expect(parseCsv("a\nb\nc\n", 2)).toMatchObject({ ok: false, error: "csv.tooManyRows" });
  });

  it("neutralises formulas and quotes when needed", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+92300")).toBe("'+92300");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
  });
});

describe("CSV import", () => {
  it("imports Shopify rows (variants grouped by Handle), reports bad rows, still imports the good ones", async () => {
    const s = await sellerWithShop();
    const csv = [
      HEADER,
      'lawn-suit,Lawn suit,"<p>Soft <b>cotton</b>,<br>3 pieces</p>",Ayesha,Clothing,"lawn, summer",TRUE,Size,S,Colour,Red,LS-S-R,shopify,4,"2,499.00",2999,,active',
      "lawn-suit,,,,,,,,S,,Blue,LS-S-B,shopify,0,2499,,,",
      "lawn-suit,,,,,,,,M,,Red,LS-M-R,shopify,2,2799,,,",
      "bad-price,Bad price,,,,,TRUE,Title,Default Title,,,,shopify,1,abc,,,",
      "neg-stock,Negative stock,,,,,TRUE,Title,Default Title,,,,shopify,-2,100,,,",
      "no-title,,,,,,TRUE,Title,Default Title,,,,shopify,1,100,,,",
      "too-dear,Too dear,,,,,TRUE,Title,Default Title,,,,shopify,1,100000001,,,",
      "dup-sku,Duplicate SKU,,,,,TRUE,Title,Default Title,,,LS-S-R,shopify,1,100,,,",
      "draft-one,Draft one,,,,,FALSE,Title,Default Title,,,,,1,100,,,",
    ].join("\r\n");
    const res = await importCsv(s, csv);
    expect(res.status).toBe(200);
    expect(res.text).toContain("Imported: 2 new, 0 updated.");
    expect(res.text).toContain("5 rows could not be imported");
    expect(res.text).toContain("Enter a price in rupees");
    expect(res.text).toContain("Stock cannot be below 0.");
    expect(res.text).toContain("Please enter a title.");
    expect(res.text).toContain("more than 10 crore");
    expect(res.text).toContain("already uses this SKU");
    const p = (await one<{ id: number; title: string; description: string; price: number; options: string; tags: string; status: string }>("SELECT * FROM products WHERE shop_id = ? AND slug = 'lawn-suit'", s.shopId))!;
    expect(p).toMatchObject({ title: "Lawn suit", description: "Soft cotton,\n3 pieces", price: 249_900, options: '["Size","Colour"]', tags: "lawn, summer", status: "active" });
    const vs = await all("SELECT title, sku, stock, price, compare_at_price FROM variants WHERE product_id = ? ORDER BY position", p.id);
    expect(vs).toEqual([
      { title: "S / Red", sku: "LS-S-R", stock: 4, price: 249_900, compare_at_price: 299_900 },
      { title: "S / Blue", sku: "LS-S-B", stock: 0, price: 249_900, compare_at_price: null },
      { title: "M / Red", sku: "LS-M-R", stock: 2, price: 279_900, compare_at_price: null },
    ]);
    expect((await one<{ status: string; track_stock: number }>("SELECT status, track_stock FROM products WHERE shop_id = ? AND slug = 'draft-one'", s.shopId))).toEqual({ status: "draft", track_stock: 0 });
    expect(await count(s.shopId)).toBe(2);
  });

  it("refuses a file with wrong columns, importing nothing", async () => {
    const s = await sellerWithShop();
    const res = await importCsv(s, "Name,Cost\nShirt,100\n");
    expect(res.status).toBe(400);
    expect(res.text).toContain("does not have the columns we need (Handle, Title, Variant Price missing)");
    expect(await count(s.shopId)).toBe(0);
  });

  it("refuses a 10,000-row file whole: nothing imported", async () => {
    const s = await sellerWithShop();
    const rows = [HEADER];
    for (let i = 0; i < 10_000; i++) rows.push(`p-${i},Product ${i},,,,,TRUE,Title,Default Title,,,,shopify,1,100,,,`);
    const res = await importCsv(s, rows.join("\n"));
    expect(res.status).toBe(400);
    expect(res.text).toContain("more than 5000 rows. Nothing was imported");
    expect(await count(s.shopId)).toBe(0);
  });

  it("imports a file at the cap (5,000 rows) in a bounded number of D1 round trips", async () => {
    const s = await sellerWithShop();
    const rows = [HEADER];
    for (let i = 0; i < 5_000; i++) rows.push(`p-${i},Product ${i},,,,,TRUE,Title,Default Title,,,SKU-${i},shopify,${i % 7},${100 + i},,,`);
    const res = await importCsv(s, rows.join("\n"));
    expect(res.status).toBe(200);
    expect(res.text).toContain("Imported: 5000 new, 0 updated.");
    expect(await count(s.shopId)).toBe(5_000);
    // 20 products a batch: 250 batches, plus the two look-ups and the request's own queries.
    const trips = Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")![1]);
    expect(trips).toBeLessThanOrEqual(260);
  });

  it("exports Shopify columns with formulas neutralised, and the export imports back as updates", async () => {
    const s = await sellerWithShop();
    await addProduct(s, { title: "=cmd|' /C calc'!A0", description: "Line one <b>not bold</b>\nLine two & more", opt1Name: "Size", opt1Values: "S, M", v0_key: "S", v0_stock: "3", v0_sku: "EX-S", v1_key: "M", v1_stock: "4", v1_sku: "EX-M", price: "1,200" });
    const res = await s.client.get(`${ROOT}/admin/${s.slug}/csv/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const parsed = parseCsv(res.text);
    if (!parsed.ok) throw new Error("export is not CSV");
    const [header, first, second] = parsed.rows;
    expect(header!.slice(0, 3)).toEqual(["Handle", "Title", "Body (HTML)"]);
    const col = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(col(first!, "Title")).toBe("'=cmd|' /C calc'!A0");
    expect(col(first!, "Option1 Name")).toBe("Size");
    expect(col(first!, "Variant Price")).toBe("1200");
    expect(col(first!, "Body (HTML)")).toBe("Line one &lt;b&gt;not bold&lt;/b&gt;<br>Line two &amp; more");
    expect(col(second!, "Option1 Value")).toBe("M");
    expect(col(second!, "Variant Inventory Qty")).toBe("4");
    const again = await importCsv(s, res.text.replace(/^\ufeff/, "").replace(",4,1200,", ",9,1200,"));
    expect(again.text).toContain("Imported: 0 new, 1 updated.");
    expect(await count(s.shopId)).toBe(1);
    expect(await one("SELECT title, description FROM products WHERE shop_id = ?", s.shopId)).toEqual({ title: "=cmd|' /C calc'!A0", description: "Line one <b>not bold</b>\nLine two & more" });
    expect((await one<{ stock: number }>("SELECT stock FROM variants WHERE shop_id = ? AND sku = 'EX-M'", s.shopId))!.stock).toBe(9);
  });
});
