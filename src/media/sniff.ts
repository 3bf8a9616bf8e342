/**
 * Recognises an upload by its bytes, never by its name or declared type: JPEG, PNG and WebP
 * only, with width and height read from the image header. Anything else (SVG, HTML, PDF, a
 * GIF, a text file renamed .jpg) and markup smuggled into an image (polyglots) is refused.
 */
import type { ImageFormat } from "./urls";

export interface Sniffed {
  format: ImageFormat;
  width: number;
  height: number;
}

export type SniffError = "media.notImage" | "media.corrupt" | "media.markup";

const u16be = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32be = (b: Uint8Array, o: number) => ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
const u16le = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u24le = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16);
const u32le = (b: Uint8Array, o: number) => (u24le(b, o) + b[o + 3]! * 0x1000000) >>> 0;
const ascii = (b: Uint8Array, o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));

function png(b: Uint8Array): Sniffed | "media.corrupt" {
  if (b.length < 33 || ascii(b, 12, 4) !== "IHDR") return "media.corrupt";
  return { format: "png", width: u32be(b, 16), height: u32be(b, 20) };
}

function jpeg(b: Uint8Array): Sniffed | "media.corrupt" {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return "media.corrupt";
    const marker = b[o + 1]!;
    if (marker === 0xff) {
      o += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      o += 2;
      continue;
    }
    const len = u16be(b, o + 2);
    if (len < 2) return "media.corrupt";
    // Start-of-frame markers C0..CF except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: "jpeg", height: u16be(b, o + 5), width: u16be(b, o + 7) };
    }
    if (marker === 0xda || marker === 0xd9) return "media.corrupt";
    o += 2 + len;
  }
  return "media.corrupt";
}

function webp(b: Uint8Array): Sniffed | "media.corrupt" {
  if (b.length < 30) return "media.corrupt";
  const riffSize = u32le(b, 4);
  if (riffSize + 8 !== b.length && riffSize + 9 !== b.length) return "media.corrupt";
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 ") {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return "media.corrupt";
    return { format: "webp", width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === "VP8L") {
    if (b[20] !== 0x2f) return "media.corrupt";
    const bits = u32le(b, 21);
    return { format: "webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { format: "webp", width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return "media.corrupt";
}

/** Markup that a browser could be tricked into running if the file were ever served as HTML. */
const MARKUP = /<(script|html|svg[\s>/]|!doctype|iframe|object|embed|body|\?xml)/i;

function hasMarkup(b: Uint8Array): boolean {
  // One char per byte, so the regex sees the raw bytes; windows overlap by 16 bytes.
  const step = 8192;
  for (let o = 0; o < b.length; o += step) {
    if (MARKUP.test(String.fromCharCode(...b.subarray(o, Math.min(b.length, o + step + 16))))) return true;
  }
  return false;
}

export function sniffImage(bytes: Uint8Array): Sniffed | SniffError {
  const b = bytes;
  let found: Sniffed | "media.corrupt";
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === "PNG" && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) found = png(b);
  else if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) found = jpeg(b);
  else if (b.length >= 16 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") found = webp(b);
  else return "media.notImage";
  if (found === "media.corrupt" || found.width < 1 || found.height < 1) return "media.corrupt";
  if (hasMarkup(b)) return "media.markup";
  return found;
}
