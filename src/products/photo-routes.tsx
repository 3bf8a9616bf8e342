/**
 * Photo upload, order and delete under /admin/:shop/products/:id/photos, and the admin's
 * read-only view of the shop's own R2 photos (/admin/:shop/media/...).
 *
 * The browser island sends one photo per request as width files w320, w640, w1280 (WebP) with
 * the place she gave it when she chose it (`pos`); without JavaScript the plain form sends the
 * original as `photo`, stored as its one width. Every file is checked by its bytes before
 * anything is written. Her order is saved whole (`/order`, after a drag) or one move at a time
 * (the buttons: earlier, later, make main).
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { adminPage } from "../admin/page";
import { nothingToRead } from "../db/page-read";
import { isDirection } from "../db/reorder";
import type { AppEnv } from "../env";
import { addProductImage, deleteProductImage, moveProductImage, photoCount, purgePhotos, setPhotoOrder } from "../media/images";
import { MAX_PHOTOS, photoFormSchema, photoOrderSchema } from "./form";
import { checkPhotoSet, storePhotoSet, type MediaError } from "../media/store";
import { CONTENT_TYPE } from "../media/urls";
import { intParam, readAll } from "../lib/form-all";
import { adminMediaUrl } from "./Photos";

export const photoRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const wantsJson = (c: C) => (c.req.header("accept") ?? "").includes("application/json");
const ids = (c: C) => {
  const productId = intParam(c.req.param("id"));
  if (!productId) throw new HTTPException(404);
  return { productId, imageId: intParam(c.req.param("imageId")) };
};
const editUrl = (c: C, productId: number) => `/admin/${c.get("shop").slug}/products/${productId}`;

/** Files of the request grouped into photos: one set of width files, or each plain `photo` (at most one past MAX_PHOTOS). */
export async function photoSets(c: C): Promise<{ declared: number | null; file: Blob }[][]> {
  const body = await c.req.parseBody({ all: true });
  const widths: { declared: number | null; file: Blob }[] = [];
  const plain: { declared: number | null; file: Blob }[][] = [];
  for (const [k, v] of Object.entries(body)) {
    const files = (Array.isArray(v) ? v : [v]).filter((x): x is File => typeof x === "object" && x !== null && "arrayBuffer" in x);
    const m = /^w(\d{2,4})$/.exec(k);
    if (m) files.forEach((file) => widths.push({ declared: Number(m[1]), file }));
    else if (k === "photo" || k === "image") files.filter((f) => f.size > 0).forEach((file) => plain.push([{ declared: null, file }]));
  }
  return widths.length ? [widths] : plain.slice(0, MAX_PHOTOS + 1);
}

function fail(c: C, productId: number, error: MediaError) {
  const status = error === "media.tooBig" ? 413 : 400;
  if (wantsJson(c)) return c.json({ ok: false, error: c.get("t")(error, { max: MAX_PHOTOS }) }, status);
  return c.redirect(`${editUrl(c, productId)}?photoError=${encodeURIComponent(error)}#photos`, 303);
}

photoRoutes.post("/", async (c) => {
  const { productId } = ids(c);
  const sets = await photoSets(c);
  if (!sets.length) return fail(c, productId, "media.none");
  // Refused whole before anything is stored when these would pass the cap.
  if ((await photoCount(c.get("db"), c.get("shop").id, productId)) + sets.length > MAX_PHOTOS) return fail(c, productId, "media.tooMany");
  const checked = [];
  for (const set of sets) {
    const r = await checkPhotoSet(set);
    if (typeof r === "string") return fail(c, productId, r);
    checked.push(r);
  }
  const pos = photoFormSchema.shape.pos.parse((await c.req.parseBody({ all: true })).pos);
  const added: { id: number; src: string }[] = [];
  for (const set of checked) {
    const stored = await storePhotoSet(c.env.MEDIA, c.get("shop").id, set);
    let id: number | null | "tooMany" = null;
    try {
      id = await addProductImage(c.get("db"), c.get("shop").id, productId, stored, sets.length === 1 && pos !== undefined ? Number(pos) : undefined);
    } finally {
      // Not recorded (product gone, another shop's, the cap reached meanwhile, or a D1 failure):
      // no orphan objects stay, unless another row of the shop already uses the same bytes.
      if (typeof id !== "number") await purgePhotos(c.get("db"), c.env.MEDIA, c.get("shop").id, [stored]);
    }
    if (id === "tooMany") return fail(c, productId, "media.tooMany");
    if (id === null) throw new HTTPException(404);
    added.push({ id, src: adminMediaUrl(c.get("shop").slug, stored.key, stored.widths[0]!, stored.format) });
  }
  if (wantsJson(c)) return c.json({ ok: true, photos: added });
  return c.redirect(`${editUrl(c, productId)}?done=photo#photos`, 303);
});

photoRoutes.post("/:imageId{[0-9]+}/delete", async (c) => {
  const { productId, imageId } = ids(c);
  if (!imageId || !(await deleteProductImage(c.get("db"), c.env.MEDIA, c.get("shop").id, productId, imageId))) throw new HTTPException(404);
  return c.redirect(`${editUrl(c, productId)}?done=photoDeleted#photos`, 303);
});

/** One move: `dir` up (earlier), down (later) or first (make it the main photo). */
photoRoutes.post("/:imageId{[0-9]+}/move", async (c) => {
  const { productId, imageId } = ids(c);
  const { values } = await readAll(c);
  const to = values.dir === "first" ? { place: 0 } : isDirection(values.dir) ? values.dir : null;
  if (!imageId || !to || !(await moveProductImage(c.get("db"), c.get("shop").id, productId, imageId, to))) throw new HTTPException(404);
  return c.redirect(`${editUrl(c, productId)}#photos`, 303);
});

/** Her whole order at once (after a drag): the same set of the product's photo ids, the first the main photo. */
photoRoutes.post("/order", async (c) => {
  const { productId } = ids(c);
  const { lists } = await readAll(c);
  const parsed = photoOrderSchema.safeParse({ order: lists.order ?? [] });
  const ok = await setPhotoOrder(c.get("db"), c.get("shop").id, productId, parsed.success ? parsed.data.order.map(Number) : []);
  if (ok === null) throw new HTTPException(404);
  if (wantsJson(c)) return ok ? c.json({ ok: true }) : c.json({ ok: false, error: c.get("t")("media.orderStale") }, 400);
  if (!ok) return c.redirect(`${editUrl(c, productId)}?photoError=media.orderStale#photos`, 303);
  return c.redirect(`${editUrl(c, productId)}#photos`, 303);
});

/** The shop's own photos for admin pages; another shop's key is a 404. */
export const adminMedia = new Hono<AppEnv>();
const KEY_RE = /^shops\/(\d+)\/([a-f0-9]{64})\/(\d{2,4})\.(webp|jpg|png)$/;
/** A photo of the shop's own (its key names the shop): no read but the session check's, one round trip. */
adminMedia.get(
  "/*",
  adminPage(
    () => nothingToRead,
    async (c) => {
      const key = new URL(c.req.url).pathname.replace(/^\/admin\/[^/]+\/media\//, "");
      const m = KEY_RE.exec(key);
      if (!m || Number(m[1]) !== c.get("shop").id) throw new HTTPException(404);
      const obj = await c.env.MEDIA.get(key);
      if (!obj) throw new HTTPException(404);
      return new Response(obj.body, {
        headers: { "content-type": CONTENT_TYPE[m[4]!]!, "cache-control": "private, max-age=86400", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'; sandbox" },
      });
    },
  ),
);
