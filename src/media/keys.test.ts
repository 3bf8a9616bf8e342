/**
 * A photo's key covers every stored width's bytes: re-uploading the same 1280 px image with a
 * different 320 px file makes another key, and the first upload's objects (served as immutable)
 * are never overwritten. The bytes are read back from R2.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ROOT, sellerWithShop } from "../../test/helpers";
import { addProduct, all, inShop, postMultipart, type Shop } from "../../test/admin-helpers";
import { webp } from "../../test/media-fixtures";

const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>], { type: "image/webp" });

async function upload(s: Shop, productId: number, files: Record<string, Uint8Array>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(files)) fd.append(k, blob(v), `${k}.webp`);
  const res = await postMultipart(s.client, `${ROOT}/admin/${s.slug}/products/${productId}/photos`, fd, { accept: "application/json" });
  expect(res.status).toBe(200);
}

const stored = async (key: string) => new Uint8Array(await (await env.MEDIA.get(key))!.arrayBuffer());

describe("photo keys", () => {
  it("two uploads sharing the largest width but not a smaller one get different keys; the first's objects are unchanged", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { title: "Chiffon dupatta" });
    const large = webp(1280, 960, 400);
    const first = { w320: webp(320, 240, 64), w640: webp(640, 480, 120), w1280: large };
    const second = { w320: webp(320, 240, 90), w640: webp(640, 480, 120), w1280: large };
    await upload(s, id, first);
    await upload(s, id, second);
    const rows = await inShop(s.shopId).all<{ key: string }>("SELECT key FROM product_images WHERE product_id = ? ORDER BY position", id);
    expect(rows.length).toBe(2);
    expect(rows[0]!.key).not.toBe(rows[1]!.key);
    for (const [name, bytes] of Object.entries(first)) expect(await stored(`${rows[0]!.key}/${name.slice(1)}.webp`), name).toEqual(bytes);
    for (const [name, bytes] of Object.entries(second)) expect(await stored(`${rows[1]!.key}/${name.slice(1)}.webp`), name).toEqual(bytes);
  });

  it("a set with one width fewer is another key; the same set again is the same key (and its bytes)", async () => {
    const s = await sellerWithShop();
    const id = await addProduct(s, { title: "Lawn suit" });
    const set = { w320: webp(320, 240), w1280: webp(1280, 960) };
    await upload(s, id, set);
    await upload(s, id, set);
    await upload(s, id, { w1280: set.w1280 });
    const keys = (await inShop(s.shopId).all<{ key: string }>("SELECT key FROM product_images WHERE product_id = ? ORDER BY position", id)).map((r) => r.key);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(await stored(`${keys[0]}/320.webp`)).toEqual(set.w320);
  });
});
