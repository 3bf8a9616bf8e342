/**
 * Photo storage in R2: validates each width file by its bytes, then writes them under the
 * shop-scoped, content-hashed key `shops/{shopId}/{sha256 of every width}/{width}.{ext}`.
 */
import { hex } from "../lib/bytes";
import { sniffImage, type SniffError } from "./sniff";
import { CONTENT_TYPE, EXT, objectKey, type ImageFormat } from "./urls";

/** A resized width file (the browser sends WebP at 320/640/1280). */
const MAX_WIDTH_FILE_BYTES = 1.5 * 1024 * 1024;
/** A single original photo sent by the plain form when JavaScript is off. */
export const MAX_ORIGINAL_BYTES = 5 * 1024 * 1024;
const MAX_SIDE = 4096;
const MAX_PIXELS = 16_000_000;
const MAX_WIDTHS = 4;

const MEDIA_ERRORS = ["media.notImage", "media.corrupt", "media.markup", "media.tooBig", "media.tooLarge", "media.mixed", "media.none", "media.widthMismatch", "media.tooMany", "media.shopFull", "media.orderStale"] as const satisfies readonly (SniffError | `media.${string}`)[];
export type MediaError = (typeof MEDIA_ERRORS)[number];
/** A media error named in a URL (after a redirect), or null: the page never shows text a link carries. */
export const mediaError = (key: string | undefined): MediaError | null => (MEDIA_ERRORS as readonly string[]).includes(key ?? "") ? (key as MediaError) : null;

export interface StoredPhoto {
  key: string;
  widths: number[];
  width: number;
  height: number;
  format: ImageFormat;
}

interface Checked {
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  format: ImageFormat;
}

/**
 * Validates a set of width files of ONE photo. `declared` is the width each file claims
 * (w320 -> 320) or null for a plain upload; a file whose bytes disagree is refused.
 */
export async function checkPhotoSet(files: { declared: number | null; file: Blob }[]): Promise<Checked[] | MediaError> {
  if (!files.length) return "media.none";
  if (files.length > MAX_WIDTHS) return "media.tooBig";
  const cap = files.length === 1 && files[0]!.declared === null ? MAX_ORIGINAL_BYTES : MAX_WIDTH_FILE_BYTES;
  const out: Checked[] = [];
  for (const { declared, file } of files) {
    if (file.size > cap) return "media.tooBig";
    if (file.size === 0) return "media.notImage";
    const bytes = new Uint8Array(await file.arrayBuffer()) as Uint8Array<ArrayBuffer>;
    const s = sniffImage(bytes);
    if (typeof s === "string") return s;
    if (s.width > MAX_SIDE || s.height > MAX_SIDE || s.width * s.height > MAX_PIXELS) return "media.tooLarge";
    if (declared !== null && declared !== s.width) return "media.widthMismatch";
    out.push({ bytes, ...s });
  }
  if (new Set(out.map((c) => c.format)).size > 1) return "media.mixed";
  if (new Set(out.map((c) => c.width)).size !== out.length) return "media.widthMismatch";
  return out.sort((a, b) => a.width - b.width);
}

/**
 * The content hash of a photo set: SHA-256 over its format and, in width order, each width with
 * the SHA-256 of its bytes ("webp|320:<hex>|640:<hex>|1280:<hex>"). Every stored object's bytes
 * are in the key, so a key never names two different objects (they are served as immutable).
 */
async function photoSetDigest(set: readonly { width: number; bytes: Uint8Array<ArrayBuffer> }[], format: ImageFormat): Promise<string> {
  const sorted = [...set].sort((a, b) => a.width - b.width);
  const parts = await Promise.all(sorted.map(async (c) => `${c.width}:${hex(new Uint8Array(await crypto.subtle.digest("SHA-256", c.bytes)))}`));
  const input = new TextEncoder().encode([format, ...parts].join("|"));
  return hex(new Uint8Array(await crypto.subtle.digest("SHA-256", input)));
}

/** Writes checked width files to R2 under `shops/{shopId}/{photoSetDigest}`. */
export async function storePhotoSet(bucket: R2Bucket, shopId: number, set: Checked[]): Promise<StoredPhoto> {
  const largest = set[set.length - 1]!;
  const format = largest.format;
  const key = `shops/${shopId}/${await photoSetDigest(set, format)}`;
  await Promise.all(
    set.map((c) =>
      bucket.put(objectKey(key, c.width, format), c.bytes, {
        httpMetadata: { contentType: CONTENT_TYPE[EXT[format]], cacheControl: "public, max-age=31536000, immutable" },
      }),
    ),
  );
  return { key, widths: set.map((c) => c.width), width: largest.width, height: largest.height, format };
}

/** Deletes every stored width of these photos. Keys must belong to the shop. */
export async function deletePhotoObjects(bucket: R2Bucket, shopId: number, photos: { key: string; widths: number[]; format: ImageFormat }[]): Promise<void> {
  const prefix = `shops/${shopId}/`;
  const keys = photos.filter((p) => p.key.startsWith(prefix)).flatMap((p) => p.widths.map((w) => objectKey(p.key, w, p.format)));
  for (let i = 0; i < keys.length; i += 1000) await bucket.delete(keys.slice(i, i + 1000));
}
