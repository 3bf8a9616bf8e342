/**
 * D1 refuses a LIKE/GLOB pattern over 50 bytes, and only when a row is compared: every test here
 * has rows in the table first. Long Pakistani titles (English and Urdu) save with readable,
 * unique slugs; product and order searches at their cap (ASCII, Urdu, `%`, `_`, quotes) and one
 * past it are never a 500.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { productListQuerySchema } from "./form";
import { listQuerySchema } from "../orders/schemas";
import { addProduct, all, decode, one } from "../../test/admin-helpers";
import { placeOrderAt, shopWithCatalogue } from "../../test/checkout-fixtures";
import { ROOT, sellerWithShop } from "../../test/helpers";

const KURTA = "Handmade embroidered chiffon kurta with dupatta for weddings";
const KURTA_LONG = "Handmade embroidered chiffon kurta with dupatta for mehndi and weddings"; // 71 characters
const URDU = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

/** A field's cap as a boundary suite reads it: from the schema's JSON Schema (raw input). */
export function capOf(schema: z.ZodType, field: string): number {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, { maxLength?: number; maxItems?: number }> };
  const p = json.properties[field]!;
  return (p.maxLength ?? p.maxItems)!;
}

const slugOf = async (table: string, id: number) => (await one<{ slug: string }>(`SELECT slug FROM ${table} WHERE id = ?`, id))!.slug;

describe("long titles get readable, unique slugs (no LIKE pattern built from the title)", () => {
  it("products: 60+ character English titles, the same title twice, long Urdu titles", async () => {
    const s = await sellerWithShop();
    await addProduct(s, { title: "Lawn suit" }); // a row, so that a bad pattern is compared
    const a = await addProduct(s, { title: KURTA });
    expect(await slugOf("products", a)).toBe("handmade-embroidered-chiffon-kurta-with-dupatta-for-weddings");
    const b = await addProduct(s, { title: KURTA });
    expect(await slugOf("products", b)).toBe("handmade-embroidered-chiffon-kurta-with-dupatta-for-weddings-2");
    const c = await addProduct(s, { title: KURTA });
    expect(await slugOf("products", c)).toBe("handmade-embroidered-chiffon-kurta-with-dupatta-for-weddings-3");
    // Past 60 characters the slug is cut at a word boundary, never inside a word.
    const d = await addProduct(s, { title: KURTA_LONG });
    const e = await addProduct(s, { title: KURTA_LONG });
    expect(await slugOf("products", d)).toBe("handmade-embroidered-chiffon-kurta-with-dupatta-for-mehndi");
    expect(await slugOf("products", e)).toBe("handmade-embroidered-chiffon-kurta-with-dupatta-for-mehndi-2");
    // A 200-character title (the cap) of one long word is cut at 60.
    const f = await addProduct(s, { title: "k".repeat(200) });
    expect(await slugOf("products", f)).toBe("k".repeat(60));
    const u1 = await addProduct(s, { title: URDU });
    const u2 = await addProduct(s, { title: URDU });
    const [s1, s2] = [await slugOf("products", u1), await slugOf("products", u2)];
    expect(s1).toMatch(/^p-[a-z0-9]{4,6}$/);
    expect(s2).toMatch(/^p-[a-z0-9]{4,6}$/);
    expect(s1).not.toBe(s2);
    expect((await s.client.get(`https://${s.slug}.hatti.test/products/${await slugOf("products", b)}`)).status).toBe(200);
  });

  it("collections and pages: the same long title twice", async () => {
    const s = await sellerWithShop();
    const cols = `${ROOT}/admin/${s.slug}/collections`;
    await s.client.post(cols, { title: "Lawn" });
    const title = "Handmade embroidered chiffon kurtas for weddings and mehndi"; // 59 characters
    for (let i = 0; i < 2; i++) expect((await s.client.post(cols, { title })).status).toBe(303);
    const slugs = (await all<{ slug: string }>("SELECT slug FROM collections WHERE shop_id = ? ORDER BY id", s.shopId)).map((r) => r.slug);
    expect(slugs).toEqual(["lawn", "handmade-embroidered-chiffon-kurtas-for-weddings-and-mehndi", "handmade-embroidered-chiffon-kurtas-for-weddings-and-mehndi-2"]);
    expect((await s.client.post(cols, { title: URDU })).status).toBe(303);

    const pages = `${ROOT}/admin/${s.slug}/pages`;
    await s.client.get(pages); // the three default pages
    for (let i = 0; i < 2; i++) expect((await s.client.post(pages, { title: KURTA, body: "Delivery in 3 days.", published: "on" })).status).toBe(303);
    const pslugs = (await all<{ slug: string }>("SELECT slug FROM pages WHERE shop_id = ? ORDER BY id", s.shopId)).map((r) => r.slug);
    expect(pslugs.slice(3)).toEqual(["handmade-embroidered-chiffon-kurta-with-dupatta-for-weddings", "handmade-embroidered-chiffon-kurta-with-dupatta-for-weddings-2"]);
    expect((await s.client.post(pages, { title: URDU, body: "" })).status).toBe(303);
  });

  it("the taken-slug lookup reads the shop's slug index as one range", async () => {
    const { takenSlugsQuery } = await import("../db/slugs");
    const { products } = await import("../db/schema");
    const { db } = await import("../../test/helpers");
    const { sql, params } = takenSlugsQuery(db(), products, 1, "handmade-kurta").toSQL();
    const plan = (await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>()).results.map((r) => r.detail).join(" | ");
    expect(plan).toMatch(/SEARCH products USING (COVERING )?INDEX products_shop_slug_uq \(shop_id=\? AND slug>\? AND slug<\?\)/);
  });
});

/** Search terms at the cap and one past it; `max` is read from the schema. */
function terms(max: number): [string, string][] {
  return [
    ["ASCII", "a".repeat(max)],
    ["Urdu", "ک".repeat(max)],
    ["percent signs", "%".repeat(max)],
    ["underscores", "_".repeat(max)],
    ["quotes", `'"`.repeat(max / 2)],
    ["backslashes", "\\".repeat(max)],
    ["one past the cap", "b".repeat(max + 1)],
    ["Urdu one past the cap", "ش".repeat(max + 1)],
  ];
}

describe("admin product search", () => {
  const max = capOf(productListQuerySchema, "q");

  it("declares its cap on the query schema", () => {
    expect(max).toBe(100);
  });

  it("finds titles case-insensitively, and by SKU; % and _ are plain characters", async () => {
    const s = await sellerWithShop();
    await addProduct(s, { title: KURTA, v0_sku: "KRT-1" });
    await addProduct(s, { title: "100% cotton lawn_suit" });
    await addProduct(s, { title: URDU });
    const list = async (q: string) => decode((await s.client.get(`${ROOT}/admin/${s.slug}/products?q=${encodeURIComponent(q)}`)).text);
    expect(await list("CHIFFON KURTA")).toContain(KURTA);
    expect(await list("KRT-1")).toContain(KURTA);
    expect(await list("100%")).toContain("100% cotton lawn_suit");
    expect(await list("0% c")).toContain("100% cotton lawn_suit");
    expect(await list("n_s")).toContain("100% cotton lawn_suit");
    expect(await list("%")).not.toContain(KURTA);
    expect(await list("_")).not.toContain(KURTA);
    expect(await list("شیفون")).toContain(URDU);
  });

  for (const [name, q] of terms(max)) {
    it(`${name} (${q.length} characters): never a 500; past the cap the first ${max} are searched and the seller is told`, async () => {
      const s = await sellerWithShop();
      await addProduct(s, { title: KURTA });
      await addProduct(s, { title: q.slice(0, 200) });
      const res = await s.client.get(`${ROOT}/admin/${s.slug}/products?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const html = decode(res.text);
      expect(html).toContain(`value="${q.slice(0, max)}"`);
      // The product titled with the term is found (its row links to it); the kurta is not.
      expect(html).toMatch(new RegExp(`<a href="/admin/${s.slug}/products/\\d+" dir="auto">`));
      expect(html).not.toContain(KURTA);
      if (q.length > max) expect(html).toContain(`Only the first ${max} characters are searched.`);
      else expect(html).not.toContain("characters are searched");
    });
  }
});

describe("admin order search", () => {
  const max = capOf(listQuerySchema, "q");

  it("finds names case-insensitively; % and _ are plain characters", async () => {
    const { seller, dupatta, zone, origin } = await shopWithCatalogue();
    await placeOrderAt(origin, zone.id, [[dupatta.id, 1]], { name: "Ayesha Bibi" });
    await placeOrderAt(origin, zone.id, [[dupatta.id, 1]], { name: "عائشہ بی بی" });
    const base = `${ROOT}/admin/${seller.slug}/orders`;
    const names = async (q: string) => decode((await seller.client.get(`${base}?q=${encodeURIComponent(q)}`)).text);
    expect(await names("ayesha")).toContain("Ayesha Bibi");
    expect(await names("BIBI")).toContain("Ayesha Bibi");
    expect(await names("عائشہ")).toContain("عائشہ بی بی");
    expect(await names("%")).toContain("No orders match.");
    expect(await names("_")).toContain("No orders match.");
  });

  for (const [name, q] of terms(max)) {
    it(`${name} (${q.length} characters): never a 500; past the cap the first ${max} are searched`, async () => {
      const { seller, dupatta, zone, origin } = await shopWithCatalogue();
      await placeOrderAt(origin, zone.id, [[dupatta.id, 1]], { name: "Ayesha Bibi" });
      const res = await seller.client.get(`${ROOT}/admin/${seller.slug}/orders?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain("No orders match.");
      expect(decode(res.text)).toContain(`value="${q.slice(0, max)}"`);
    });
  }
});
