/**
 * Issue 15, section 6: photos on the first product form (uploads start before the product
 * exists; without JavaScript the files go with the form's POST), in the order she chose, the
 * first the main photo, and her whole order saved with one POST. Real local D1 and R2.
 */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../index";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ROOT, sellerWithShop, shopD1, shopDb, shopOrigin, Client } from "../../test/helpers";
import { addProduct, all, decode, inShop, one, postMultipart, productForm, shardOf, type Shop } from "../../test/admin-helpers";
import { ascii, png, webp } from "../../test/media-fixtures";
import { MAX_PENDING_PER_SHOP, MAX_PHOTOS, pendingPhotoSchema, photoOrderSchema, productFormSchema } from "./form";
import { createProduct } from "./products";

const TITLE = "Handmade embroidered chiffon kurta with dupatta for weddings";
const URDU = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے";
const blob = (b: Uint8Array, type = "image/webp") => new Blob([b as Uint8Array<ArrayBuffer>], { type });
const objects = async (shopId: number) => (await env.MEDIA.list({ prefix: `shops/${shopId}/` })).objects.map((o) => o.key).sort();
const images = (shopId: number, productId: number) => all<{ id: number; key: string; position: number }>("SELECT id, key, position FROM product_images WHERE shop_id = ? AND product_id = ? ORDER BY position, id", shopId, productId);
const pendingRows = (shopId: number) => all<{ id: number; key: string; form: string }>("SELECT id, key, form FROM pending_uploads WHERE shop_id = ? ORDER BY id", shopId);
const version = async (shopId: number) => (await inShop(shopId).one<{ version: number }>("SELECT version FROM shops WHERE id = ?", shopId))!.version;
const FORM = "form-token-0123456789abc";

/** The new form posted as the browser does (multipart), with `files` as `photo` parts (none: the empty part a browser sends). */
async function postNew(s: Shop, fields: Record<string, string | string[]>, files: { name: string; bytes: Uint8Array; type?: string }[] = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  if (!files.length) fd.append("photo", new Blob([], { type: "application/octet-stream" }), "");
  for (const f of files) fd.append("photo", blob(f.bytes, f.type ?? "image/png"), f.name);
  return postMultipart(s.client, `${ROOT}/admin/${s.slug}/products`, fd);
}

/** One photo uploaded ahead, as the island sends it: its width files and the form's token. */
async function uploadPending(s: Shop, form: string, size: number) {
  const fd = new FormData();
  fd.append("photoForm", form);
  fd.append("w320", blob(webp(320, 240, size)), "320.webp");
  fd.append("w640", blob(webp(640, 480, size + 1)), "640.webp");
  const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/products/pending`, fd, { accept: "application/json" });
  return { status: res.status, body: JSON.parse(res.text) as { ok: boolean; id?: number; src?: string; error?: string } };
}

const idOf = (location: string | null | undefined) => Number(/products\/(\d+)/.exec(location ?? "")![1]);
const pendingInputs = (html: string) => [...html.matchAll(/<input type="hidden" name="pending" value="(\d+)"/g)].map((m) => Number(m[1]));

describe("photos on the new-product form, without JavaScript (files in the same POST)", () => {
  it("creates the product with its photos in the order chosen; the first is the main photo on the card and the storefront", async () => {
    const s = await sellerWithShop();
    const page = await s.client.get(`${ROOT}/admin/${s.slug}/products/new`);
    // The photo field is on the first form, a labelled button (not the browser's "Choose files"), in a multipart form.
    expect(page.text).toMatch(/<form method="post" action="\/admin\/[^"]+\/products" id="product-form" enctype="multipart\/form-data"/);
    expect(page.text).toContain('<label class="btn ghost" for="photo-input">Add photos (camera or gallery)</label>');
    const form = /name="photoForm" value="([A-Za-z0-9_-]{16,32})"/.exec(page.text)![1]!;
    const front = await png(60, 40, [180, 60, 40]);
    const back = await png(50, 40, [40, 90, 160]);
    const res = await postNew(s, productForm({ title: TITLE, photoForm: form }), [
      { name: "front.png", bytes: front },
      { name: "back.png", bytes: back },
    ]);
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/\?done=createdPhotos$/);
    const id = idOf(res.location);
    const imgs = await images(s.shopId, id);
    expect(imgs.map((i) => i.position)).toEqual([0, 1]);
    const widths = await inShop(s.shopId).all<{ width: number }>("SELECT width FROM product_images WHERE product_id = ? ORDER BY position", id);
    expect(widths.map((w) => w.width)).toEqual([60, 50]);
    expect(await pendingRows(s.shopId)).toEqual([]);
    expect((await objects(s.shopId)).length).toBe(2);
    // The card shows the first chosen; the storefront's product page shows it first.
    const card = await inShop(s.shopId).one<{ card_image: string }>("SELECT card_image FROM products WHERE id = ?", id);
    expect(card!.card_image.startsWith(`${imgs[0]!.key}|`)).toBe(true);
    const slug = (await inShop(s.shopId).one<{ slug: string }>("SELECT slug FROM products WHERE id = ?", id))!.slug;
    const store = await new Client().get(`${shopOrigin(s.slug)}/products/${slug}`);
    const first = store.text.indexOf(imgs[0]!.key);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(store.text.indexOf(imgs[1]!.key));
    // The edit page says so, with the badge on the first photo only.
    const edit = await s.client.get(`${ROOT}${res.location}`);
    expect(edit.text).toContain("Product added with its photos.");
    expect(edit.text.match(/class="main-badge"/g)).toHaveLength(1);
    expect(edit.text.indexOf('class="main-badge"')).toBeLessThan(edit.text.indexOf(`/media/${imgs[1]!.key}/`));
  });

  it("keeps the photos and every field when the product has an error, and saves them with it on the next post", async () => {
    const s = await sellerWithShop();
    const res = await postNew(s, productForm({ title: URDU, price: "-5", photoForm: FORM }), [
      { name: "a.png", bytes: await png(30, 20) },
      { name: "b.png", bytes: await png(31, 20) },
    ]);
    expect(res.status).toBe(400);
    expect(res.text).toContain("A price cannot be negative.");
    expect(decode(res.text)).toContain(`value="${URDU}"`);
    // Nothing is half-saved: no product, the photos wait (shown, in order) for the next post.
    expect(await all("SELECT id FROM products WHERE shop_id = ?", s.shopId)).toEqual([]);
    const waiting = await pendingRows(s.shopId);
    expect(waiting.map((r) => r.form)).toEqual([FORM, FORM]);
    expect(pendingInputs(res.text)).toEqual(waiting.map((r) => r.id));
    expect(res.text).toContain(`name="photoForm" value="${FORM}"`);
    const again = await postNew(s, productForm({ title: URDU, photoForm: FORM, pending: waiting.map((r) => String(r.id)) }));
    expect(again.status).toBe(303);
    expect((await images(s.shopId, idOf(again.location))).map((i) => i.key)).toEqual(waiting.map((r) => r.key));
    expect(await pendingRows(s.shopId)).toEqual([]);
  });

  it("refuses a file that is not a photo beside the photo field, keeps the form, stores nothing", async () => {
    const s = await sellerWithShop();
    const res = await postNew(s, productForm({ title: TITLE, photoForm: FORM }), [
      { name: "ok.png", bytes: await png(30, 20) },
      { name: "notes.jpg", bytes: ascii("<html><script>alert(1)</script></html>"), type: "image/jpeg" },
    ]);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="photo-input-error"[^>]*>This file is not a photo/);
    expect(decode(res.text)).toContain(`value="${TITLE}"`);
    expect(await all("SELECT id FROM products WHERE shop_id = ?", s.shopId)).toEqual([]);
    expect(await pendingRows(s.shopId)).toEqual([]);
    expect(await objects(s.shopId)).toEqual([]);
  });

  it(`takes ${MAX_PHOTOS} photos (the product's cap, read from the schema) and refuses one more, storing nothing`, async () => {
    const json = z.toJSONSchema(productFormSchema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, { maxItems?: number }> };
    expect(json.properties.pending!.maxItems).toBe(MAX_PHOTOS);
    const s = await sellerWithShop();
    const files = async (n: number) => Promise.all(Array.from({ length: n }, async (_, i) => ({ name: `p${i}.png`, bytes: await png(20 + i, 20) })));
    const over = await postNew(s, productForm({ photoForm: FORM }), await files(MAX_PHOTOS + 1));
    expect(over.status).toBe(400);
    expect(over.text).toContain(`A product can have at most ${MAX_PHOTOS} photos.`);
    expect(await objects(s.shopId)).toEqual([]);
    expect(await all("SELECT id FROM products WHERE shop_id = ?", s.shopId)).toEqual([]);
    const at = await postNew(s, productForm({ photoForm: FORM }), await files(MAX_PHOTOS));
    expect(at.status).toBe(303);
    expect((await images(s.shopId, idOf(at.location))).length).toBe(MAX_PHOTOS);
  });
});

describe("photos uploaded ahead (JavaScript), attached in the create batch", () => {
  it("attaches them in her arranged order, not the upload order, and deletes their waiting rows in the same batch", async () => {
    const s = await sellerWithShop();
    const [a, b, c] = [await uploadPending(s, FORM, 100), await uploadPending(s, FORM, 200), await uploadPending(s, FORM, 300)];
    for (const r of [a, b, c]) {
      expect(r.status).toBe(200);
      expect(r.body.src).toMatch(new RegExp(`^/admin/${s.slug}/media/shops/${s.shopId}/[a-f0-9]{64}/320\\.webp$`));
    }
    const keys = new Map((await pendingRows(s.shopId)).map((r) => [r.id, r.key]));
    const before = await version(s.shopId);
    const order = [c.body.id!, a.body.id!, b.body.id!];
    const res = await postNew(s, productForm({ title: TITLE, photoForm: FORM, pending: order.map(String) }));
    expect(res.status).toBe(303);
    const imgs = await images(s.shopId, idOf(res.location));
    expect(imgs.map((i) => i.key)).toEqual(order.map((id) => keys.get(id)));
    expect(imgs.map((i) => i.position)).toEqual([0, 1, 2]);
    expect(await pendingRows(s.shopId)).toEqual([]);
    expect(await version(s.shopId)).toBe(before + 1);
    // The objects stay: they are the product's now.
    expect((await objects(s.shopId)).length).toBe(6);
  });

  it("a create that fails attaches nothing: the batch is whole or not at all, and the photos still wait", async () => {
    const s = await sellerWithShop();
    const a = await uploadPending(s, FORM, 100);
    const input = { title: TITLE, description: "", status: "active" as const, trackStock: true, options: [], collectionIds: [], pendingPhotos: [a.body.id!] };
    // A stock below 0 breaks the variants' CHECK inside the batch, after the product row and the photo are written.
    await expect(createProduct(await shopDb(s.shopId), s.shopId, { ...input, variants: [{ title: "Default", option1: null, option2: null, option3: null, sku: null, price: 250000, compareAtPrice: null, stock: -1 }] })).rejects.toThrow();
    expect(await all("SELECT id FROM products WHERE shop_id = ?", s.shopId)).toEqual([]);
    expect(await all("SELECT id FROM product_images WHERE shop_id = ?", s.shopId)).toEqual([]);
    expect((await pendingRows(s.shopId)).map((r) => r.id)).toEqual([a.body.id]);
    // Through the form: a SKU already used in the shop is refused, the photo shown again, still waiting.
    await addProduct(s, { title: "Lawn suit", v0_sku: "KRT-001" });
    const res = await postNew(s, productForm({ title: TITLE, v0_sku: "KRT-001", photoForm: FORM, pending: [String(a.body.id)] }));
    expect(res.status).toBe(400);
    expect(pendingInputs(res.text)).toEqual([a.body.id]);
    expect(await all("SELECT id FROM product_images WHERE shop_id = ?", s.shopId)).toEqual([]);
    expect((await pendingRows(s.shopId)).length).toBe(1);
  });

  it("another shop's waiting photo is never attached, shown or removed", async () => {
    const mine = await sellerWithShop();
    const theirs = await sellerWithShop();
    const their = await uploadPending(theirs, FORM, 100);
    const res = await postNew(mine, productForm({ title: TITLE, photoForm: FORM, pending: [String(their.body.id)] }));
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/done=created$/);
    expect(await images(mine.shopId, idOf(res.location))).toEqual([]);
    expect((await pendingRows(theirs.shopId)).map((r) => r.id)).toEqual([their.body.id]);
    // Sent back with an error, the form does not draw it either; deleting it is a 404.
    const bad = await postNew(mine, productForm({ title: "", photoForm: FORM, pending: [String(their.body.id)] }));
    expect(pendingInputs(bad.text)).toEqual([]);
    const del = await postMultipart(mine.client, `${ROOT}/admin/${mine.slug}/products/pending/${their.body.id}/delete`, new FormData(), { accept: "application/json" });
    expect(del.status).toBe(404);
    expect((await pendingRows(theirs.shopId)).length).toBe(1);
    expect((await objects(theirs.shopId)).length).toBe(2);
  });

  it(`a form takes ${MAX_PHOTOS} photos and refuses one more; a shop has at most ${MAX_PENDING_PER_SHOP} waiting, then one more is refused`, async () => {
    const json = z.toJSONSchema(pendingPhotoSchema, { io: "input", unrepresentable: "any" }) as { maxPerForm?: number; maxPerShop?: number };
    expect([json.maxPerForm, json.maxPerShop]).toEqual([MAX_PHOTOS, MAX_PENDING_PER_SHOP]);
    const s = await sellerWithShop();
    for (let i = 0; i < MAX_PHOTOS; i++) expect((await uploadPending(s, FORM, 100 + i)).status).toBe(200);
    const past = await uploadPending(s, FORM, 999);
    expect(past.status).toBe(400);
    expect(past.body.error).toContain(`at most ${MAX_PHOTOS} photos`);
    // More forms until the shop's cap.
    let n = MAX_PHOTOS;
    for (let f = 1; n < MAX_PENDING_PER_SHOP; f++) {
      for (let i = 0; i < MAX_PHOTOS && n < MAX_PENDING_PER_SHOP; i++, n++) expect((await uploadPending(s, `${FORM}-${f}`, 1000 + n)).status).toBe(200);
    }
    expect((await pendingRows(s.shopId)).length).toBe(MAX_PENDING_PER_SHOP);
    const full = await uploadPending(s, `${FORM}-new`, 5000);
    expect(full.status).toBe(400);
    expect(full.body.error).toContain("Too many photos are waiting");
    expect((await pendingRows(s.shopId)).length).toBe(MAX_PENDING_PER_SHOP);
    // Every refused upload left no object behind: two widths for each waiting photo.
    expect((await objects(s.shopId)).length).toBe(2 * MAX_PENDING_PER_SHOP);
    // A product takes at most MAX_PHOTOS of them: one more is refused beside the photo field, nothing saved.
    const ids = (await pendingRows(s.shopId)).map((r) => String(r.id));
    const over = await postNew(s, productForm({ photoForm: FORM, pending: ids.slice(0, MAX_PHOTOS + 1) }));
    expect(over.status).toBe(400);
    expect(over.text).toContain(`A product can have at most ${MAX_PHOTOS} photos.`);
    expect(await all("SELECT id FROM products WHERE shop_id = ?", s.shopId)).toEqual([]);
    const at = await postNew(s, productForm({ photoForm: FORM, pending: ids.slice(0, MAX_PHOTOS) }));
    expect(at.status).toBe(303);
    expect((await images(s.shopId, idOf(at.location))).length).toBe(MAX_PHOTOS);
  });

  it("refuses a waiting upload that is not a photo, and sweeps expired ones with their objects", async () => {
    const s = await sellerWithShop();
    const fd = new FormData();
    fd.append("photoForm", FORM);
    fd.append("photo", blob(ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "image/svg+xml"), "x.svg");
    const bad = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/products/pending`, fd, { accept: "application/json" });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toContain("This file is not a photo");
    expect(await objects(s.shopId)).toEqual([]);
    const old = await uploadPending(s, FORM, 100);
    await (await shopD1(s.shopId)).prepare("UPDATE pending_uploads SET expires_at = ? WHERE id = ?").bind(Date.now() - 1, old.body.id).run();
    await uploadPending(s, FORM, 200);
    expect((await pendingRows(s.shopId)).map((r) => r.id)).not.toContain(old.body.id);
    expect((await objects(s.shopId)).length).toBe(2);
    // An expired photo is not attached.
    const res = await postNew(s, productForm({ photoForm: FORM, pending: [String(old.body.id)] }));
    expect(await images(s.shopId, idOf(res.location))).toEqual([]);
  });
});

describe("waiting photos nobody saved", () => {
  it("the cron sweeps the expired ones of every shop, with their objects, even a shop that uploads no more; fresh ones stay", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    const oldA = await uploadPending(a, FORM, 300);
    const oldB = await uploadPending(b, FORM, 301);
    const fresh = await uploadPending(b, FORM, 302);
    // Each shop's row in its own shard (two shops in a row land in different shards: src/db/shards.ts).
    const expire = async (shopId: number, id: number | undefined) => (await shopD1(shopId)).prepare("UPDATE pending_uploads SET expires_at = ? WHERE shop_id = ? AND id = ?").bind(Date.now() - 1, shopId, id).run();
    await expire(a.shopId, oldA.body.id);
    await expire(b.shopId, oldB.body.id);
    const perPhoto = (await objects(a.shopId)).length; // its stored widths
    expect(perPhoto).toBeGreaterThan(0);
    expect((await objects(b.shopId)).length).toBe(2 * perPhoto);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "*/5 * * * *", scheduledTime: Date.now() }), env as never, ctx);
    await waitOnExecutionContext(ctx);

    expect(await pendingRows(a.shopId)).toEqual([]);
    expect((await pendingRows(b.shopId)).map((r) => r.id)).toEqual([fresh.body.id]);
    expect(await objects(a.shopId)).toEqual([]);
    expect((await objects(b.shopId)).length).toBe(perPhoto);
  });
});

describe("her order on the product page", () => {
  async function productWithPhotos(s: Shop, n: number) {
    const id = await addProduct(s, { title: TITLE });
    for (let i = 0; i < n; i++) {
      const fd = new FormData();
      fd.append("w320", blob(webp(320, 240, 100 + i)), "320.webp");
      await postMultipart(s.client, `${ROOT}/admin/${s.slug}/products/${id}/photos`, fd, { accept: "application/json" });
    }
    return { id, ids: (await images(s.shopId, id)).map((i) => i.id) };
  }
  const postOrder = (s: Shop, productId: number, order: (number | string)[]) =>
    s.client.post(`${ROOT}/admin/${s.slug}/products/${productId}/photos/order`, { order: order.map(String) }, { headers: { accept: "application/json" } });

  it("parallel uploads keep the place given when chosen, whatever order they finish in", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { title: TITLE });
    const send = (size: number, pos: number) => {
      const fd = new FormData();
      fd.append("w320", blob(webp(320, 240, size)), "320.webp");
      fd.append("pos", String(pos));
      return postMultipart(s.client, `${ROOT}/admin/${s.slug}/products/${id}/photos`, fd, { accept: "application/json" });
    };
    // Chosen first, second, third; the third finishes first and the first last.
    const third = JSON.parse((await send(300, 2)).text).photos[0].id;
    const second = JSON.parse((await send(200, 1)).text).photos[0].id;
    const first = JSON.parse((await send(100, 0)).text).photos[0].id;
    expect((await images(s.shopId, id)).map((i) => i.id)).toEqual([first, second, third]);
  });

  it("saves the whole order with one POST (the first is the main photo on the card), bumping the version", async () => {
    const s = await sellerWithShop();
    const { id, ids } = await productWithPhotos(s, 3);
    const before = await version(s.shopId);
    const res = await postOrder(s, id, [ids[2]!, ids[0]!, ids[1]!]);
    expect(res.status).toBe(200);
    const imgs = await images(s.shopId, id);
    expect(imgs.map((i) => i.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect((await inShop(s.shopId).one<{ card_image: string }>("SELECT card_image FROM products WHERE id = ?", id))!.card_image.startsWith(`${imgs[0]!.key}|`)).toBe(true);
    expect(await version(s.shopId)).toBe(before + 1);
    const page = await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`);
    expect(page.text.indexOf(`data-id="${ids[2]}"`)).toBeLessThan(page.text.indexOf('class="main-badge"'));
    expect(page.text.indexOf('class="main-badge"')).toBeLessThan(page.text.indexOf(`data-id="${ids[0]}"`));
  });

  it("refuses an order that is not exactly the product's own photos, changing nothing", async () => {
    const json = z.toJSONSchema(photoOrderSchema, { io: "input", unrepresentable: "any" }) as unknown as { properties: { order: { maxItems: number } } };
    expect(json.properties.order.maxItems).toBe(MAX_PHOTOS);
    const s = await sellerWithShop();
    const { id, ids } = await productWithPhotos(s, 3);
    const other = await productWithPhotos(s, 1);
    // Another shop in the same shard: ids are per database, so only there is a foreign id a foreign row.
    let theirs = await sellerWithShop();
    while ((await shardOf(theirs.shopId)) !== (await shardOf(s.shopId))) theirs = await sellerWithShop();
    const foreign = await productWithPhotos(theirs, 1);
    const before = await version(s.shopId);
    const bad: (number | string)[][] = [
      [ids[1]!, ids[0]!], // one missing
      [ids[1]!, ids[0]!, ids[2]!, other.ids[0]!], // another product's
      [ids[1]!, ids[0]!, foreign.ids[0]!], // another shop's in place of one
      [ids[1]!, ids[1]!, ids[0]!], // a repeat
      [ids[1]!, ids[0]!, "x"],
      Array.from({ length: MAX_PHOTOS + 1 }, () => ids[0]!),
    ];
    for (const order of bad) {
      const res = await postOrder(s, id, order);
      expect(res.status, JSON.stringify(order)).toBe(400);
      expect(JSON.parse(res.text).error).toContain("The photos changed meanwhile");
    }
    // Another shop's product, even with its own photo ids: not hers to order.
    expect((await postOrder(s, foreign.id, foreign.ids)).status).toBe(404);
    expect((await images(s.shopId, id)).map((i) => i.id)).toEqual(ids);
    expect(await version(s.shopId)).toBe(before);
    // Without JavaScript the same refusal comes back as the page's message.
    const plain = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/photos/order`, { order: [String(ids[0])] });
    expect(plain.status).toBe(303);
    expect((await s.client.get(`${ROOT}${plain.location}`)).text).toContain("The photos changed meanwhile");
  });

  it("Make main moves a photo first; Earlier and Later one place, with 48 px buttons named for the photo", async () => {
    const s = await sellerWithShop();
    const { id, ids } = await productWithPhotos(s, 3);
    const page = await s.client.get(`${ROOT}/admin/${s.slug}/products/${id}`);
    for (const label of ["Make main", "↑ Earlier", "↓ Later", "Main photo"]) expect(page.text).toContain(label);
    expect(page.text).toContain('aria-label="Make Photo 3 the main photo"');
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/photos/${ids[2]}/move`, { dir: "first" });
    expect(res.status).toBe(303);
    expect((await images(s.shopId, id)).map((i) => i.id)).toEqual([ids[2], ids[0], ids[1]]);
    await s.client.post(`${ROOT}/admin/${s.slug}/products/${id}/photos/${ids[1]}/move`, { dir: "up" });
    expect((await images(s.shopId, id)).map((i) => i.id)).toEqual([ids[2], ids[1], ids[0]]);
  });
});
