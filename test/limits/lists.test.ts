/**
 * The boundary suite for lists: every list a seller or a customer fills has a cap declared once,
 * and at the cap it still works; one past it she is told why, and nothing changed.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MAX_ZONES } from "../../src/settings/schema";
import { MAX_COLLECTIONS } from "../../src/collections/schema";
import { MAX_PAGES } from "../../src/pages/schema";
import { MAX_PHOTOS } from "../../src/products/form";
import { addProduct, postMultipart } from "../admin-helpers";
import { webp } from "../media-fixtures";
import { MAX_LINES } from "../../src/checkout/cart";
import { MAX_QUERY } from "../../src/storefront/routes";
import { seedProduct, shopWithCatalogue } from "../checkout-fixtures";
import { Client, ROOT, sellerWithShop, uniq, shopD1 } from "../helpers";
import { fieldState, snapshot, textOf } from "./harness";

describe("delivery zones", () => {
  it(`a shop has up to ${MAX_ZONES}; the next is refused beside the name, nothing saved`, async () => {
    const s = await sellerWithShop();
    const url = `${ROOT}/admin/${s.slug}/settings/zones`;
    const count = async () => (await (await shopD1(s.shopId)).prepare("SELECT COUNT(*) AS n FROM delivery_zones WHERE shop_id = ?").bind(s.shopId).first<{ n: number }>())!.n;
    for (let n = await count(); n < MAX_ZONES; n++) expect((await s.client.post(url, { name: `Zone ${n}`, fee: "200", freeAbove: "" })).status).toBe(303);
    expect(await count()).toBe(MAX_ZONES);
    const before = await snapshot();
    const res = await s.client.post(url, { name: "Gilgit", fee: "900", freeAbove: "" });
    expect(res.status).toBe(400);
    const state = fieldState(res.text, "name", url);
    expect(state?.invalid).toBe(true);
    expect(state?.message).toContain(`at most ${MAX_ZONES} delivery zones`);
    expect(state?.value).toBe("Gilgit");
    expect(await snapshot()).toEqual(before);
  });

  it("two racing posts cannot pass the cap", async () => {
    const s = await sellerWithShop();
    const url = `${ROOT}/admin/${s.slug}/settings/zones`;
    const have = (await (await shopD1(s.shopId)).prepare("SELECT COUNT(*) AS n FROM delivery_zones WHERE shop_id = ?").bind(s.shopId).first<{ n: number }>())!.n;
    for (let n = have; n < MAX_ZONES - 1; n++) await s.client.post(url, { name: `Zone ${n}`, fee: "200", freeAbove: "" });
    const both = await Promise.all([1, 2, 3].map((i) => s.client.post(url, { name: `Race ${i}`, fee: "200", freeAbove: "" })));
    expect(both.map((r) => r.status).sort()).toEqual([303, 400, 400]);
    expect((await (await shopD1(s.shopId)).prepare("SELECT COUNT(*) AS n FROM delivery_zones WHERE shop_id = ?").bind(s.shopId).first<{ n: number }>())!.n).toBe(MAX_ZONES);
  });
});

describe("cart lines", () => {
  it(`a cart holds ${MAX_LINES} different items; the next is refused with a message, the cart unchanged`, async () => {
    const shop = await shopWithCatalogue();
    const vs = [];
    for (let i = 0; i <= MAX_LINES; i++) vs.push(...(await seedProduct(shop.seller.shopId, { title: `Handmade embroidered chiffon kurta ${i + 1}`, variants: [{ title: "Default", price: 100_000 + i, stock: 5 }] })));
    const customer = new Client();
    const headers = { "cf-connecting-ip": uniq("ip") };
    for (const v of vs.slice(0, MAX_LINES)) expect((await customer.post(`${shop.origin}/cart/add`, { variant: String(v.id) }, { csrf: false, headers })).status).toBe(303);
    const cart = await customer.get(`${shop.origin}/cart`, headers);
    expect(cart.text.match(/name="quantity"/g)?.length).toBe(MAX_LINES);
    const cookie = customer.cookieHeader(shop.origin);
    const res = await customer.post(`${shop.origin}/cart/add`, { variant: String(vs[MAX_LINES]!.id) }, { csrf: false, headers });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`Your cart is full (${MAX_LINES} different items)`);
    expect(customer.cookieHeader(shop.origin)).toBe(cookie);
    // At the cap, the cart still checks out.
    expect((await customer.get(`${shop.origin}/checkout`, headers)).status).toBe(200);
  });
});

describe("storefront search terms", () => {
  const terms = (n: number) => ({
    English: textOf(n, "en"),
    Urdu: textOf(n, "ur"),
    percent: "%".repeat(n),
    underscore: "_".repeat(n),
    quotes: `"'`.repeat(n).slice(0, n),
  });

  it(`a search of ${MAX_QUERY} characters of any kind finds what it should; a longer paste searches its first ${MAX_QUERY}`, async () => {
    const shop = await shopWithCatalogue();
    await seedProduct(shop.seller.shopId, { title: textOf(MAX_QUERY, "en") });
    await seedProduct(shop.seller.shopId, { title: textOf(MAX_QUERY, "ur") });
    const customer = new Client();
    for (const [kind, q] of Object.entries(terms(MAX_QUERY))) {
      const res = await customer.get(`${shop.origin}/search?q=${encodeURIComponent(q)}`);
      expect(res.status, kind).toBe(200);
      if (kind === "English" || kind === "Urdu") expect(res.text.match(/<li class="card"/g)?.length ?? 0, kind).toBeGreaterThan(0);
    }
    for (const [kind, q] of Object.entries(terms(MAX_QUERY + 1))) {
      const res = await customer.get(`${shop.origin}/search?q=${encodeURIComponent(q)}`);
      expect(res.status, kind).toBe(200);
      // The search box shows what was searched: the first MAX_QUERY characters.
      const box = /<input[^>]*name="q"[^>]*value="([^"]*)"/.exec(res.text)?.[1];
      expect(box?.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").length, kind).toBeLessThanOrEqual(MAX_QUERY);
    }
  });
});

/** Adds rows straight to D1 up to one short of a cap (the boundary is what is tested through the form). */
async function fillTo(table: string, shopId: number, n: number, row: (i: number) => Record<string, unknown>) {
  for (let i = 0; i < n; i++) {
    const r = row(i);
    const cols = Object.keys(r);
    await (await shopD1(shopId)).prepare(`INSERT INTO ${table} (shop_id, ${cols.join(", ")}) VALUES (?, ${cols.map(() => "?").join(", ")})`).bind(shopId, ...Object.values(r)).run();
  }
}

describe("content pages", () => {
  it(`a shop has up to ${MAX_PAGES}; the next is refused beside the title, nothing saved`, async () => {
    const s = await sellerWithShop();
    await fillTo("pages", s.shopId, MAX_PAGES - 1, (i) => ({ slug: `page-${i}`, title: `Page ${i}`, body: "" }));
    const url = `${ROOT}/admin/${s.slug}/pages`;
    expect((await s.client.post(url, { title: "Delivery and returns", body: "Across Pakistan.", published: "on" })).status).toBe(303);
    const before = await snapshot();
    const res = await s.client.post(url, { title: "واپسی کی پالیسی", body: "سات دن۔", published: "on" });
    expect(res.status).toBe(400);
    const state = fieldState(res.text, "title", url);
    expect(state?.message).toContain(`at most ${MAX_PAGES} pages`);
    expect(state?.value).toBe("واپسی کی پالیسی");
    expect(await snapshot()).toEqual(before);
  });
});

describe("collections", () => {
  it(`a shop has up to ${MAX_COLLECTIONS}; the next is refused beside the title, nothing saved`, async () => {
    const s = await sellerWithShop();
    await fillTo("collections", s.shopId, MAX_COLLECTIONS - 1, (i) => ({ slug: `c-${i}`, title: `Collection ${i}`, position: i }));
    const url = `${ROOT}/admin/${s.slug}/collections`;
    expect((await s.client.post(url, { title: "Eid collection", description: "" })).status).toBe(303);
    // The product form shows every collection, at the cap too.
    expect((await s.client.get(`${ROOT}/admin/${s.slug}/products/new`)).text.match(/name="collection"/g)?.length).toBe(MAX_COLLECTIONS);
    const before = await snapshot();
    const res = await s.client.post(url, { title: "شادی کے جوڑے", description: "" });
    expect(res.status).toBe(400);
    const state = fieldState(res.text, "title", url);
    expect(state?.message).toContain(`at most ${MAX_COLLECTIONS} collections`);
    expect(state?.value).toBe("شادی کے جوڑے");
    expect(await snapshot()).toEqual(before);
  });
});

describe("photos of a product", () => {
  it(`a product has up to ${MAX_PHOTOS}; the next upload is refused with a message, R2 and D1 unchanged`, async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { title: "Handmade embroidered chiffon kurta with dupatta for weddings" });
    const url = `${ROOT}/admin/${s.slug}/products/${id}/photos`;
    const upload = (i: number) => {
      const fd = new FormData();
      fd.append("w320", new File([webp(320, 400 + i) as BlobPart], "p.webp", { type: "image/webp" }));
      return postMultipart(s.client, url, fd, { accept: "application/json" });
    };
    for (let i = 0; i < MAX_PHOTOS; i++) expect((await upload(i)).status).toBe(200);
    const objects = (await env.MEDIA.list({ prefix: `shops/${s.shopId}/` })).objects.length;
    const before = await snapshot();
    const res = await upload(MAX_PHOTOS);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error).toContain(`at most ${MAX_PHOTOS} photos`);
    expect(await snapshot()).toEqual(before);
    expect((await env.MEDIA.list({ prefix: `shops/${s.shopId}/` })).objects.length).toBe(objects);
    // Without JavaScript, picking more files than are left is refused whole.
    const page = await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}?photoError=media.tooMany`);
    expect(page.text).toContain(`at most ${MAX_PHOTOS} photos`);
    // A link's own text is never shown as an error.
    expect((await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}?photoError=Call+0300+to+verify`)).text).not.toContain("Call 0300");
  });
});
