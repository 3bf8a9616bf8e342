/**
 * The shop version rule (the catalogue here; CSV, settings, theme and the wizard in
 * version-settings.test.ts): every admin action that changes what a customer sees bumps
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
import { shopD1 } from "../../test/helpers";
import { beforeAll, describe, expect, it } from "vitest";
import { addProduct, all, one, productForm } from "../../test/admin-helpers";
import { webp } from "../../test/media-fixtures";
import { MAX_PAGES } from "../pages/schema";
import { MAX_COLLECTIONS } from "../collections/schema";
import { MAX_PHOTOS } from "../products/form";
import { EN, UR, admin, editForm, expectRefused, expectSeen, firstVariant, freezeDate, otherShop, photoKeys, seller, slugOf, trips, uploadPhoto, version, visit, warm } from "../../test/version-fixtures";

freezeDate();

/** Another seller's shop with one of everything: its ids are 404s for ours. */
let other: Awaited<ReturnType<typeof otherShop>>;
beforeAll(async () => {
  other = await otherShop();
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
    const path = `/products/${await slugOf(s.shopId, "products", id)}`;
    await expectSeen("product edit", s, {
      trips: 6,
      path,
      act: async () => s.client.post(admin(s, `/products/${id}`), await editForm(s.shopId, id, { title: UR, price: "4,750" })),
      shows: (p) => p.text.includes(UR),
    });
    await expectSeen("product quick edit", s, {
      trips: 4,
      path,
      act: async () => s.client.post(admin(s, `/products/${id}/quick`), { price: "3,199", [`stock_${await firstVariant(s.shopId, id)}`]: "7" }),
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
    const s = await seller(other.shard);
    const id = await addProduct(s, { title: EN, v0_sku: "KRT-CHF-001" });
    const post = (path: string, form: Record<string, string | string[]>) => () => s.client.post(admin(s, path), form);
    await expectRefused("create without a title", s, post("/products", productForm({ title: "" })), 400);
    await expectRefused("create with a SKU taken", s, post("/products", productForm({ title: UR, v0_sku: "KRT-CHF-001" })), 400);
    await expectRefused("edit without a title", s, post(`/products/${id}`, await editForm(s.shopId, id, { title: "" })), 400);
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
    const path = `/products/${await slugOf(s.shopId, "products", id)}`;
    await expectSeen("photo add", s, { trips: 5, path, act: () => uploadPhoto(s, id), status: 200, shows: (p) => p.text.includes(`/media/shops/${s.shopId}/`) });
    await uploadPhoto(s, id, 1200);
    const [first, second] = await photoKeys(s.shopId, id);
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
    const s = await seller(other.shard);
    const id = await addProduct(s, { title: EN });
    await uploadPhoto(s, id);
    const [only] = await photoKeys(s.shopId, id);
    await expectRefused("move of the first photo up", s, () => s.client.post(admin(s, `/products/${id}/photos/${only!.id}/move`), { dir: "up" }), 303);
    await expectRefused("move of another shop's photo", s, () => s.client.post(admin(s, `/products/${other.product}/photos/${other.image}/move`), { dir: "down" }), 404);
    await expectRefused("delete of another shop's photo", s, () => s.client.post(admin(s, `/products/${other.product}/photos/${other.image}/delete`), {}), 404);
    await expectRefused("delete of another shop's photo through our product", s, () => s.client.post(admin(s, `/products/${id}/photos/${other.image}/delete`), {}), 404);
    await expectRefused("photo for another shop's product", s, () => uploadPhoto(s, other.product), 404);
    await (await shopD1(s.shopId)).prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?3)
       INSERT INTO product_images (shop_id, product_id, key, widths, format, width, height, alt, position) SELECT ?1, ?2, ?4, '320', 'webp', 320, 240, '', n FROM seq`,
    ).bind(s.shopId, id, MAX_PHOTOS - 1, only!.key).run();
    await expectRefused("photo past the cap", s, () => uploadPhoto(s, id), 400);
  });
});

describe("pages", () => {
  it("the default pages, create, edit, delete each bump once and show on the storefront", async () => {
    const s = await seller();
    // The first visit: the page's batch (session, membership, pages: none yet), the defaults'
    // write, then the list read again.
    await expectSeen("default pages", s, { trips: 3, path: "/", act: () => s.client.get(admin(s, "/pages")), status: 200, shows: (p) => p.text.includes("/pages/about") });
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
    const path = `/pages/${await slugOf(s.shopId, "pages", id)}`;
    await expectSeen("page edit", s, {
      trips: 4,
      path,
      act: () => s.client.post(admin(s, `/pages/${id}`), { title: "Eid delivery times", body: EN, published: "on" }),
      shows: (p) => p.text.includes(EN),
    });
    await expectSeen("page delete", s, { trips: 3, path, act: () => s.client.post(admin(s, `/pages/${id}/delete`), {}), shows: (p) => p.status === 404 });
  });

  it("refuses without a bump: the cap reached, a validation error, another shop's page", async () => {
    const s = await seller(other.shard);
    await expectRefused("page without a title", s, () => s.client.post(admin(s, "/pages"), { title: "", body: EN }), 400);
    await expectRefused("edit of another shop's page", s, () => s.client.post(admin(s, `/pages/${other.page}`), { title: "Mine", body: EN }), 404);
    await expectRefused("delete of another shop's page", s, () => s.client.post(admin(s, `/pages/${other.page}/delete`), {}), 404);
    await (await shopD1(s.shopId)).prepare(
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
    const path = `/collections/${await slugOf(s.shopId, "collections", eid)}`;
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
    const s = await seller(other.shard);
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
    await (await shopD1(s.shopId)).prepare(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?2)
       INSERT INTO collections (shop_id, slug, title, position) SELECT ?1, 'c-' || n, 'Collection ' || n, n FROM seq`,
    ).bind(s.shopId, MAX_COLLECTIONS - 1).run();
    await expectRefused("collection past the cap", s, () => s.client.post(admin(s, "/collections"), { title: "One too many" }), 400);
  });
});
