/**
 * Photos chosen on the new-product form before the product exists. Each is checked and stored
 * in R2 under the shop's prefix like any photo, with a pending_uploads row that expires; the
 * product's create batch (products.ts createProduct) turns the rows into its product_images, in
 * her order, and deletes them: a create that fails attaches nothing and leaves them waiting.
 * Expired rows are swept with their objects, a bounded number at a time: by the shop's next
 * upload, and by the cron for every shop (src/index.ts). No HTTP here.
 */
import { and, eq, gt, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { insertFrom, insertWhere } from "../db/capped";
import { inList, jsonList, runBatch, type Stmt } from "../db/batch";
import { pendingUploads, productImages } from "../db/schema";
import { purgePhotos, toRef } from "../media/images";
import { checkPhotoSet, storePhotoSet, type MediaError, type StoredPhoto } from "../media/store";
import type { ImageFormat } from "../media/urls";
import { MAX_PENDING_PER_SHOP, MAX_PHOTOS } from "./form";

/** How long an uploaded photo waits for its product's Save. */
const PENDING_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired rows one sweep clears (each upload sweeps its shop; the rest wait for the next). */
const SWEEP_LIMIT = 20;
/** Shops one cron run sweeps (every 5 minutes: the waiting photos of shops that upload no more). */
const SWEEP_SHOPS = 10;

export interface PendingPhoto {
  id: number;
  key: string;
  widths: string;
  format: ImageFormat;
  width: number;
  height: number;
}

/** A new form's token: 22 random URL-safe characters. */
export function newPhotoForm(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const waiting = (shopId: number, now: number) => and(eq(pendingUploads.shopId, shopId), gt(pendingUploads.expiresAt, now))!;
const countOf = (where: SQL) => sql`(SELECT COUNT(*) FROM ${pendingUploads} WHERE ${where})`;

/** Whether one more photo may wait for this form: "tooMany" (the form's MAX_PHOTOS) or "shopFull" (MAX_PENDING_PER_SHOP) when not. */
async function pendingRoom(db: Db, shopId: number, form: string, now = Date.now()): Promise<true | "tooMany" | "shopFull"> {
  const [row] = await db
    .select({ form: sql<number>`COALESCE(SUM(${pendingUploads.form} = ${form}), 0)`, shop: sql<number>`COUNT(*)` })
    .from(pendingUploads)
    .where(waiting(shopId, now))
    .all();
  if ((row?.form ?? 0) >= MAX_PHOTOS) return "tooMany";
  if ((row?.shop ?? 0) >= MAX_PENDING_PER_SHOP) return "shopFull";
  return true;
}

/**
 * Records a stored photo as waiting for `form`'s product. Both caps are counted by the INSERT
 * itself, so racing uploads cannot pass them; the refusal says which.
 */
async function addPending(db: Db, shopId: number, form: string, photo: StoredPhoto, now = Date.now()): Promise<number | "tooMany" | "shopFull"> {
  const row = { shopId, form, key: photo.key, widths: photo.widths.join(","), format: photo.format, width: photo.width, height: photo.height, expiresAt: now + PENDING_TTL_MS };
  const room = sql`${countOf(and(waiting(shopId, now), eq(pendingUploads.form, form))!)} < ${MAX_PHOTOS} AND ${countOf(waiting(shopId, now))} < ${MAX_PENDING_PER_SHOP}`;
  const [rows] = (await runBatch(db, [insertWhere(db, pendingUploads, row, room).returning({ id: pendingUploads.id })])) as [{ id: number }[]];
  if (rows[0]) return rows[0].id;
  const why = await pendingRoom(db, shopId, form, now);
  return why === true ? "shopFull" : why;
}

type PhotoSet = { declared: number | null; file: Blob }[];

/**
 * Checks every photo by its bytes (nothing is stored when one fails), then stores each and
 * records it as waiting for `form`, in the order given. `ids` are the ones recorded, even when
 * a cap stopped the rest (they are kept on the form, as shown).
 */
export async function addPendingPhotos(db: Db, bucket: R2Bucket, shopId: number, form: string, sets: PhotoSet[], now = Date.now()): Promise<{ ids: { id: number; photo: StoredPhoto }[]; error?: MediaError }> {
  const ids: { id: number; photo: StoredPhoto }[] = [];
  if (!sets.length) return { ids, error: "media.none" };
  const room = await pendingRoom(db, shopId, form, now);
  if (room !== true) return { ids, error: room === "tooMany" ? "media.tooMany" : "media.shopFull" };
  const checked = [];
  for (const set of sets) {
    const r = await checkPhotoSet(set);
    if (typeof r === "string") return { ids, error: r };
    checked.push(r);
  }
  for (const set of checked) {
    const photo = await storePhotoSet(bucket, shopId, set);
    let id: number | "tooMany" | "shopFull" = "shopFull";
    try {
      id = await addPending(db, shopId, form, photo, now);
    } finally {
      if (typeof id !== "number") await purgePhotos(db, bucket, shopId, [{ key: photo.key, widths: photo.widths, format: photo.format }]);
    }
    if (typeof id !== "number") return { ids, error: id === "tooMany" ? "media.tooMany" : "media.shopFull" };
    ids.push({ id, photo });
  }
  return { ids };
}

/** The shop's waiting photos among `ids`, in the order of `ids` (another shop's, expired or unknown ids are left out). */
export async function pendingPhotos(db: Db, shopId: number, ids: number[], now = Date.now()): Promise<PendingPhoto[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: pendingUploads.id, key: pendingUploads.key, widths: pendingUploads.widths, format: pendingUploads.format, width: pendingUploads.width, height: pendingUploads.height })
    .from(pendingUploads)
    .where(and(waiting(shopId, now), inList(pendingUploads.id, ids)))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...new Set(ids)].map((id) => byId.get(id)).filter((r): r is PendingPhoto => !!r);
}

/**
 * The statements that make the waiting photos `ids` the photos of the product `productId` (a
 * sub-query: the product is created in the same batch), each at its place in `ids`, and delete
 * their rows. Only this shop's rows that have not expired are taken.
 */
export function attachPendingStmts(db: Db, shopId: number, productId: SQL, ids: number[], now = Date.now()): Stmt[] {
  if (!ids.length) return [];
  const list = [...new Set(ids)];
  const from = sql`FROM json_each(${JSON.stringify(list)}) j JOIN ${pendingUploads} p ON p.id = j.value WHERE p.shop_id = ${shopId} AND p.expires_at > ${now} ORDER BY j.key`;
  const row = {
    shopId,
    productId: productId as unknown as number,
    key: sql`p.key`,
    widths: sql`p.widths`,
    format: sql`p.format`,
    width: sql`p.width`,
    height: sql`p.height`,
    alt: "",
    position: sql`j.key`,
  };
  return [
    insertFrom(db, productImages, row, from),
    db.delete(pendingUploads).where(and(eq(pendingUploads.shopId, shopId), gt(pendingUploads.expiresAt, now), sql`${pendingUploads.id} IN ${jsonList(list)}`)),
  ];
}

/** Takes back a waiting photo (she removed it from the form): its row, then its objects unless still used. False when not the shop's. */
export async function removePending(db: Db, bucket: R2Bucket, shopId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(pendingUploads)
    .where(and(eq(pendingUploads.shopId, shopId), eq(pendingUploads.id, id)))
    .returning({ key: pendingUploads.key, widths: pendingUploads.widths, format: pendingUploads.format })
    .all();
  if (!rows.length) return false;
  await purgePhotos(db, bucket, shopId, rows.map(toRef));
  return true;
}

/** Clears up to SWEEP_LIMIT of the shop's expired rows and the objects no product, theme or other row uses. */
export async function sweepPending(db: Db, bucket: R2Bucket, shopId: number, now = Date.now()): Promise<number> {
  const expired = db
    .select({ id: pendingUploads.id })
    .from(pendingUploads)
    .where(and(eq(pendingUploads.shopId, shopId), lte(pendingUploads.expiresAt, now)))
    .limit(SWEEP_LIMIT);
  const rows = await db
    .delete(pendingUploads)
    .where(and(eq(pendingUploads.shopId, shopId), sql`${pendingUploads.id} IN (${expired})`))
    .returning({ key: pendingUploads.key, widths: pendingUploads.widths, format: pendingUploads.format })
    .all();
  if (rows.length) await purgePhotos(db, bucket, shopId, rows.map(toRef));
  return rows.length;
}

/**
 * The cron's sweep: the expired waiting photos of up to SWEEP_SHOPS shops, each as its own next
 * upload would (sweepPending), so a shop whose seller never uploads again is cleared too.
 */
export async function sweepExpiredPending(db: Db, bucket: R2Bucket, now = Date.now()): Promise<number> {
  const shops = await db
    .selectDistinct({ shopId: pendingUploads.shopId })
    .from(pendingUploads)
    .where(lte(pendingUploads.expiresAt, now))
    .limit(SWEEP_SHOPS)
    .all();
  let swept = 0;
  for (const { shopId } of shops) swept += await sweepPending(db, bucket, shopId, now);
  return swept;
}

