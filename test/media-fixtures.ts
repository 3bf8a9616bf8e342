/**
 * Real image bytes made in the test: a valid PNG (zlib via CompressionStream, CRC32 per
 * chunk), and WebP/JPEG files whose headers carry the given size.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const ascii = (s: string) => new TextEncoder().encode(s);
const be32 = (n: number) => new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const le32 = (n: number) => new Uint8Array([n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255]);

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const td = concat([ascii(type), data]);
  return concat([be32(data.length), td, be32(crc32(td))]);
}

/** A solid-colour RGB PNG of the given size (valid: decodes in any browser). */
export async function png(width: number, height: number, rgb: [number, number, number] = [200, 80, 40]): Promise<Uint8Array> {
  const ihdr = concat([be32(width), be32(height), new Uint8Array([8, 2, 0, 0, 0])]);
  const row = new Uint8Array(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = new Uint8Array(row.length * height);
  for (let y = 0; y < height; y++) raw.set(row, y * row.length);
  return concat([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", await deflate(raw)), chunk("IEND", new Uint8Array())]);
}

/** A WebP (lossless, VP8L) header carrying width x height, padded to `size` bytes. */
export function webp(width: number, height: number, size = 64): Uint8Array {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  const payload = concat([new Uint8Array([0x2f]), le32(bits), new Uint8Array(Math.max(0, size - 25))]);
  const vp8l = concat([ascii("VP8L"), le32(payload.length), payload]);
  return concat([ascii("RIFF"), le32(4 + vp8l.length), ascii("WEBP"), vp8l]);
}

/** A baseline JPEG header (SOI, APP0, SOF0 with the size) and EOI. */
export function jpeg(width: number, height: number, extra: Uint8Array = new Uint8Array()): Uint8Array {
  const app0 = new Uint8Array([0xff, 0xe0, 0x00, 0x10, ...ascii("JFIF"), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = new Uint8Array([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return concat([new Uint8Array([0xff, 0xd8]), app0, sof, extra, new Uint8Array([0xff, 0xd9])]);
}

export { ascii, concat };
