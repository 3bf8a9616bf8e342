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

/** Every width of a drawing: from the cache, or rasterised once at the largest width and scaled down. */
async function rendered(svg) {
  const files = PHOTO_WIDTHS.map((w) => path.join(CACHE, `${sha(svg).slice(0, 32)}-${w}.${PHOTO_FORMAT}`));
  try {
    return files.map((f) => readFileSync(f));
  } catch {
    const largest = PHOTO_WIDTHS.at(-1);
    const { data, info } = await sharp(Buffer.from(svg), { density: (72 * largest) / 800 })
      .resize(largest, Math.round(largest * ASPECT))
      .raw()
      .toBuffer({ resolveWithObject: true });
    mkdirSync(CACHE, { recursive: true });
    const out = [];
    for (const [j, w] of PHOTO_WIDTHS.entries()) {
      const bytes = await sharp(data, { raw: info })
        .resize(w, Math.round(w * ASPECT))
        .webp({ quality: w > 640 ? 76 : 80, effort: 2 })
        .toBuffer();
      writeFileSync(`${files[j]}.tmp`, bytes);
      renameSync(`${files[j]}.tmp`, files[j]);
      out.push(bytes);
    }
    return out;
  }
}

/**
 * A product's photo set: every width's bytes and the key the Worker would give it
 * (src/media/store.ts photoSetDigest: every width's bytes, in width order, with the format).
 */
export async function photoSet(art, { detail = false } = {}) {
  const svg = drawProduct(art, { detail });
  const files = await rendered(svg);
  const digest = sha([PHOTO_FORMAT, ...PHOTO_WIDTHS.map((w, j) => `${w}:${sha(files[j])}`)].join("|"));
  const largest = PHOTO_WIDTHS.at(-1);
  return { digest, files, width: largest, height: Math.round(largest * ASPECT) };
}
