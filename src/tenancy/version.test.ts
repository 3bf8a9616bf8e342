/**
 * The shop version rule: every admin action that changes what a customer sees bumps
 * `shops.version` by exactly one, in the same D1 batch as the change, and the storefront shows
 * the change at once — fetched before and after through the real page cache and the isolate's
 * shop record (a stale page is the failure that matters). A refused action (a cap reached, a
 * validation error, another shop's id, a move that moves nothing) leaves the version, and so
 * every cached page, as it was.
 *
 * The clock is frozen (vitest's fake Date): no cache entry expires during a test, so a change
 * that forgot its bump, or a route that forgot to drop the isolate's shop record, shows a stale
 * page here instead of passing by luck on a slow machine.
 */
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Client, createShop, ROOT, sellerWithShop, shopOrigin, signUp, uniq, type Res } from "../../test/helpers";
import { addProduct, all, one, postMultipart, productForm, type Shop } from "../../test/admin-helpers";
import { webp } from "../../test/media-fixtures";
import { MAX_PAGES } from "../pages/schema";
import { MAX_COLLECTIONS } from "../collections/schema";
import { MAX_ZONES } from "../settings/schema";
import { MAX_PHOTOS } from "../products/form";

const EN = "Handmade embroidered chiffon kurta with dupatta for weddings";
const UR = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

const version = async (shopId: number) => (await one<{ version: number }>("SELECT version FROM shops WHERE id = ?", shopId))!.version;
const trips = (res: Res) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")![1]);
const admin = (s: Shop, path: string) => `${ROOT}/admin/${s.slug}${path}`;

/** A storefront page as a new customer gets it (no cookie), through the page cache. */
const visit = (s: Shop, path: string) => new Client().get(`${shopOrigin(s.slug)}${path}`);

/** Visits `path` until the page cache serves it: a change that is not seen would leave this page. */
async function warm(s: Shop, path: string): Promise<Res> {
  await visit(s, path);
  const page = await visit(s, path);
  expect(page.headers.get("x-cache"), `${path} is cached`).toBe("hit");
  return page;
}

/** A customer with one unit of the product in her cart: her checkout page (never cached). */
async function checkoutOf(s: Shop, productId: number) {
  const customer = new Client();
  const v = (await one<{ id: number }>("SELECT id FROM variants WHERE product_id = ? ORDER BY position LIMIT 1", productId))!;
  expect((await customer.post(`${shopOrigin(s.slug)}/cart/add`, { variant: String(v.id), quantity: "1" }, { csrf: false })).status).toBe(303);
  return () => customer.get(`${shopOrigin(s.slug)}/checkout`);
}

interface Seen {
  /** The storefront page that shows the change (a path, fetched through the page cache). */
  path?: string;
  /** Or a page of hers that is never cached but reads the shop record (her checkout). */
  page?: () => Promise<Res>;
  act: () => Promise<Res>;
  /** What a saved action answers. */
  status?: number;
  /** True once the page shows the change. */
  shows: (page: Res) => boolean;
  /**
   * The action's D1 round trips: the session, the membership, then the action's own (its
   * reads, and its change with the version bump in ONE batch).
   */
  trips: number;
}

/** The action bumps the version by exactly one and the page a customer gets next shows it. */
async function expectSeen(name: string, s: Shop, o: Seen): Promise<Res> {
  const page = o.page ?? (() => visit(s, o.path!));
  const before = o.path ? await warm(s, o.path) : await page();
  expect(o.shows(before), `${name}: not shown before`).toBe(false);
  const v0 = await version(s.shopId);
  const res = await o.act();
  expect(res.status, `${name}: ${res.text.slice(0, 300)}`).toBe(o.status ?? 303);
  expect(await version(s.shopId), `${name}: version`).toBe(v0 + 1);
  const after = await page();
  if (o.path) expect(after.headers.get("x-cache"), `${name}: a fresh page`).toBe("miss");
  expect(o.shows(after), `${name}: shown after`).toBe(true);
  expect(trips(res), `${name}: D1 round trips`).toBe(o.trips);
  return res;
}

/** The action is refused (or changes nothing): same version, and the cached home page is still served. */
async function expectRefused(name: string, s: Shop, act: () => Promise<Res>, status: number): Promise<Res> {
  const home = await warm(s, "/");
  const v0 = await version(s.shopId);
  const res = await act();
  expect(res.status, `${name}: ${res.text.slice(0, 300)}`).toBe(status);
  expect(await version(s.shopId), `${name}: version unchanged`).toBe(v0);
  const again = await visit(s, "/");
  expect(again.headers.get("x-cache"), `${name}: the cached page is still good`).toBe("hit");
  expect(again.text).toBe(home.text);
  return res;
}

/** A seller with a shop, her admin visited once (the session then knows her shop). */
async function seller(): Promise<Shop> {
  const s = await sellerWithShop();
  await s.client.get(admin(s, "/products"));
  return s;
}

const slugOf = async (table: "products" | "collections" | "pages", id: number) => (await one<{ slug: string }>(`SELECT slug FROM ${table} WHERE id = ?`, id))!.slug;
const firstVariant = async (productId: number) => (await one<{ id: number }>("SELECT id FROM variants WHERE product_id = ? ORDER BY position LIMIT 1", productId))!.id;
const editForm = async (id: number, over: Record<string, string | string[]> = {}) => productForm({ v0_id: String(await firstVariant(id)), ...over });

const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>], { type: "image/webp" });
/** Uploads one photo (the browser's three WebP widths) as the admin's script does. */
function uploadPhoto(s: Shop, productId: number, width = 1280) {
  const fd = new FormData();
  for (const w of [320, 640, width]) fd.append(`w${w}`, blob(webp(w, Math.round((w * 3) / 4), 64 + w)), `w${w}.webp`);
  return postMultipart(s.client, admin(s, `/products/${productId}/photos`), fd, { accept: "application/json" });
}
const photoKeys = async (productId: number) => (await all<{ id: number; key: string }>("SELECT id, key FROM product_images WHERE product_id = ? ORDER BY position, id", productId));

const CSV_HEADER = "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Inventory Tracker,Variant Inventory Qty,Variant Price,Variant Compare At Price,Image Src,Status";
function importCsv(s: Shop, rows: string[]) {
  const fd = new FormData();
  fd.append("file", new Blob([[CSV_HEADER, ...rows].join("\n")], { type: "text/csv" }), "products.csv");
  return postMultipart(s.client, admin(s, "/csv/import"), fd);
}

/** Another seller's shop with one of everything: its ids are 404s for ours. */
let other: { product: number; image: number; collection: number; page: number; zone: number };

beforeAll(async () => {
  const o = await seller();
  const product = await addProduct(o, { title: "Lawn suit of another shop" });
  expect((await uploadPhoto(o, product)).status).toBe(200);
  await o.client.post(admin(o, "/collections"), { title: "Another shop's collection", product: String(product) });
  await o.client.post(admin(o, "/pages"), { title: "Another shop's page", body: "Hello", published: "on" });
  const id = async (sql: string) => (await one<{ id: number }>(sql, o.shopId))!.id;
  other = {
    product,
    image: await id("SELECT id FROM product_images WHERE shop_id = ?"),
    collection: await id("SELECT id FROM collections WHERE shop_id = ?"),
    page: await id("SELECT id FROM pages WHERE shop_id = ?"),
    zone: await id("SELECT id FROM delivery_zones WHERE shop_id = ?"),
  };
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("products: each change bumps the version once and shows on the storefront", () => {
  it("create, edit, quick edit, status, delete", async () => {
    const s = await seller();
    await expectSeen("product create", s, {
      trips: 5,
      path: "/collections/all",
      act: () => s.client.post(admin(s, "/products"), productForm({ title: EN, price: "4,750" })),
      shows: (p) => p.text.includes(EN),
    });
    const id = (await one<{ id: number }>("SELECT id FROM products WHERE shop_id = ?", s.shopId))!.id;
    const path = `/products/${await slugOf("products", id)}`;
    await expectSeen("product edit", s, {
      trips: 6,
      path,
      act: async () => s.client.post(admin(s, `/products/${id}`), await editForm(id, { title: UR, price: "4,750" })),
      shows: (p) => p.text.includes(UR),
    });
    await expectSeen("product quick edit", s, {
      trips: 4,
      path,
      act: async () => s.client.post(admin(s, `/products/${id}/quick`), { price: "3,199", [`stock_${await firstVariant(id)}`]: "7" }),
      shows: (p) => p.text.includes("3,199"),
    });
    await expectSeen("product status", s, {
      trips: 3,
      path,
      act: () => s.client.post(admin(s, `/products/${id}/status`), { status: "draft" }),
      shows: (p) => p.status === 404,
    });
    await s.client.post(admin(s, `/products/${id}/status`), { status: "active" });
    await expectSeen("product delete", s, {
      trips: 3,
      path,
      act: () => s.client.post(admin(s, `/products/${id}/delete`), {}),
      shows: (p) => p.status === 404,
    });
  });

  it("refuses without a bump: a validation error, a SKU taken, another shop's product", async () => {
    const s = await seller();
    const id = await addProduct(s, { title: EN, v0_sku: "KRT-CHF-001" });
    const post = (path: string, form: Record<string, string | string[]>) => () => s.client.post(admin(s, path), form);
    await expectRefused("create without a title", s, post("/products", productForm({ title: "" })), 400);
    await expectRefused("create with a SKU taken", s, post("/products", productForm({ title: UR, v0_sku: "KRT-CHF-001" })), 400);
    await expectRefused("edit without a title", s, post(`/products/${id}`, await editForm(id, { title: "" })), 400);
    await expectRefused("quick edit of a bad price", s, post(`/products/${id}/quick`, { price: "abc" }), 400);
    await expectRefused("edit of another shop's product", s, post(`/products/${other.product}`, productForm()), 404);
    await expectRefused("quick edit of another shop's product", s, post(`/products/${other.product}/quick`, { price: "1" }), 404);
    await expectRefused("status of another shop's product", s, post(`/products/${other.product}/status`, { status: "draft" }), 404);
    await expectRefused("delete of another shop's product", s, post(`/products/${other.product}/delete`, {}), 404);
    await expectRefused("move of another shop's product", s, post(`/products/${other.product}/move`, { dir: "up" }), 404);
  });

  it("a product's place in the admin list is the seller's own order: the storefront never shows it, so no bump", async () => {
    const s = await seller();
    const a = await addProduct(s, { title: EN });
    await addProduct(s, { title: UR });
    const home = await warm(s, "/");
    const v0 = await version(s.shopId);
    const res = await s.client.post(admin(s, `/products/${a}/move`), { dir: "up" });
    expect(res.status).toBe(303);
    expect((await all<{ id: number }>("SELECT id FROM products WHERE shop_id = ? ORDER BY position", s.shopId))[0]!.id).toBe(a);
    expect(await version(s.shopId)).toBe(v0);
    const again = await visit(s, "/");
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(again.text).toBe(home.text);
    expect(trips(res)).toBe(3);
  });
});

describe("photos", () => {
  it("add, move, delete each bump once and show on the product page", async () => {
    const s = await seller();
    const id = await addProduct(s, { title: EN });
    const path = `/products/${await slugOf("products", id)}`;
    await expectSeen("photo add", s, { trips: 5, path, act: () => uploadPhoto(s, id), status: 200, shows: (p) => p.text.includes(`/media/shops/${s.shopId}/`) });
    await uploadPhoto(s, id, 1200);
    const [first, second] = await photoKeys(id);
    await expectSeen("photo move", s, {
      trips: 3,
      path,
      act: () => s.client.post(admin(s, `/products/${id}/photos/${second!.id}/move`), { dir: "up" }),
      shows: (p) => p.text.indexOf(second!.key) < p.text.indexOf(first!.key),
    });
    await expectSeen("photo delete", s, {
      trips: 5,
      path,
      act: () => s.client.post(admin(s, `/products/${id}/photos/${second!.id}/delete`), {}),
      shows: (p) => !p.text.includes(second!.key) && p.text.includes(first!.key),
    });
  });

  it("refuses without a bump: the cap reached, another shop's photo or product, a move that moves nothing", async () => {
    const s = await seller();
    const id = await addProduct(s, { title: EN });
    await uploadPhoto(s, id);
    const [only] = await photoKeys(id);
    await expectRefused("move of the first photo up", s, () => s.client.post(admin(s, `/products/${id}/photos/${only!.id}/move`), { dir: "up" }), 303);
    await expectRefused("move of another shop's photo", s, () => s.client.post(admin(s, `/products/${other.product}/photos/${other.image}/move`), { dir: "down" }), 404);
    await expectRefused("delete of another shop's photo", s, () => s.client.post(admin(s, `/products/${other.product}/photos/${other.image}/delete`), {}), 404);
    await expectRefused("delete of another shop's photo through our product", s, () => s.client.post(admin(s, `/products/${id}/photos/${other.image}/delete`), {}), 404);
    await expectRefused("photo for another shop's product", s, () => uploadPhoto(s, other.product), 404);
    await env.DB.prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?3)
       INSERT INTO product_images (shop_id, product_id, key, widths, format, width, height, alt, position) SELECT ?1, ?2, ?4, '320', 'webp', 320, 240, '', n FROM seq`,
    ).bind(s.shopId, id, MAX_PHOTOS - 1, only!.key).run();
    await expectRefused("photo past the cap", s, () => uploadPhoto(s, id), 400);
  });
});

describe("pages", () => {
  it("the default pages, create, edit, delete each bump once and show on the storefront", async () => {
    const s = await seller();
    await expectSeen("default pages", s, { trips: 5, path: "/", act: () => s.client.get(admin(s, "/pages")), status: 200, shows: (p) => p.text.includes("/pages/about") });
    // Visiting again creates nothing: no bump.
    const v = await version(s.shopId);
    expect((await s.client.get(admin(s, "/pages"))).status).toBe(200);
    expect(await version(s.shopId)).toBe(v);
    await expectSeen("page create", s, {
      trips: 4,
      path: "/",
      act: () => s.client.post(admin(s, "/pages"), { title: "Eid delivery times", body: UR, published: "on" }),
      shows: (p) => p.text.includes("Eid delivery times"),
    });
    const id = (await one<{ id: number }>("SELECT id FROM pages WHERE shop_id = ? AND title = 'Eid delivery times'", s.shopId))!.id;
    const path = `/pages/${await slugOf("pages", id)}`;
    await expectSeen("page edit", s, {
      trips: 4,
      path,
      act: () => s.client.post(admin(s, `/pages/${id}`), { title: "Eid delivery times", body: EN, published: "on" }),
      shows: (p) => p.text.includes(EN),
    });
    await expectSeen("page delete", s, { trips: 3, path, act: () => s.client.post(admin(s, `/pages/${id}/delete`), {}), shows: (p) => p.status === 404 });
  });

  it("refuses without a bump: the cap reached, a validation error, another shop's page", async () => {
    const s = await seller();
    await expectRefused("page without a title", s, () => s.client.post(admin(s, "/pages"), { title: "", body: EN }), 400);
    await expectRefused("edit of another shop's page", s, () => s.client.post(admin(s, `/pages/${other.page}`), { title: "Mine", body: EN }), 404);
    await expectRefused("delete of another shop's page", s, () => s.client.post(admin(s, `/pages/${other.page}/delete`), {}), 404);
    await env.DB.prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
       INSERT INTO pages (shop_id, slug, title, body, position) SELECT ?1, 'p-' || n, 'Page ' || n, '', n FROM seq`,
    ).bind(s.shopId, MAX_PAGES).run();
    await expectRefused("page past the cap", s, () => s.client.post(admin(s, "/pages"), { title: "One too many", body: EN, published: "on" }), 400);
  });
});

describe("collections", () => {
  it("create, edit, members added and removed, member order, move, delete each bump once and show on the storefront", async () => {
    const s = await seller();
    const a = await addProduct(s, { title: EN });
    const b = await addProduct(s, { title: UR });
    await expectSeen("collection create", s, {
      trips: 5,
      path: "/",
      act: () => s.client.post(admin(s, "/collections"), { title: "Eid collection", description: "", product: [String(a), String(b)] }),
      shows: (p) => p.text.includes("Eid collection"),
    });
    const eid = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ?", s.shopId))!.id;
    const path = `/collections/${await slugOf("collections", eid)}`;
    await expectSeen("collection edit", s, {
      trips: 4,
      path,
      act: () => s.client.post(admin(s, `/collections/${eid}`), { title: "Eid ul Fitr collection", description: "", product: [String(a), String(b)], shown: [String(a), String(b)] }),
      shows: (p) => p.text.includes("Eid ul Fitr collection"),
    });
    await expectSeen("collection member removed", s, {
      trips: 4,
      path,
      act: () => s.client.post(admin(s, `/collections/${eid}`), { title: "Eid ul Fitr collection", description: "", product: String(a), shown: [String(a), String(b)] }),
      shows: (p) => !p.text.includes(UR),
    });
    await expectSeen("collection member added", s, {
      trips: 4,
      path,
      act: () => s.client.post(admin(s, `/collections/${eid}`), { title: "Eid ul Fitr collection", description: "", product: String(b), shown: [] }),
      shows: (p) => p.text.includes(UR),
    });
    // The home page features the first collection in its own order: a, then b.
    await expectSeen("collection member order", s, {
      trips: 3,
      path: "/",
      act: () => s.client.post(admin(s, `/collections/${eid}/order`), { product: String(b), dir: "up" }),
      shows: (p) => p.text.indexOf(UR) < p.text.indexOf(EN),
    });
    expect((await s.client.post(admin(s, "/collections"), { title: "Wedding wear", description: "" })).status).toBe(303);
    const wedding = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ? AND title = 'Wedding wear'", s.shopId))!.id;
    await expectSeen("collection move", s, {
      trips: 3,
      path: "/",
      act: () => s.client.post(admin(s, `/collections/${wedding}/move`), { dir: "up" }),
      shows: (p) => p.text.indexOf("Wedding wear") < p.text.indexOf("Eid ul Fitr collection"),
    });
    await expectSeen("collection delete", s, { trips: 3, path, act: () => s.client.post(admin(s, `/collections/${eid}/delete`), {}), shows: (p) => p.status === 404 });
  });

  it("refuses without a bump: the cap reached, a validation error, another shop's collection, a move that moves nothing", async () => {
    const s = await seller();
    const a = await addProduct(s, { title: EN });
    await s.client.post(admin(s, "/collections"), { title: "Eid collection", product: String(a) });
    const eid = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ?", s.shopId))!.id;
    await expectRefused("collection without a title", s, () => s.client.post(admin(s, "/collections"), { title: " " }), 400);
    await expectRefused("edit of another shop's collection", s, () => s.client.post(admin(s, `/collections/${other.collection}`), { title: "Mine" }), 404);
    await expectRefused("delete of another shop's collection", s, () => s.client.post(admin(s, `/collections/${other.collection}/delete`), {}), 404);
    await expectRefused("move of another shop's collection", s, () => s.client.post(admin(s, `/collections/${other.collection}/move`), { dir: "up" }), 404);
    await expectRefused("member order in another shop's collection", s, () => s.client.post(admin(s, `/collections/${other.collection}/order`), { product: String(other.product), dir: "up" }), 404);
    await expectRefused("move of the first collection up", s, () => s.client.post(admin(s, `/collections/${eid}/move`), { dir: "up" }), 303);
    await expectRefused("member order of the first product up", s, () => s.client.post(admin(s, `/collections/${eid}/order`), { product: String(a), dir: "up" }), 303);
    await env.DB.prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
       INSERT INTO collections (shop_id, slug, title, position) SELECT ?1, 'c-' || n, 'Collection ' || n, n FROM seq`,
    ).bind(s.shopId, MAX_COLLECTIONS - 1).run();
    await expectRefused("collection past the cap", s, () => s.client.post(admin(s, "/collections"), { title: "One too many" }), 400);
  });
});

describe("CSV import", () => {
  it("an import bumps once and shows; a file with only bad rows bumps nothing", async () => {
    const s = await seller();
    await expectSeen("CSV import", s, {
      trips: 4,
      path: "/collections/all",
      act: () => importCsv(s, [`eid-kurta,${EN},,,,,TRUE,Title,Default Title,,,KRT-1,shopify,4,4750,,,active`]),
      status: 200,
      shows: (p) => p.text.includes(EN),
    });
    await expectRefused("CSV with only bad rows", s, () => importCsv(s, [`eid-kurta-2,,,,,,TRUE,Title,Default Title,,,,shopify,4,abc,,,active`]), 400);
  });
});

describe("settings and theme", () => {
  it("details, payment methods, zones (add, edit, delete) and the theme each bump once and show", async () => {
    const s = await seller();
    const product = await addProduct(s, { title: EN });
    const checkout = await checkoutOf(s, product);
    const details = { description: "", whatsapp: "", phone: "", email: "", city: "Lahore", currency: "PKR", locale: "en" };
    await expectSeen("settings details", s, {
      trips: 3,
      path: "/",
      act: () => s.client.post(admin(s, "/settings"), { ...details, name: "Ayesha's Eid Boutique" }),
      shows: (p) => p.text.includes("Ayesha&#39;s Eid Boutique") || p.text.includes("Ayesha's Eid Boutique"),
    });
    await expectSeen("settings payments", s, {
      trips: 3,
      page: checkout,
      act: () => s.client.post(admin(s, "/settings/payments"), { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "Ayesha Khan", jazzcashNumber: "03001234567" }),
      shows: (p) => p.text.includes('value="jazzcash"'),
    });
    await expectSeen("zone add", s, {
      trips: 3,
      page: checkout,
      act: () => s.client.post(admin(s, "/settings/zones"), { name: "Karachi Saddar", fee: "250", freeAbove: "" }),
      shows: (p) => p.text.includes("Karachi Saddar"),
    });
    const zone = (await one<{ id: number }>("SELECT id FROM delivery_zones WHERE shop_id = ? AND name = 'Karachi Saddar'", s.shopId))!.id;
    await expectSeen("zone edit", s, {
      trips: 3,
      page: checkout,
      act: () => s.client.post(admin(s, `/settings/zones/${zone}`), { name: "Karachi Clifton", fee: "300", freeAbove: "5000" }),
      shows: (p) => p.text.includes("Karachi Clifton"),
    });
    await expectSeen("zone delete", s, { trips: 3, page: checkout, act: () => s.client.post(admin(s, `/settings/zones/${zone}/delete`), {}), shows: (p) => !p.text.includes("Karachi Clifton") });
    await expectSeen("theme save", s, {
      trips: 3,
      path: "/",
      act: () => s.client.post(admin(s, "/theme"), { theme: "classic", has_announcement: "1", s_announcement: "Eid sale: free delivery in Lahore" }),
      shows: (p) => p.text.includes("Eid sale: free delivery in Lahore"),
    });
  });

  it("refuses without a bump: validation errors, the zones' cap, another shop's zone", async () => {
    const s = await seller();
    await expectRefused("details without a name", s, () => s.client.post(admin(s, "/settings"), { name: "", city: "Lahore", currency: "PKR", locale: "en" }), 400);
    await expectRefused("a wallet without its number", s, () => s.client.post(admin(s, "/settings/payments"), { codEnabled: "on", jazzcashEnabled: "on", jazzcashTitle: "Ayesha Khan", jazzcashNumber: "" }), 400);
    await expectRefused("a zone without a name", s, () => s.client.post(admin(s, "/settings/zones"), { name: "", fee: "250" }), 400);
    await expectRefused("edit of another shop's zone", s, () => s.client.post(admin(s, `/settings/zones/${other.zone}`), { name: "Mine", fee: "250", freeAbove: "" }), 404);
    await expectRefused("delete of another shop's zone", s, () => s.client.post(admin(s, `/settings/zones/${other.zone}/delete`), {}), 404);
    await expectRefused("a theme announcement past its cap", s, () => s.client.post(admin(s, "/theme"), { theme: "classic", has_announcement: "1", s_announcement: "x".repeat(121) }), 400);
    await env.DB.prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
       INSERT INTO delivery_zones (shop_id, name, fee, position) SELECT ?1, 'Zone ' || n, 100, n FROM seq`,
    ).bind(s.shopId, MAX_ZONES - 1).run();
    await expectRefused("a zone past the cap", s, () => s.client.post(admin(s, "/settings/zones"), { name: "One too many", fee: "250" }), 400);
  });
});

describe("the wizard", () => {
  it("an address visited before its shop existed shows the new shop at once", async () => {
    const slug = uniq("eidbazaar");
    const missing = await new Client().get(`${shopOrigin(slug)}/`);
    expect(missing.status).toBe(404);
    await createShop(await signUp(), { slug, name: "Eid Bazaar Lahore" });
    const made = await new Client().get(`${shopOrigin(slug)}/`);
    expect(made.status).toBe(200);
    expect(made.text).toContain("Eid Bazaar Lahore");
  });
});
