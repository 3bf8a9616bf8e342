// A tiny PNG encoder (truecolour, 8-bit) and a procedural "product photo" painter, so the demo
// shop has real photos without any image library or download.
import { deflateSync } from "node:zlib";

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGB pixels (Uint8Array of width*height*3) as a PNG file. */
export function encodePng(width, height, rgb) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

/**
 * Paints a square product photo: a soft background, a large motif (circle, arch or diamond)
 * with a stripe pattern, like a flat-lay of fabric or a jar label.
 */
export function paintProduct(size, { bg, fg, accent, motif = "circle", stripes = 8 }) {
  const [b, f, a] = [hex(bg), hex(fg), hex(accent)];
  const px = new Uint8Array(size * size * 3);
  const c = size / 2;
  const r = size * 0.34;
  const band = Math.max(2, Math.round(size / (stripes * 2)));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - c;
      const dy = y - c;
      let inside;
      if (motif === "diamond") inside = Math.abs(dx) + Math.abs(dy) < r * 1.25;
      else if (motif === "arch") inside = Math.abs(dx) < r * 0.8 && (dy > 0 ? dy < r : dx * dx + dy * dy < (r * 0.8) ** 2);
      else inside = dx * dx + dy * dy < r * r;
      const stripe = Math.floor((x + y) / band) % 2 === 0;
      const col = inside ? (stripe ? f : a) : b;
      const i = (y * size + x) * 3;
      px[i] = col[0];
      px[i + 1] = col[1];
      px[i + 2] = col[2];
    }
  }
  return encodePng(size, size, px);
}
