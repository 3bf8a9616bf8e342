// The demo product photos and banners as files: each drawing (scripts/lib/demo-art.mjs,
// demo-art-banners.mjs) rasterised with sharp to WebP at the widths the Worker serves, cached on disk by the drawing's hash so a
// re-seed (and CI, after the first shop) skips the rasterising.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { drawProduct } from "./demo-art.mjs";
import { drawBanner } from "./demo-art-banners.mjs";

export const PHOTO_WIDTHS = [320, 640, 1280];
export const PHOTO_FORMAT = "webp";
const CACHE = process.env.HATTI_DEMO_PHOTOS ?? path.join(tmpdir(), "hatti-demo-photos");
/** Height over width: a product photo is 4:5 (its SVG 800 wide), a banner 16:9 (1600 wide). */
const PRODUCT = { aspect: 1.25, drawn: 800 };
const BANNER = { aspect: 0.5625, drawn: 1600 };

const sha = (b) => createHash("sha256").update(b).digest("hex");

/** Every width of a drawing: from the cache, or rasterised once at the largest width and scaled down. */
async function rendered(svg, { aspect, drawn }) {
  const files = PHOTO_WIDTHS.map((w) => path.join(CACHE, `${sha(svg).slice(0, 32)}-${w}.${PHOTO_FORMAT}`));
  try {
    return files.map((f) => readFileSync(f));
  } catch {
    const largest = PHOTO_WIDTHS.at(-1);
    const { data, info } = await sharp(Buffer.from(svg), { density: (72 * largest) / drawn })
      .resize(largest, Math.round(largest * aspect))
      .raw()
      .toBuffer({ resolveWithObject: true });
    mkdirSync(CACHE, { recursive: true });
    const out = [];
    for (const [j, w] of PHOTO_WIDTHS.entries()) {
      const bytes = await sharp(data, { raw: info })
        .resize(w, Math.round(w * aspect))
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
 * A photo set: every width's bytes and the key the Worker would give it (src/media/store.ts
 * photoSetDigest: every width's bytes, in width order, with the format).
 */
async function photoSetOf(svg, shape) {
  const files = await rendered(svg, shape);
  const digest = sha([PHOTO_FORMAT, ...PHOTO_WIDTHS.map((w, j) => `${w}:${sha(files[j])}`)].join("|"));
  const largest = PHOTO_WIDTHS.at(-1);
  return { digest, files, width: largest, height: Math.round(largest * shape.aspect) };
}

/** A product's photo set (the studio shot, or with `detail` the closer one). */
export const photoSet = (art, { detail = false } = {}) => photoSetOf(drawProduct(art, { detail }), PRODUCT);

/** A banner scene's photo set (scripts/lib/demo-art-banners.mjs SCENES). */
export const bannerSet = (scene) => photoSetOf(drawBanner(scene), BANNER);
