/**
 * Collection membership and manual order: a product save changes only the links that changed
 * (a featured section keeps its order), the collection editor pages through any number of
 * products and a save there touches only what its page showed, and every reorder is ONE batch
 * whose positions stay a permutation, in a shop of 1,000 products.
 */
import { describe, expect, it } from "vitest";
import { MAX_COLLECTION_PRODUCTS, PICKER_PAGE } from "./schema";
import { MAX_PRODUCT_COLLECTIONS } from "../products/form";
import { addProduct, all, decode, inShop, one, productForm, shardOf, type Shop } from "../../test/admin-helpers";
import { seedProducts } from "../../test/catalog-fixtures";
import { ROOT, sellerWithShop, shopD1, shopOrigin } from "../../test/helpers";

const base = (s: Shop) => `${ROOT}/admin/${s.slug}/collections`;
const trips = (h: Headers) => Number(/d1q;dur=(\d+)/.exec(h.get("server-timing") ?? "")![1]);
const statements = (h: Headers) => Number(/d1s;dur=(\d+)/.exec(h.get("server-timing") ?? "")![1]);

/** The collection's members in their order, and their positions. */
async function order(s: Shop, collectionId: number) {
  return all<{ product_id: number; position: number }>("SELECT product_id, position FROM collection_products WHERE shop_id = ? AND collection_id = ? ORDER BY position, product_id DESC", s.shopId, collectionId);
}
const ids = async (s: Shop, collectionId: number) => (await order(s, collectionId)).map((r) => r.product_id);

/**
 * Creates the collection through the editor, a page of ticked products at a time (as a seller
 * saves it: each save adds its page at the end, in order).
 */
async function createCollection(s: Shop, title: string, productIds: number[]): Promise<number> {
  const pages = Array.from({ length: Math.ceil(productIds.length / PICKER_PAGE) }, (_, i) => productIds.slice(i * PICKER_PAGE, (i + 1) * PICKER_PAGE).map(String));
  const res = await s.client.post(base(s), { title, product: pages[0] ?? [] });
  expect(res.status).toBe(303);
  const id = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ? AND title = ?", s.shopId, title))!.id;
  for (const page of pages.slice(1)) expect((await s.client.post(`${base(s)}/${id}`, { title, product: page, shown: page })).status).toBe(303);
  return id;
}

/** A collection of these products in this order, written straight to D1 (for the cap's size). */
async function seedCollection(s: Shop, title: string, productIds: number[]): Promise<number> {
  const id = await createCollection(s, title, []);
  await (await shopD1(s.shopId)).prepare("INSERT INTO collection_products (shop_id, collection_id, product_id, position) SELECT ?1, ?2, value, key FROM json_each(?3)").bind(s.shopId, id, JSON.stringify(productIds)).run();
  return id;
}

/** The product form as the edit page would post it, with these collections ticked. */
async function saveProduct(s: Shop, id: number, collections: number[]) {
  const p = (await inShop(s.shopId).one<{ title: string }>("SELECT title FROM products WHERE id = ?", id))!;
  const v = (await inShop(s.shopId).one<{ id: number }>("SELECT id FROM variants WHERE product_id = ?", id))!;
  return s.client.post(`${ROOT}/admin/${s.slug}/products/${id}`, productForm({ title: p.title, v0_id: String(v.id), collection: collections.map(String) }));
}

describe("a product save changes only the links that changed", () => {
  it("keeps a featured collection's order; a new link goes to the end, a removed one goes", async () => {
    const s = await sellerWithShop();
    const p: number[] = [];
    for (const title of ["Lawn suit", "Chiffon dupatta", "Khussa", "Jhumka earrings", "Silk shawl"]) p.push(await addProduct(s, { title }));
    const featured = await createCollection(s, "Eid specials", p.slice(0, 4));
    const other = await createCollection(s, "Wedding", [p[0]!]);
    expect(await ids(s, featured)).toEqual(p.slice(0, 4));
    // Editing the dupatta, ticking the same collection, leaves the collection's order alone.
    expect((await saveProduct(s, p[1]!, [featured])).status).toBe(303);
    expect(await ids(s, featured)).toEqual(p.slice(0, 4));
    // The seller puts the earrings first.
    expect((await s.client.post(`${base(s)}/${featured}/order`, { product: String(p[3]), to: "1" })).status).toBe(303);
    const seller = [p[3]!, p[0]!, p[1]!, p[2]!];
    expect(await ids(s, featured)).toEqual(seller);
    // Editing the dupatta (still in Eid specials, now also in Wedding) leaves Eid specials alone.
    expect((await saveProduct(s, p[1]!, [featured, other])).status).toBe(303);
    expect(await ids(s, featured)).toEqual(seller);
    expect(await ids(s, other)).toEqual([p[0]!, p[1]!]);
    // The shawl joins Eid specials at the end; the khussa leaves it; the rest keep their places.
    expect((await saveProduct(s, p[4]!, [featured])).status).toBe(303);
    expect((await saveProduct(s, p[2]!, [])).status).toBe(303);
    expect(await ids(s, featured)).toEqual([p[3]!, p[0]!, p[1]!, p[4]!]);
    // The home page features them in that order.
    const home = decode((await s.client.get(`${shopOrigin(s.slug)}/`)).text);
    const at = (title: string) => home.indexOf(title);
    expect(at("Jhumka earrings")).toBeLessThan(at("Lawn suit"));
    expect(at("Lawn suit")).toBeLessThan(at("Chiffon dupatta"));
    expect(at("Chiffon dupatta")).toBeLessThan(at("Silk shawl"));
  });

  it(`refuses more than ${MAX_PRODUCT_COLLECTIONS} collections for one product, beside the field, saving nothing`, async () => {
    const s = await sellerWithShop();
    await (await shopD1(s.shopId)).prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
       INSERT INTO collections (shop_id, slug, title, position) SELECT ?1, 'eid-' || n, 'Eid ' || n, n FROM seq`,
    )
      .bind(s.shopId, MAX_PRODUCT_COLLECTIONS + 1)
      .run();
    const cols = (await all<{ id: number }>("SELECT id FROM collections WHERE shop_id = ? ORDER BY position", s.shopId)).map((r) => String(r.id));
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products`, productForm({ title: "Bridal lehenga", collection: cols }));
    expect(res.status).toBe(400);
    expect(decode(res.text)).toContain(`A product can be in at most ${MAX_PRODUCT_COLLECTIONS} collections.`);
    expect(res.text).toContain('value="Bridal lehenga"');
    expect(await one("SELECT id FROM products WHERE shop_id = ?", s.shopId)).toBeNull();
    const id = await addProduct(s, { title: "Bridal lehenga", collection: cols.slice(0, MAX_PRODUCT_COLLECTIONS) });
    expect((await inShop(s.shopId).all("SELECT collection_id FROM collection_products WHERE product_id = ?", id)).length).toBe(MAX_PRODUCT_COLLECTIONS);
  });
});

/** The collection editor's page: the ids it shows, the ones ticked, and its "More" link. */
function pickerOf(html: string) {
  const shown = [...html.matchAll(/name="shown" value="(\d+)"/g)].map((m) => Number(m[1]));
  const ticked = [...html.matchAll(/name="product" value="(\d+)" checked/g)].map((m) => Number(m[1]));
  const more = [...html.matchAll(/<a class="btn small ghost" href="([^"]+)">More<\/a>/g)].map((m) => m[1]!.replace(/&amp;/g, "&")).find((h) => h.includes("after="));
  return { shown, ticked, more };
}

describe("the collection editor pages through any number of products", () => {
  it("a collection of 1,000 products edited on page 3 keeps everything else", async () => {
    const s = await sellerWithShop();
    const members = await seedProducts(s.shopId, 1000);
    const outside = await seedProducts(s.shopId, 120, "Block-print scarf"); // newer: they fill pages 1-3
    const cid = await createCollection(s, "Summer lawn", members);
    const before = await order(s, cid);
    expect(before.length).toBe(1000);

    let page = await s.client.get(`${base(s)}/${cid}`);
    expect(page.status).toBe(200);
    for (let i = 1; i < 3; i++) page = await s.client.get(ROOT + pickerOf(page.text).more!);
    const p3 = pickerOf(page.text);
    expect(p3.shown.length).toBe(50);
    // Page 3 holds the last 20 scarves (not members) and the newest 30 members.
    expect(p3.shown.filter((x) => outside.includes(x)).length).toBe(20);
    expect(p3.ticked.sort((x, y) => x - y)).toEqual(p3.shown.filter((x) => members.includes(x)).sort((x, y) => x - y));
    // Untick 5 members, tick 2 scarves.
    const untick = p3.ticked.slice(0, 5);
    const tick = p3.shown.filter((x) => outside.includes(x)).slice(0, 2);
    const product = [...p3.ticked.filter((x) => !untick.includes(x)), ...tick].map(String);
    const res = await s.client.post(`${base(s)}/${cid}`, { title: "Summer lawn", description: "", product, shown: p3.shown.map(String), after: /after=(\d+)/.exec(page.text)![1]! });
    expect(res.status).toBe(303);
    expect(res.location).toContain("done=saved");
    const after = await order(s, cid);
    expect(after.length).toBe(1000 - 5 + 2);
    // Every other member is still there, in its place; the two scarves are at the end.
    const kept = before.filter((r) => !untick.includes(r.product_id));
    expect(after.slice(0, kept.length)).toEqual(kept);
    expect(after.slice(kept.length).map((r) => r.product_id).sort()).toEqual([...tick].sort());
    // The members list pages too, in order, with each one's place.
    const list = await s.client.get(`${base(s)}/${cid}?mpage=20`);
    expect(list.text).toContain(`<ol class="plist" start="951">`);
  });

  it("searches the products to choose from (title or SKU), the search capped like the product list's", async () => {
    const s = await sellerWithShop();
    await seedProducts(s.shopId, 60);
    const kurta = await addProduct(s, { title: "Handmade embroidered chiffon kurta", v0_sku: "KRT-77" });
    const cid = await createCollection(s, "Kurtas", []);
    for (const q of ["CHIFFON", "KRT-77"]) {
      const res = await s.client.get(`${base(s)}/${cid}?q=${encodeURIComponent(q)}`);
      expect(pickerOf(res.text).shown).toEqual([kurta]);
    }
    expect((await s.client.get(`${base(s)}/${cid}?q=${"%".repeat(101)}&after=x&mpage=-3`)).status).toBe(200);
  });

  it(`holds at most ${MAX_COLLECTION_PRODUCTS} products: at the cap it saves, past it the seller is told beside the products`, async () => {
    const s = await sellerWithShop();
    const ps = await seedProducts(s.shopId, MAX_COLLECTION_PRODUCTS + 1);
    // A save posts one page of products: more than a page at once is refused beside them.
    const past = await s.client.post(base(s), { title: "Everything", product: ps.slice(0, PICKER_PAGE + 1).map(String) });
    expect(past.status).toBe(400);
    expect(decode(past.text)).toContain(`Tick at most ${PICKER_PAGE} products at a time`);
    expect(past.text).toContain('value="Everything"');
    expect(await one("SELECT id FROM collections WHERE shop_id = ?", s.shopId)).toBeNull();
    const cid = await seedCollection(s, "Everything", ps.slice(0, MAX_COLLECTION_PRODUCTS - 1));
    // The last place is taken through the editor, like any other.
    const at = await s.client.post(`${base(s)}/${cid}`, { title: "Everything", product: [String(ps.at(-2))], shown: [String(ps.at(-2))] });
    expect(at.status).toBe(303);
    expect((await order(s, cid)).length).toBe(MAX_COLLECTION_PRODUCTS);
    const one_more = await s.client.post(`${base(s)}/${cid}`, { title: "Everything", product: [String(ps.at(-1))], shown: [String(ps.at(-1))] });
    expect(one_more.status).toBe(400);
    expect(decode(one_more.text)).toContain(`A collection can hold at most ${MAX_COLLECTION_PRODUCTS} products.`);
    expect((await order(s, cid)).length).toBe(MAX_COLLECTION_PRODUCTS);
  });
});

/** The shop's products in the admin's manual order, and their positions. */
const productOrder = (shopId: number) => all<{ id: number; position: number }>("SELECT id, position FROM products WHERE shop_id = ? ORDER BY position, id DESC", shopId);

/** The same moves on a list in memory. */
function model(list: number[], id: number, to: "up" | "down" | number): number[] {
  const out = list.filter((x) => x !== id);
  const i = list.indexOf(id);
  const dest = Math.max(0, Math.min(list.length - 1, to === "up" ? i - 1 : to === "down" ? i + 1 : to));
  out.splice(dest, 0, id);
  return out;
}

describe("a reorder is ONE batch and positions stay a permutation", () => {
  it("moves a product in a shop of 1,000 in one round trip of the same statements as in a shop of 3", async () => {
    const s = await sellerWithShop();
    await seedProducts(s.shopId, 1000);
    // The small shop in the same shard: a shop of another shard reads its record there too (src/admin/load-shop.ts).
    let small = await sellerWithShop();
    while ((await shardOf(small.shopId)) !== (await shardOf(s.shopId))) small = await sellerWithShop();
    const few = await seedProducts(small.shopId, 3);
    await small.client.get(`${ROOT}/admin/${small.slug}/products`); // the first visit also records the session's shop
    const smallMove = await small.client.post(`${ROOT}/admin/${small.slug}/products/${few[1]}/move`, { dir: "up" });
    expect(smallMove.status).toBe(303);

    await s.client.get(`${ROOT}/admin/${s.slug}/products`);
    let expected = (await productOrder(s.shopId)).map((r) => r.id);
    const moves: [number, "up" | "down"][] = [[expected[500]!, "up"], [expected[0]!, "up"], [expected[999]!, "down"], [expected[10]!, "down"], [expected[998]!, "down"]];
    for (const [id, dir] of moves) {
      const res = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/move`, { dir });
      expect(res.status).toBe(303);
      // The session, the membership, and ONE batch: the same as in a shop of 3 products.
      expect(trips(res.headers)).toBe(3);
      expect(trips(res.headers)).toBe(trips(smallMove.headers));
      expect(statements(res.headers)).toBe(statements(smallMove.headers));
      expected = model(expected, id, dir);
      const now = await productOrder(s.shopId);
      expect(now.map((r) => r.id)).toEqual(expected);
      expect(new Set(now.map((r) => r.position)).size).toBe(1000);
    }
    // A move of one place writes two rows.
    const before = await productOrder(s.shopId);
    await s.client.post(`${ROOT}/admin/${s.slug}/products/${expected[300]}/move`, { dir: "up" });
    const after = await productOrder(s.shopId);
    const changed = after.filter((r) => before.find((b) => b.id === r.id)!.position !== r.position);
    expect(changed.length).toBe(2);
  });

  it("numbers a list whose positions are all equal (a CSV import) 0..n-1 on its first move, in the order shown", async () => {
    const s = await sellerWithShop();
    await seedProducts(s.shopId, 200);
    await (await shopD1(s.shopId)).prepare("UPDATE products SET position = 0 WHERE shop_id = ?").bind(s.shopId).run();
    const shown = (await productOrder(s.shopId)).map((r) => r.id);
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products/${shown[100]}/move`, { dir: "down" });
    expect(res.status).toBe(303);
    const now = await productOrder(s.shopId);
    expect(now.map((r) => r.id)).toEqual(model(shown, shown[100]!, "down"));
    expect(now.map((r) => r.position)).toEqual(now.map((_, i) => i));
  });

  it("moves collections and a collection's products, up, down and to a place; the order is a permutation after each", async () => {
    const s = await sellerWithShop();
    const ps = await seedProducts(s.shopId, 300);
    const cid = await createCollection(s, "Wedding", ps);
    let expected = await ids(s, cid);
    expect(expected).toEqual(ps);
    const steps: [number, "up" | "down" | number][] = [[ps[0]!, "down"], [ps[299]!, "up"], [ps[150]!, 0], [ps[5]!, 299], [ps[7]!, 1000], [ps[8]!, "up"], [ps[0]!, "up"]];
    for (const [pid, to] of steps) {
      const body: Record<string, string> = typeof to === "number" ? { product: String(pid), to: String(to + 1) } : { product: String(pid), dir: to };
      const res = await s.client.post(`${base(s)}/${cid}/order`, body);
      expect(res.status).toBe(303);
      expect(trips(res.headers)).toBeLessThanOrEqual(3);
      expected = model(expected, pid, to);
      const now = await order(s, cid);
      expect(now.map((r) => r.product_id)).toEqual(expected);
      expect(new Set(now.map((r) => r.position)).size).toBe(300);
    }
    // A place that is not a number is refused with a message; another shop's product is a 404.
    const bad = await s.client.post(`${base(s)}/${cid}/order`, { product: String(ps[3]), to: "first" });
    expect(bad.status).toBe(400);
    expect(decode(bad.text)).toContain("Enter a whole number.");
    // Another shop in the same shard: ids are per database, so only there is a foreign id a foreign row.
    let other = await sellerWithShop();
    while ((await shardOf(other.shopId)) !== (await shardOf(s.shopId))) other = await sellerWithShop();
    const theirs = await seedProducts(other.shopId, 1);
    expect((await s.client.post(`${base(s)}/${cid}/order`, { product: String(theirs[0]), dir: "up" })).status).toBe(404);

    const c2 = await createCollection(s, "Eid", []);
    const c3 = await createCollection(s, "Mehndi", []);
    const res = await s.client.post(`${base(s)}/${c3}/move`, { dir: "up" });
    expect(res.status).toBe(303);
    expect((await all<{ id: number }>("SELECT id FROM collections WHERE shop_id = ? ORDER BY position, id", s.shopId)).map((r) => r.id)).toEqual([cid, c3, c2]);
  });
});
