/**
 * For the shop-version tests (src/tenancy/version*.test.ts): a seller's admin actions, the
 * storefront page a new customer gets next, another shop whose ids must be 404s, and a frozen
 * Date so nothing expires by luck.
 */
import { afterEach, beforeEach, expect, vi } from "vitest";
import { Client, ROOT, sellerWithShop, shopD1, shopOrigin, type Res } from "./helpers";
import { addProduct, all, one, postMultipart, productForm, shardOf, type Shop } from "./admin-helpers";
import { webp } from "./media-fixtures";

export const EN = "Handmade embroidered chiffon kurta with dupatta for weddings";
export const UR = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";

/** The shop's version, from its full row in its shard (the directory's row keeps only slug, name, status and shard). */
export const version = async (shopId: number) => (await (await shopD1(shopId)).prepare("SELECT version FROM shops WHERE id = ?").bind(shopId).first<{ version: number }>())!.version;
export const trips = (res: Res) => Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")![1]);
export const admin = (s: Shop, path: string) => `${ROOT}/admin/${s.slug}${path}`;

/** A storefront page as a new customer gets it (no cookie), through the page cache. */
export const visit = (s: Shop, path: string) => new Client().get(`${shopOrigin(s.slug)}${path}`);

/** Visits `path` until the page cache serves it: a change that is not seen would leave this page. */
export async function warm(s: Shop, path: string): Promise<Res> {
  await visit(s, path);
  const page = await visit(s, path);
  expect(page.headers.get("x-cache"), `${path} is cached`).toBe("hit");
  return page;
}

/** A customer with one unit of the product in her cart: her checkout page (never cached). */
export async function checkoutOf(s: Shop, productId: number) {
  const customer = new Client();
  const variant = await firstVariant(s.shopId, productId);
  expect((await customer.post(`${shopOrigin(s.slug)}/cart/add`, { variant: String(variant), quantity: "1" }, { csrf: false })).status).toBe(303);
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
export async function expectSeen(name: string, s: Shop, o: Seen): Promise<Res> {
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
export async function expectRefused(name: string, s: Shop, act: () => Promise<Res>, status: number): Promise<Res> {
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

/**
 * A seller with a shop, her admin visited once (the session then knows her shop). With `shard`,
 * the shop lands there (new shops go to the emptiest shard: a few tries): another shop's ids are
 * only another shop's in the same database (ids are per shard).
 */
export async function seller(shard?: number): Promise<Shop> {
  let s = await sellerWithShop();
  while (shard !== undefined && (await shardOf(s.shopId)) !== shard) s = await sellerWithShop();
  await s.client.get(admin(s, "/products"));
  return s;
}

export const slugOf = async (shopId: number, table: "products" | "collections" | "pages", id: number) => (await one<{ slug: string }>(`SELECT slug FROM ${table} WHERE shop_id = ? AND id = ?`, shopId, id))!.slug;
export const firstVariant = async (shopId: number, productId: number) => (await one<{ id: number }>("SELECT id FROM variants WHERE shop_id = ? AND product_id = ? ORDER BY position LIMIT 1", shopId, productId))!.id;
export const editForm = async (shopId: number, id: number, over: Record<string, string | string[]> = {}) => productForm({ v0_id: String(await firstVariant(shopId, id)), ...over });

export const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>], { type: "image/webp" });
/** Uploads one photo (the browser's three WebP widths) as the admin's script does. */
export function uploadPhoto(s: Shop, productId: number, width = 1280) {
  const fd = new FormData();
  for (const w of [320, 640, width]) fd.append(`w${w}`, blob(webp(w, Math.round((w * 3) / 4), 64 + w)), `w${w}.webp`);
  return postMultipart(s.client, admin(s, `/products/${productId}/photos`), fd, { accept: "application/json" });
}
export const photoKeys = async (shopId: number, productId: number) => (await all<{ id: number; key: string }>("SELECT id, key FROM product_images WHERE shop_id = ? AND product_id = ? ORDER BY position, id", shopId, productId));

export const CSV_HEADER = "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Inventory Tracker,Variant Inventory Qty,Variant Price,Variant Compare At Price,Image Src,Status";
export function importCsv(s: Shop, rows: string[]) {
  const fd = new FormData();
  fd.append("file", new Blob([[CSV_HEADER, ...rows].join("\n")], { type: "text/csv" }), "products.csv");
  return postMultipart(s.client, admin(s, "/csv/import"), fd);
}

/** Another seller's shop with one of everything: its ids are 404s for ours. */
export async function otherShop() {
  const o = await seller();
  const product = await addProduct(o, { title: "Lawn suit of another shop" });
  expect((await uploadPhoto(o, product)).status).toBe(200);
  await o.client.post(admin(o, "/collections"), { title: "Another shop's collection", product: String(product) });
  await o.client.post(admin(o, "/pages"), { title: "Another shop's page", body: "Hello", published: "on" });
  const id = async (sql: string) => (await one<{ id: number }>(sql, o.shopId))!.id;
  return {
    product,
    image: await id("SELECT id FROM product_images WHERE shop_id = ?"),
    collection: await id("SELECT id FROM collections WHERE shop_id = ?"),
    page: await id("SELECT id FROM pages WHERE shop_id = ?"),
    zone: await id("SELECT id FROM delivery_zones WHERE shop_id = ?"),
    shard: await shardOf(o.shopId),
  };
}

/** Date frozen in every test of the file (the page cache's clock): call at the file's top level. */
export function freezeDate() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
