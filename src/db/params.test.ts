/**
 * D1 binds at most 100 parameters a statement, and drizzle binds defaulted columns too: every
 * list the catalogue writes or looks up (collection members, a product's collections, variants,
 * photos, CSV rows) works at real sizes and at its cap.
 */
import { describe, expect, it } from "vitest";
import { PICKER_PAGE } from "../collections/schema";
import { insertChunks, MAX_BOUND_PARAMS } from "./batch";
import { collectionProducts, variants } from "./schema";
import { addProduct, all, decode, inShop, one, postMultipart, type Shop } from "../../test/admin-helpers";
import { seedProducts } from "../../test/catalog-fixtures";
import { db, ROOT, sellerWithShop, shopD1 } from "../../test/helpers";

/** `n` collections straight into D1; returns their ids in order. */
async function seedCollections(shopId: number, n: number): Promise<number[]> {
  await (await shopD1(shopId)).prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
     INSERT INTO collections (shop_id, slug, title, position) SELECT ?1, 'eid-' || n, 'Eid ' || n, n FROM seq`,
  )
    .bind(shopId, n)
    .run();
  return (await all<{ id: number }>("SELECT id FROM collections WHERE shop_id = ? ORDER BY position", shopId)).map((r) => r.id);
}

const members = async (shopId: number, collectionId: number) => (await all<{ product_id: number }>("SELECT product_id FROM collection_products WHERE shop_id = ? AND collection_id = ? ORDER BY position, product_id DESC", shopId, collectionId)).map((r) => r.product_id);
const linksOf = async (shopId: number, productId: number) => (await all<{ collection_id: number }>("SELECT collection_id FROM collection_products WHERE shop_id = ? AND product_id = ? ORDER BY collection_id", shopId, productId)).map((r) => r.collection_id);

describe("insertChunks: rows per statement from the statement drizzle builds", () => {
  it("keeps every statement under the cap, defaulted columns counted", () => {
    const d = db();
    const rows = Array.from({ length: 1000 }, (_, i) => ({ shopId: 1, collectionId: 2, productId: i + 1, position: i }));
    const stmts = insertChunks(rows, (part) => d.insert(collectionProducts).values(part));
    // collection_products binds 4 given columns and 3 defaulted ones a row: 14 rows a statement.
    expect(stmts.map((s) => s.toSQL().params.length).every((n) => n <= MAX_BOUND_PARAMS)).toBe(true);
    expect(stmts[0]!.toSQL().params.length).toBe(98);
    expect(stmts.length).toBe(Math.ceil(1000 / 14));
    const vs = insertChunks(
      Array.from({ length: 100 }, (_, i) => ({ shopId: 1, productId: 1, title: `S${i}`, option1: `S${i}`, sku: null, price: 100, stock: 1, position: i })),
      (part) => d.insert(variants).values(part),
    );
    expect(vs.every((s) => s.toSQL().params.length <= MAX_BOUND_PARAMS)).toBe(true);
    expect(vs.flatMap((s) => s.toSQL().params).length).toBeGreaterThan(100);
  });
});

describe("collections at real sizes", () => {
  it("creates a collection of 20 products and saves one of 1,000", async () => {
    const s = await sellerWithShop();
    const ids = await seedProducts(s.shopId, 1000);
    const base = `${ROOT}/admin/${s.slug}/collections`;
    const twenty = ids.slice(0, 20).map(String);
    expect((await s.client.post(base, { title: "Eid collection", product: twenty })).status).toBe(303);
    const eid = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ? AND slug = 'eid-collection'", s.shopId))!.id;
    expect((await members(s.shopId, eid)).sort((a, b) => a - b)).toEqual(ids.slice(0, 20));
    // Saved a page at a time, as the editor posts it: each save adds its page.
    for (let i = 20; i < ids.length; i += PICKER_PAGE) {
      const page = ids.slice(i, i + PICKER_PAGE).map(String);
      expect((await s.client.post(`${base}/${eid}`, { title: "Eid collection", product: page, shown: page })).status).toBe(303);
    }
    expect((await members(s.shopId, eid)).sort((a, b) => a - b)).toEqual(ids);
  });
});

describe("a product's collections", () => {
  for (const n of [15, 50]) {
    it(`a product in ${n} collections: create, edit, duplicate`, async () => {
      const s = await sellerWithShop();
      const cols = await seedCollections(s.shopId, n);
      const id = await addProduct(s, { title: "Chiffon dupatta", collection: cols.map(String) });
      expect(await linksOf(s.shopId, id)).toEqual(cols);
      const v = (await inShop(s.shopId).one<{ id: number }>("SELECT id FROM variants WHERE product_id = ?", id))!.id;
      const res = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}`, { title: "Chiffon dupatta", description: "", price: "1,200", status: "active", v0_key: "", v0_id: String(v), v0_stock: "4", collection: cols.map(String), intent: "save" });
      expect(res.status).toBe(303);
      expect(await linksOf(s.shopId, id)).toEqual(cols);
      const dup = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/duplicate`, {});
      expect(dup.status).toBe(303);
      const copy = Number(/products\/(\d+)/.exec(dup.location!)![1]);
      expect(await linksOf(s.shopId, copy)).toEqual(cols);
    });
  }
});

describe("a product with 100 variants", () => {
  it("creates, edits, duplicates and exports it", async () => {
    const s = await sellerWithShop();
    const ten = Array.from({ length: 10 }, (_, i) => String(i + 1));
    const form: Record<string, string> = { opt1Name: "Size", opt1Values: ten.join(", "), opt2Name: "Colour", opt2Values: ten.map((x) => `C${x}`).join(", ") };
    let i = 0;
    for (const a of ten) for (const b of ten) Object.assign(form, { [`v${i}_key`]: `${a} / C${b}`, [`v${i}_stock`]: String(i % 5), [`v${i}_sku`]: `KRT-${a}-${b}`, [`v${i++}_price`]: "" });
    const id = await addProduct(s, { title: "Handmade embroidered chiffon kurta", ...form });
    expect((await inShop(s.shopId).all("SELECT id FROM variants WHERE product_id = ?", id)).length).toBe(100);
    const vs = await inShop(s.shopId).all<{ id: number; title: string }>("SELECT id, title FROM variants WHERE product_id = ? ORDER BY position", id);
    // An edit that keeps 50 variants and replaces the other 50 with new combinations.
    const edit: Record<string, string> = { opt1Name: "Size", opt1Values: ten.join(", "), opt2Name: "Colour", opt2Values: ten.map((x) => `C${x}`).join(", ") };
    vs.forEach((v, k) => Object.assign(edit, { [`v${k}_key`]: v.title, [`v${k}_id`]: k < 50 ? String(v.id) : "", [`v${k}_stock`]: "7", [`v${k}_sku`]: `KRT2-${k}` }));
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}`, { title: "Handmade embroidered chiffon kurta", description: "", price: "4,500", status: "active", trackStock: "on", intent: "save", ...edit });
    expect(res.status).toBe(303);
    const after = await inShop(s.shopId).all<{ id: number; stock: number }>("SELECT id, stock FROM variants WHERE product_id = ? ORDER BY position", id);
    expect(after.length).toBe(100);
    expect(after.slice(0, 50).map((v) => v.id)).toEqual(vs.slice(0, 50).map((v) => v.id));
    expect(after.every((v) => v.stock === 7)).toBe(true);
    const dup = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/duplicate`, {});
    const copy = Number(/products\/(\d+)/.exec(dup.location!)![1]);
    expect((await inShop(s.shopId).all("SELECT id FROM variants WHERE product_id = ?", copy)).length).toBe(100);
  });
});

async function importCsv(s: Shop, text: string) {
  const fd = new FormData();
  fd.append("file", new Blob([text], { type: "text/csv" }), "products.csv");
  const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/csv/import`, fd);
  return { ...res, text: decode(res.text) };
}

describe("CSV at real sizes", () => {
  it("exports a shop of 250 products and imports a product of 100 variants", async () => {
    const s = await sellerWithShop();
    await seedProducts(s.shopId, 250);
    const res = await s.client.get(`${ROOT}/admin/${s.slug}/csv/export`);
    expect(res.status).toBe(200);
    expect(res.text.trim().split("\n").length).toBe(251);
    const header = "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Inventory Qty,Variant Price";
    const rows = [header];
    for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) rows.push(`kurta-100,${a + b ? "" : "Kurta of 100"},${a + b ? "" : "Size"},${a},${a + b ? "" : "Colour"},C${b},K-${a}-${b},3,2500`);
    const imp = await importCsv(s, rows.join("\n"));
    expect(imp.text).toContain("Imported: 1 new, 0 updated.");
    const p = (await one<{ id: number }>("SELECT id FROM products WHERE shop_id = ? AND slug = 'kurta-100'", s.shopId))!;
    expect((await inShop(s.shopId).all("SELECT id FROM variants WHERE product_id = ?", p.id)).length).toBe(100);
  });
});
