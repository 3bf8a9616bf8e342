/**
 * Photos are stored in R2 as `{key}/{width}.{ext}` where key = `shops/{shopId}/{sha256}`
 * (a hash over every stored width's bytes, src/media/store.ts photoSetDigest); the storefront
 * serves them at `/media/{key}/{width}.{ext}`.
 */
import type { ImageVM } from "../storefront/theme";

export type ImageFormat = "webp" | "jpeg" | "png";
export const EXT: Record<ImageFormat, string> = { webp: "webp", jpeg: "jpg", png: "png" };
export const CONTENT_TYPE: Record<string, string> = { webp: "image/webp", jpg: "image/jpeg", png: "image/png" };

export function objectKey(key: string, width: number, format: ImageFormat): string {
  return `${key}/${width}.${EXT[format]}`;
}

/** Where the storefront serves photos; the theme preview passes the admin's own proxy instead. */
export const MEDIA_BASE = "/media/";

export function mediaUrl(key: string, width: number, format: ImageFormat = "webp", base = MEDIA_BASE): string {
  return `${base}${objectKey(key, width, format)}`;
}

export interface StoredImage {
  key: string;
  widths: number[];
  width: number;
  height: number;
  format: ImageFormat;
  alt: string;
}

const isFormat = (f: string | undefined): f is ImageFormat => f === "webp" || f === "jpeg" || f === "png";

/** Parses the "key|widths|width|height|format|alt" string that listing queries fold a photo into. */
export function parsePacked(packed: string | null): StoredImage | null {
  if (!packed) return null;
  const [key, widths, width, height, format, ...alt] = packed.split("|");
  if (!key || !widths || !isFormat(format)) return null;
  return {
    key,
    widths: widths.split(",").map(Number).filter((n) => n > 0),
    width: Number(width),
    height: Number(height),
    format,
    alt: alt.join("|"),
  };
}

/** An <img> view model: src at `preferred` px (or the nearest stored width), srcset over all. */
export function imageVM(img: StoredImage, fallbackAlt: string, preferred = 640, base = MEDIA_BASE): ImageVM {
  const widths = [...img.widths].sort((a, b) => a - b);
  const src = widths.find((w) => w >= preferred) ?? widths[widths.length - 1] ?? img.width;
  const largest = widths[widths.length - 1] ?? img.width;
  return {
    src: mediaUrl(img.key, src, img.format, base),
    srcset: widths.map((w) => `${mediaUrl(img.key, w, img.format, base)} ${w}w`).join(", "),
    width: largest,
    height: Math.round((img.height * largest) / Math.max(1, img.width)),
    alt: img.alt || fallbackAlt,
  };
}
