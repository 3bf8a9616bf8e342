/**
 * /admin/:shop/products/pending: the new-product form's island sends each chosen photo here as
 * soon as it is resized, before the product exists (src/products/pending.ts). JSON only: without
 * JavaScript the photos go with the product form's own POST (routes.tsx).
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { intParam, readAll } from "../lib/form-all";
import { MAX_PHOTOS, pendingPhotoSchema } from "./form";
import { addPendingPhotos, removePending, sweepPending } from "./pending";
import { adminMediaUrl } from "./Photos";
import { photoSets } from "./photo-routes";

export const pendingRoutes = new Hono<AppEnv>();

pendingRoutes.post("/", async (c) => {
  const { values } = await readAll(c);
  const parsed = pendingPhotoSchema.safeParse({ photoForm: values.photoForm });
  if (!parsed.success) return c.json({ ok: false, error: c.get("t")("photos.failed") }, 400);
  const sets = await photoSets(c);
  // Each request is one photo: its width files, or one plain file.
  const error = (key: Parameters<typeof c.var.t>[0], status: 400 | 413 = 400) => c.json({ ok: false, error: c.get("t")(key, { max: MAX_PHOTOS }) }, status);
  if (sets.length !== 1) return error(sets.length ? "media.tooMany" : "media.none");
  await sweepPending(c.get("db"), c.env.MEDIA, c.get("shop").id);
  const r = await addPendingPhotos(c.get("db"), c.env.MEDIA, c.get("shop").id, parsed.data.photoForm, sets);
  const added = r.ids[0];
  if (r.error || !added) return error(r.error ?? "media.none", r.error === "media.tooBig" ? 413 : 400);
  return c.json({ ok: true, id: added.id, src: adminMediaUrl(c.get("shop").slug, added.photo.key, added.photo.widths[0]!, added.photo.format) });
});

/** She removed a waiting photo from the form. */
pendingRoutes.post("/:pid{[0-9]+}/delete", async (c) => {
  const id = intParam(c.req.param("pid"));
  if (!id || !(await removePending(c.get("db"), c.env.MEDIA, c.get("shop").id, id))) throw new HTTPException(404);
  return c.json({ ok: true });
});
