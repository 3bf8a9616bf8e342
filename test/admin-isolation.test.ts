/**
 * Tenant isolation: the owner of shop A, using shop B's ids on every catalogue and settings
 * route under her own shop, gets a 404 and shop B is unchanged.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { inShardOf, ROOT, sellerWithShop } from "./helpers";
import { addProduct, all, one, postMultipart } from "./admin-helpers";
import { webp } from "./media-fixtures";

async function snapshot(shopId: number) {
  const tables = ["products", "variants", "product_images", "collections", "collection_products", "pages", "delivery_zones", "memberships", "invitations", "discounts"];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await all(`SELECT * FROM ${t} WHERE shop_id = ? ORDER BY 1, 2`, shopId);
  out.shop = await all("SELECT * FROM shops WHERE id = ?", shopId);
  out.r2 = (await env.MEDIA.list({ prefix: `shops/${shopId}/` })).objects.map((o) => o.key);
  return out;
}

describe("tenant isolation on every admin route", () => {
  it("404s shop B's ids under shop A and leaves shop B unchanged", async () => {
    const a = await sellerWithShop();
    const b = await inShardOf(a.shopId, sellerWithShop);
    // Shop B: a product with a photo, a collection, pages, a zone, a staff invitation.
    const pid = await addProduct(b, { v0_sku: "B-1" });
    const fd = new FormData();
    fd.append("w320", new Blob([webp(320, 240) as Uint8Array<ArrayBuffer>], { type: "image/webp" }), "320.webp");
    expect((await postMultipart(b.client, `${ROOT}/admin/${b.slug}/products/${pid}/photos`, fd, { accept: "application/json" })).status).toBe(200);
    await b.client.post(`${ROOT}/admin/${b.slug}/collections`, { title: "B collection", product: String(pid) });
    await b.client.get(`${ROOT}/admin/${b.slug}/pages`);
    await b.client.post(`${ROOT}/admin/${b.slug}/staff`, { contact: "someone@example.com" });
    await b.client.post(`${ROOT}/admin/${b.slug}/discounts`, { mode: "code", code: "BCODE", kind: "percent", percent: "10", scope: "order", active: "on" });
    const img = (await one<{ id: number; key: string }>("SELECT id, key FROM product_images WHERE shop_id = ?", b.shopId))!;
    const col = (await one<{ id: number }>("SELECT id FROM collections WHERE shop_id = ?", b.shopId))!;
    const page = (await one<{ id: number }>("SELECT id FROM pages WHERE shop_id = ?", b.shopId))!;
    const zone = (await one<{ id: number }>("SELECT id FROM delivery_zones WHERE shop_id = ?", b.shopId))!;
    const inv = (await one<{ id: number }>("SELECT id FROM invitations WHERE shop_id = ?", b.shopId))!;
    const variant = (await one<{ id: number }>("SELECT id FROM variants WHERE shop_id = ?", b.shopId))!;
    const discount = (await one<{ id: number }>("SELECT id FROM discounts WHERE shop_id = ?", b.shopId))!;
    const bOwner = (await one<{ user_id: number }>("SELECT user_id FROM memberships WHERE shop_id = ?", b.shopId))!;
    const before = await snapshot(b.shopId);

    const A = `${ROOT}/admin/${a.slug}`;
    const gets = [`/products/${pid}`, `/collections/${col.id}`, `/pages/${page.id}`, `/media/${img.key}/320.webp`, `/discounts/${discount.id}`];
    for (const path of gets) expect((await a.client.get(A + path)).status, `GET ${path}`).toBe(404);
    const product = { title: "Hacked", price: "1", status: "active", v0_key: "", v0_id: String(variant.id), v0_stock: "0", intent: "save" };
    const posts: [string, Record<string, string>][] = [
      [`/products/${pid}`, product],
      [`/products/${pid}/quick`, { price: "1", [`stock_${variant.id}`]: "0" }],
      [`/products/${pid}/duplicate`, {}],
      [`/products/${pid}/status`, { status: "archived" }],
      [`/products/${pid}/move`, { dir: "up" }],
      [`/products/${pid}/delete`, {}],
      [`/products/${pid}/photos/${img.id}/move`, { dir: "up" }],
      [`/products/${pid}/photos/${img.id}/delete`, {}],
      [`/collections/${col.id}`, { title: "Hacked", product: String(pid) }],
      [`/collections/${col.id}/move`, { dir: "up" }],
      [`/collections/${col.id}/delete`, {}],
      [`/pages/${page.id}`, { title: "Hacked", body: "x", published: "on" }],
      [`/pages/${page.id}/delete`, {}],
      [`/settings/zones/${zone.id}`, { name: "Hacked", fee: "0", freeAbove: "" }],
      [`/settings/zones/${zone.id}/delete`, {}],
      [`/staff/${bOwner.user_id}/remove`, {}],
      [`/discounts/${discount.id}`, { mode: "code", code: "HACKED", kind: "percent", percent: "99", scope: "order", active: "on" }],
      [`/discounts/${discount.id}/active`, { active: "off" }],
      [`/staff/invitations/${inv.id}/cancel`, {}],
    ];
    for (const [path, form] of posts) expect((await a.client.post(A + path, form)).status, `POST ${path}`).toBe(404);
    // Uploading a photo to B's product through A's admin.
    const up = new FormData();
    up.append("w320", new Blob([webp(320, 240) as Uint8Array<ArrayBuffer>], { type: "image/webp" }), "320.webp");
    expect((await postMultipart(a.client, `${A}/products/${pid}/photos`, up, { accept: "application/json" })).status).toBe(404);
    // A's own collection cannot pull in B's product; A's product form cannot link B's collection.
    await a.client.post(`${A}/collections`, { title: "Mine", product: String(pid) });
    expect(await all("SELECT * FROM collection_products WHERE shop_id = ?", a.shopId)).toEqual([]);
    const mine = await addProduct(a, { collection: String(col.id) });
    expect(await all("SELECT * FROM collection_products WHERE product_id = ?", mine)).toEqual([]);
    // A's discount cannot name B's product.
    await a.client.post(`${A}/discounts`, { mode: "code", code: "MINE", kind: "percent", percent: "10", scope: "products", product: String(pid), active: "on" });
    expect(await all("SELECT * FROM discounts WHERE shop_id = ?", a.shopId)).toEqual([]);
    // B's admin itself is a 404 for A.
    expect((await a.client.get(`${ROOT}/admin/${b.slug}/products`)).status).toBe(404);
    expect((await a.client.post(`${ROOT}/admin/${b.slug}/products/${pid}/delete`, {})).status).toBe(404);

    // A theme form naming B's photo as A's logo stores no logo.
    const theme = new FormData();
    for (const [k, v] of Object.entries({ theme: "classic", has_logo: "1", s_logo: JSON.stringify({ key: img.key, widths: [320], width: 320, height: 240, format: "webp" }) })) theme.append(k, v);
    expect((await postMultipart(a.client, `${A}/theme`, theme)).status).toBe(303);
    const aSettings = JSON.parse((await one<{ s: string }>("SELECT theme_settings AS s FROM shops WHERE id = ?", a.shopId))!.s);
    expect(aSettings.logo).toBeNull();

    expect(await snapshot(b.shopId)).toEqual(before);
    expect(before.r2).toHaveLength(1);
    expect(before.discounts).toHaveLength(1);
  });
});
