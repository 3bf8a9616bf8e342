import { describe, expect, it } from "vitest";
import { ROOT, sellerWithShop, shopDb, uniq } from "../../test/helpers";
import { addProduct, all, decode, inShop, one, productForm } from "../../test/admin-helpers";

const count = async (shopId: number) => (await one<{ n: number }>("SELECT COUNT(*) AS n FROM products WHERE shop_id = ?", shopId))!.n;

describe("products: create and edit", () => {
  it("creates a product with two options and one variant per combination", async () => {
    const s = await sellerWithShop();
    const base = `${ROOT}/admin/${s.slug}/products`;
    // "Update variants" re-renders the form with the generated rows, saving nothing.
    const refresh = await s.client.post(base, productForm({ opt1Name: "Size", opt1Values: "S, M, L", opt2Name: "Colour", opt2Values: "Red, Blue", intent: "refresh" }));
    expect(refresh.status).toBe(200);
    expect(refresh.text).toContain("S / Red");
    expect(refresh.text).toContain("L / Blue");
    expect(await count(s.shopId)).toBe(0);
    const rows: Record<string, string> = {};
    ["S / Red", "S / Blue", "M / Red", "M / Blue", "L / Red", "L / Blue"].forEach((key, i) => {
      rows[`v${i}_key`] = key;
      rows[`v${i}_stock`] = String(i);
      rows[`v${i}_price`] = key.startsWith("L") ? "2,999" : "";
      rows[`v${i}_sku`] = `SKU-${key.replace(/ \/ /, "-")}`;
    });
    const id = await addProduct(s, { opt1Name: "Size", opt1Values: "S, M, L", opt2Name: "Colour", opt2Values: "Red, Blue", ...rows, v0_stock: "0" });
    const vs = await inShop(s.shopId).all<{ title: string; price: number; stock: number; option1: string; option2: string; sku: string }>("SELECT * FROM variants WHERE product_id = ? ORDER BY position", id);
    expect(vs.map((v) => v.title)).toEqual(["S / Red", "S / Blue", "M / Red", "M / Blue", "L / Red", "L / Blue"]);
    expect(vs[4]).toMatchObject({ price: 299_900, option1: "L", option2: "Red", stock: 4, sku: "SKU-L-Red" });
    expect(vs[0]!.price).toBe(249_900);
    const p = await inShop(s.shopId).one<{ price: number; options: string; slug: string }>("SELECT price, options, slug FROM products WHERE id = ?", id);
    expect(p).toMatchObject({ price: 249_900, options: '["Size","Colour"]', slug: "lawn-suit" });
    // A second product with the same title gets its own slug; an Urdu title gets p-<random>.
    const id2 = await addProduct(s);
    expect((await inShop(s.shopId).one<{ slug: string }>("SELECT slug FROM products WHERE id = ?", id2))!.slug).toBe("lawn-suit-2");
    const id3 = await addProduct(s, { title: "لان کا سوٹ" });
    expect((await inShop(s.shopId).one<{ slug: string }>("SELECT slug FROM products WHERE id = ?", id3))!.slug).toMatch(/^p-[a-z0-9]{4,6}$/);
  });

  it("keeps variant ids when an edit keeps the combination", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { opt1Name: "Size", opt1Values: "S, M", v0_key: "S", v0_stock: "1", v1_key: "M", v1_stock: "2" });
    const before = await inShop(s.shopId).all<{ id: number; title: string }>("SELECT id, title FROM variants WHERE product_id = ? ORDER BY position", id);
    const edit = await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`);
    expect(edit.status).toBe(200);
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}`, productForm({ title: "Lawn suit 2", opt1Name: "Size", opt1Values: "S, M, XL", v0_key: "S", v0_id: String(before[0]!.id), v0_stock: "7", v1_key: "M", v1_id: String(before[1]!.id), v1_stock: "2", v2_key: "XL", v2_stock: "3" }));
    expect(res.status).toBe(303);
    const after = await inShop(s.shopId).all<{ id: number; title: string; stock: number }>("SELECT id, title, stock FROM variants WHERE product_id = ? ORDER BY position", id);
    expect(after.map((v) => v.title)).toEqual(["S", "M", "XL"]);
    expect(after[0]).toMatchObject({ id: before[0]!.id, stock: 7 });
    expect(after[1]!.id).toBe(before[1]!.id);
  });
});

describe("products: bad input", () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ["negative price", { price: "-5" }, "A price cannot be negative.", "-5"],
    ["price that is not a number", { price: "abc" }, "Enter a price in rupees", "abc"],
    ["price past 10 crore", { price: "100,000,001" }, "more than 10 crore", "100,000,001"],
    ["stock below 0", { v0_stock: "-1" }, "Stock cannot be below 0.", "-1"],
    ["stock not a number", { v0_stock: "lots" }, "Enter stock as a whole number", "lots"],
    ["empty title", { title: "   " }, "Please enter a title.", "Soft cotton."],
  ];
  for (const [name, over, message, kept] of cases) {
    it(`refuses a ${name}: clear message, typed values kept, nothing saved`, async () => {
      const s = await sellerWithShop();
      const res = await s.client.post(`${ROOT}/admin/${s.slug}/products`, productForm({ description: "Soft cotton.", ...over }));
      expect(res.status).toBe(400);
      const html = decode(res.text);
      expect(html).toContain(message);
      expect(html).toContain(`value="${kept}"`.replace('value="Soft cotton."', "Soft cotton."));
      expect(await count(s.shopId)).toBe(0);
      expect((await one<{ n: number }>("SELECT COUNT(*) AS n FROM variants WHERE shop_id = ?", s.shopId))!.n).toBe(0);
    });
  }

  it("accepts exactly 10 crore and decimals", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { price: "10,00,00,000" });
    expect((await inShop(s.shopId).one<{ price: number }>("SELECT price FROM products WHERE id = ?", id))!.price).toBe(10_000_000_000);
    const id2 = await addProduct(s, { price: "1499.5" });
    expect((await inShop(s.shopId).one<{ price: number }>("SELECT price FROM products WHERE id = ?", id2))!.price).toBe(149_950);
  });

  it("refuses a SKU already used in the shop, keeps the form, saves nothing; another shop may use it", async () => {
    const s = await sellerWithShop();
    const sku = uniq("SKU");
    await addProduct(s, { v0_sku: sku });
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products`, productForm({ title: "Other", v0_sku: sku }));
    expect(res.status).toBe(400);
    expect(decode(res.text)).toContain("Another product of your shop already uses this SKU.");
    expect(res.text).toContain(`value="${sku}"`);
    expect(await count(s.shopId)).toBe(1);
    // The same SKU twice in one form.
    const twice = await s.client.post(`${ROOT}/admin/${s.slug}/products`, productForm({ opt1Name: "Size", opt1Values: "S, M", v0_key: "S", v0_sku: "X1", v1_key: "M", v1_sku: "X1" }));
    expect(twice.status).toBe(400);
    expect(twice.text).toContain("This SKU is used twice in this form.");
    const other = await sellerWithShop();
    await addProduct(other, { v0_sku: sku });
  });

  it("refuses more than 100 variants", async () => {
    const s = await sellerWithShop();
    const vals = Array.from({ length: 11 }, (_, i) => `v${i}`).join(", ");
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products`, productForm({ opt1Name: "A", opt1Values: vals, opt2Name: "B", opt2Values: vals }));
    expect(res.status).toBe(400);
    expect(res.text).toContain("more than 100 variants");
    expect(await count(s.shopId)).toBe(0);
  });
});

describe("products: list actions", () => {
  it("searches, filters, edits stock and price inline, reorders, duplicates, archives and deletes", async () => {
    const s = await sellerWithShop();
    const base = `${ROOT}/admin/${s.slug}/products`;
    // A product with three variants first, so variant ids and product ids differ.
    await addProduct(s, { title: "Gamma set", opt1Name: "Size", opt1Values: "S, M, L", v0_key: "S", v1_key: "M", v2_key: "L" });
    const a = await addProduct(s, { title: "Alpha kurta" });
    const b = await addProduct(s, { title: "Beta shawl", status: "draft", v0_sku: "SHAWL-1" });
    let list = await s.client.get(`${base}?q=shawl`);
    expect(list.text).toContain("Beta shawl");
    expect(list.text).not.toContain("Alpha kurta");
    list = await s.client.get(`${base}?q=SHAWL-1`);
    expect(list.text).toContain("Beta shawl");
    expect(list.text).not.toContain("Gamma set");
    expect(list.text).not.toContain("Alpha kurta");
    list = await s.client.get(`${base}?status=draft`);
    expect(list.text).not.toContain("Alpha kurta");
    // Newest first; move Alpha up.
    list = await s.client.get(base);
    expect(list.text.indexOf("Beta shawl")).toBeLessThan(list.text.indexOf("Alpha kurta"));
    expect((await s.client.post(`${base}/${a}/move`, { dir: "up" })).status).toBe(303);
    list = await s.client.get(base);
    expect(list.text.indexOf("Alpha kurta")).toBeLessThan(list.text.indexOf("Beta shawl"));

    const v = (await inShop(s.shopId).one<{ id: number }>("SELECT id FROM variants WHERE product_id = ?", a))!;
    const bad = await s.client.post(`${base}/${a}/quick`, { price: "12", [`stock_${v.id}`]: "-3" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Stock cannot be below 0.");
    expect(bad.text).toContain('value="-3"');
    expect((await inShop(s.shopId).one<{ stock: number }>("SELECT stock FROM variants WHERE id = ?", v.id))!.stock).toBe(5);
    const ok = await s.client.post(`${base}/${a}/quick`, { price: "999", [`stock_${v.id}`]: "12" });
    expect(ok.status).toBe(303);
    expect(await inShop(s.shopId).one("SELECT stock, price FROM variants WHERE id = ?", v.id)).toEqual({ stock: 12, price: 99_900 });
    expect((await inShop(s.shopId).one<{ price: number }>("SELECT price FROM products WHERE id = ?", a))!.price).toBe(99_900);

    const dup = await s.client.post(`${base}/${b}/duplicate`, {});
    expect(dup.status).toBe(303);
    const copyId = Number(/products\/(\d+)/.exec(dup.location!)![1]);
    expect(await inShop(s.shopId).one("SELECT title, status FROM products WHERE id = ?", copyId)).toEqual({ title: "Beta shawl (copy)", status: "draft" });
    expect((await inShop(s.shopId).one<{ sku: string | null }>("SELECT sku FROM variants WHERE product_id = ?", copyId))!.sku).toBeNull();

    expect((await s.client.post(`${base}/${a}/status`, { status: "archived" })).status).toBe(303);
    expect((await inShop(s.shopId).one<{ status: string }>("SELECT status FROM products WHERE id = ?", a))!.status).toBe("archived");
    expect((await s.client.post(`${base}/${a}/delete`, {})).status).toBe(303);
    expect(await inShop(s.shopId).one("SELECT id FROM products WHERE id = ?", a)).toBeNull();
    expect(await inShop(s.shopId).all("SELECT id FROM variants WHERE product_id = ?", a)).toEqual([]);
  });

  it("bumps the shop version on a change", async () => {
    const s = await sellerWithShop();
    const v0 = (await inShop(s.shopId).one<{ version: number }>("SELECT version FROM shops WHERE id = ?", s.shopId))!.version;
    await addProduct(s);
    expect((await inShop(s.shopId).one<{ version: number }>("SELECT version FROM shops WHERE id = ?", s.shopId))!.version).toBeGreaterThan(v0);
  });
});

describe("products: round-trip budget", () => {
  const trips = (h: Headers) => Number(/d1q;dur=(\d+)/.exec(h.get("server-timing") ?? "")![1]);
  it("the list costs the same D1 round trips for 1 product as for 12 (no query per row), the edit page one batch", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { opt1Name: "Size", opt1Values: "S, M", v0_key: "S", v1_key: "M" });
    const one_ = trips((await s.client.get(`${ROOT}/admin/${s.slug}/products`)).headers);
    for (let i = 0; i < 11; i++) await addProduct(s, { title: `P${i}` });
    const twelve = trips((await s.client.get(`${ROOT}/admin/${s.slug}/products`)).headers);
    expect(twelve).toBe(one_);
    expect(one_).toBeLessThanOrEqual(5);
    const edit = await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`);
    expect(trips(edit.headers)).toBeLessThanOrEqual(5);
  });
});

describe("products: collections", () => {
  it("links the checked collections on create and relinks on edit, in the same save", async () => {
    const s = await sellerWithShop();
    await s.client.post(`${ROOT}/admin/${s.slug}/collections`, { title: "Lawn" });
    await s.client.post(`${ROOT}/admin/${s.slug}/collections`, { title: "Eid" });
    const [lawn, eid] = await all<{ id: number }>("SELECT id FROM collections WHERE shop_id = ? ORDER BY position", s.shopId);
    const form = await s.client.get(`${ROOT}/admin/${s.slug}/products/new`);
    expect(form.text).toContain(`name="collection" value="${lawn!.id}"`);
    const id = await addProduct(s, { collection: [String(lawn!.id), String(eid!.id)] });
    const linked = async () => (await inShop(s.shopId).all<{ collection_id: number }>("SELECT collection_id FROM collection_products WHERE product_id = ? ORDER BY collection_id", id)).map((r) => r.collection_id);
    expect(await linked()).toEqual([lawn!.id, eid!.id]);
    const v = (await inShop(s.shopId).one<{ id: number }>("SELECT id FROM variants WHERE product_id = ?", id))!;
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}`, productForm({ v0_id: String(v.id), collection: String(eid!.id) }))).status).toBe(303);
    expect(await linked()).toEqual([eid!.id]);
    const edit = await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`);
    expect(edit.text).toMatch(new RegExp(`name="collection" value="${eid!.id}" checked`));
  });
});

describe("products: one batch per save", () => {
  it("a save the database refuses half-way (stock CHECK) changes nothing at all", async () => {
    const { updateProduct } = await import("./products");
    const s = await sellerWithShop();
    const id = await addProduct(s, { opt1Name: "Size", opt1Values: "S, M", v0_key: "S", v0_stock: "3", v1_key: "M", v1_stock: "4" });
    const before = { p: await inShop(s.shopId).one("SELECT * FROM products WHERE id = ?", id), v: await inShop(s.shopId).all("SELECT * FROM variants WHERE product_id = ? ORDER BY id", id), shop: await inShop(s.shopId).one("SELECT version FROM shops WHERE id = ?", s.shopId) };
    const vs = await inShop(s.shopId).all<{ id: number }>("SELECT id FROM variants WHERE product_id = ? ORDER BY position", id);
    const input = {
      title: "Changed title",
      description: "",
      status: "active" as const,
      trackStock: true,
      options: ["Size"],
      collectionIds: [],
      variants: [
        { id: vs[0]!.id, title: "S", option1: "S", option2: null, option3: null, sku: null, price: 100, compareAtPrice: null, stock: 10 },
        { title: "L", option1: "L", option2: null, option3: null, sku: null, price: 100, compareAtPrice: null, stock: -1 },
      ],
    };
    await expect(updateProduct(await shopDb(s.shopId), s.shopId, id, input)).rejects.toThrow();
    expect({ p: await inShop(s.shopId).one("SELECT * FROM products WHERE id = ?", id), v: await inShop(s.shopId).all("SELECT * FROM variants WHERE product_id = ? ORDER BY id", id), shop: await inShop(s.shopId).one("SELECT version FROM shops WHERE id = ?", s.shopId) }).toEqual(before);
  });
});
