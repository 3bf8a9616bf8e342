// The demo product photos as files: each drawing (scripts/lib/demo-art.mjs) rasterised with
// sharp to WebP at the widths the Worker serves, cached on disk by the drawing's hash so a
// re-seed (and CI, after the first shop) skips the rasterising.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { drawProduct } from "./demo-art.mjs";

export const PHOTO_WIDTHS = [320, 640, 1280];
export const PHOTO_FORMAT = "webp";
const CACHE = process.env.HATTI_DEMO_PHOTOS ?? path.join(tmpdir(), "hatti-demo-photos");
const ASPECT = 1.25;

const sha = (b) => createHash("sha256").update(b).digest("hex");

/** One width of a drawing: from the cache, or drawn, rasterised and cached. */
async function rendered(svg, width) {
  const file = path.join(CACHE, `${sha(svg).slice(0, 32)}-${width}.${PHOTO_FORMAT}`);
  try {
    return readFileSync(file);
  } catch {
    const bytes = await sharp(Buffer.from(svg), { density: (72 * width) / 800 })
      .resize(width, Math.round(width * ASPECT))
      .webp({ quality: width > 640 ? 76 : 80 })
      .toBuffer();
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(`${file}.tmp`, bytes);
    renameSync(`${file}.tmp`, file);
    return bytes;
  }
}

/**
 * A product's photo set: every width's bytes and the key the Worker would give it
 * (src/media/store.ts photoSetDigest: every width's bytes, in width order, with the format).
 */
export async function photoSet(art, { detail = false } = {}) {
  const svg = drawProduct(art, { detail });
  const files = [];
  for (const w of PHOTO_WIDTHS) files.push(await rendered(svg, w));
  const digest = sha([PHOTO_FORMAT, ...PHOTO_WIDTHS.map((w, j) => `${w}:${sha(files[j])}`)].join("|"));
  const largest = PHOTO_WIDTHS.at(-1);
  return { digest, files, width: largest, height: Math.round(largest * ASPECT) };
}
