import { describe, expect, it } from "vitest";
import { Client, ROOT, sellerWithShop, shopOrigin } from "../../test/helpers";
import { addProduct, all, decode, inShop, one } from "../../test/admin-helpers";

describe("collections", () => {
  it("creates, fills, renames, orders and deletes collections; the storefront menu shows them", async () => {
    const s = await sellerWithShop();
    const p1 = await addProduct(s, { title: "Kurta" });
    const p2 = await addProduct(s, { title: "Dupatta" });
    const base = `${ROOT}/admin/${s.slug}/collections`;
    const empty = await s.client.post(base, { title: " " });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Please enter a title.");
    expect(await all("SELECT id FROM collections WHERE shop_id = ?", s.shopId)).toEqual([]);
    expect((await s.client.post(base, { title: "Summer lawn", product: [String(p1), String(p2)] })).status).toBe(303);
    expect((await s.client.post(base, { title: "Eid specials", product: String(p2) })).status).toBe(303);
    const cols = await all<{ id: number; slug: string; title: string }>("SELECT id, slug, title FROM collections WHERE shop_id = ? ORDER BY position", s.shopId);
    expect(cols.map((c) => c.slug)).toEqual(["summer-lawn", "eid-specials"]);
    expect((await inShop(s.shopId).all("SELECT product_id FROM collection_products WHERE collection_id = ? ORDER BY position", cols[0]!.id)).length).toBe(2);
    expect((await s.client.post(`${base}/${cols[1]!.id}/move`, { dir: "up" })).status).toBe(303);
    expect((await all<{ title: string }>("SELECT title FROM collections WHERE shop_id = ? ORDER BY position", s.shopId)).map((c) => c.title)).toEqual(["Eid specials", "Summer lawn"]);
    // The editor showed both products and the seller unticked p2: only what was shown changes.
    expect((await s.client.post(`${base}/${cols[0]!.id}`, { title: "Lawn", product: String(p1), shown: [String(p1), String(p2)] })).status).toBe(303);
    expect(await inShop(s.shopId).all("SELECT product_id FROM collection_products WHERE collection_id = ?", cols[0]!.id)).toEqual([{ product_id: p1 }]);
    const store = await new Client().get(`${shopOrigin(s.slug)}/`);
    expect(store.text).toContain("/collections/summer-lawn");
    expect((await s.client.post(`${base}/${cols[0]!.id}/delete`, {})).status).toBe(303);
    expect(await inShop(s.shopId).one("SELECT id FROM collections WHERE id = ?", cols[0]!.id)).toBeNull();
  });
});

describe("pages", () => {
  it("creates about, delivery & returns and contact with template text, edits them as plain text", async () => {
    const s = await sellerWithShop();
    const list = await s.client.get(`${ROOT}/admin/${s.slug}/pages`);
    expect(list.status).toBe(200);
    const rows = await all<{ id: number; slug: string; body: string }>("SELECT id, slug, body FROM pages WHERE shop_id = ? ORDER BY position", s.shopId);
    expect(rows.map((r) => r.slug)).toEqual(["about", "delivery-returns", "contact"]);
    expect(rows[0]!.body).toContain("Ayesha's Kitchen");
    // Visiting again does not duplicate them.
    await s.client.get(`${ROOT}/admin/${s.slug}/pages`);
    expect((await all("SELECT id FROM pages WHERE shop_id = ?", s.shopId)).length).toBe(3);
    const bad = await s.client.post(`${ROOT}/admin/${s.slug}/pages/${rows[0]!.id}`, { title: "", body: "kept text" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("kept text");
    const body = "We ship in 2 days.\n<script>alert(1)</script>\nSee https://example.com";
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/pages/${rows[1]!.id}`, { title: "Shipping", body, published: "on" })).status).toBe(303);
    expect(await inShop(s.shopId).one("SELECT title, body, published FROM pages WHERE id = ?", rows[1]!.id)).toEqual({ title: "Shipping", body, published: 1 });
    const edit = await s.client.get(`${ROOT}/admin/${s.slug}/pages/${rows[1]!.id}`);
    expect(edit.text).not.toContain("<script>alert(1)</script>");
    expect(decode(edit.text)).toContain("<script>alert(1)</script>");
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/pages`, { title: "Size guide", body: "S = 36", published: "" })).status).toBe(303);
    expect(await one("SELECT slug, published FROM pages WHERE shop_id = ? AND title = 'Size guide'", s.shopId)).toEqual({ slug: "size-guide", published: 0 });
  });
});

describe("Urdu admin", () => {
  it("shows the catalogue and settings pages right to left in Urdu, with Urdu validation messages", async () => {
    const s = await sellerWithShop();
    await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    const form = await s.client.get(`${ROOT}/admin/${s.slug}/products/new`);
    expect(form.text).toContain('dir="rtl"');
    expect(form.text).toContain("قیمت (روپے)");
    const bad = await s.client.post(`${ROOT}/admin/${s.slug}/products`, { title: "لان", price: "-1", status: "active", v0_key: "", v0_stock: "" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("قیمت منفی نہیں ہو سکتی۔");
    for (const path of ["theme", "settings", "settings/payments", "settings/zones", "staff", "collections", "pages", "csv", "shop"]) {
      const page = await s.client.get(`${ROOT}/admin/${s.slug}/${path}`);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain('lang="ur"');
    }
  });
});
