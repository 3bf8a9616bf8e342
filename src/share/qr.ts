/**
 * A small QR code encoder (ISO/IEC 18004), enough for a shop's or a product's address: error
 * correction level M (15 % of the symbol can be lost: a poster folded or a phone's screen
 * smudged), versions 1 to 10, byte mode (UTF-8) or numeric mode for digits only. Pure
 * arithmetic over Uint8Arrays: it runs in the Worker, needs no Node API and no dependency.
 * After Nayuki's reference design (MIT); tested by reading the symbols back (./qr.test.ts).
 */

/** Error-correction codewords in each block, and blocks, at level M, by version (index 0 unused). */
const EC_PER_BLOCK = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26] as const;
const BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5] as const;
const MAX_VERSION = 10;

/** Modules that carry data or error correction (every module but the function patterns). */
function rawModules(version: number): number {
  let n = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    n -= (25 * align - 10) * align - 55;
    if (version >= 7) n -= 36;
  }
  return n;
}

const totalCodewords = (v: number) => Math.floor(rawModules(v) / 8);
const dataCodewords = (v: number) => totalCodewords(v) - EC_PER_BLOCK[v]! * BLOCKS[v]!;

type Mode = "numeric" | "byte";
const countBits = (mode: Mode, v: number) => (mode === "byte" ? (v < 10 ? 8 : 16) : v < 10 ? 10 : 12);

/**
 * The most UTF-8 bytes a code holds (version 10-M in byte mode: 213): the one cap on what is
 * encoded. Callers check `qrFits()` before asking for a code.
 */
export const QR_MAX_BYTES = Math.floor((dataCodewords(MAX_VERSION) * 8 - 4 - countBits("byte", MAX_VERSION)) / 8);

const utf8 = new TextEncoder();

/** Whether `text` fits in a version-10-M code (its UTF-8 bytes, counted before anything is built). */
export const qrFits = (text: string) => text.length <= QR_MAX_BYTES && utf8.encode(text).length <= QR_MAX_BYTES;

/** A QR symbol: `size` x `size` modules, row-major, 1 = dark. */
export interface QrMatrix {
  version: number;
  mask: number;
  size: number;
  dark: Uint8Array;
}

export class QrTooLongError extends Error {
  constructor() {
    super(`QR text over ${QR_MAX_BYTES} bytes`);
  }
}

class Bits {
  readonly list: number[] = [];
  push(value: number, length: number) {
    for (let i = length - 1; i >= 0; i--) this.list.push((value >>> i) & 1);
  }
}

/** The segment's bits after its mode and count: 3 digits in 10 bits, or 8 bits a byte. */
function payload(mode: Mode, text: string, bytes: Uint8Array): { bits: Bits; count: number } {
  const bits = new Bits();
  if (mode === "byte") {
    for (const b of bytes) bits.push(b, 8);
    return { bits, count: bytes.length };
  }
  for (let i = 0; i < text.length; i += 3) {
    const group = text.slice(i, i + 3);
    bits.push(Number(group), group.length * 3 + 1);
  }
  return { bits, count: text.length };
}

// --- Reed-Solomon over GF(256), x^8 + x^4 + x^3 + x^2 + 1 ---

function gfMul(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}

/** The generator polynomial of `degree` (coefficients highest first, leading 1 dropped). */
function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMul(result[j]!, root);
      if (j + 1 < degree) result[j] = result[j]! ^ result[j + 1]!;
    }
    root = gfMul(root, 0x02);
  }
  return result;
}

function rsRemainder(data: readonly number[], divisor: readonly number[]): number[] {
  const result = new Array<number>(divisor.length).fill(0);
  for (const b of data) {
    const factor = b ^ result.shift()!;
    result.push(0);
    divisor.forEach((coef, i) => (result[i] = result[i]! ^ gfMul(coef, factor)));
  }
  return result;
}

/** Splits the data codewords into blocks, adds each block's error correction, interleaves. */
function withErrorCorrection(data: number[], version: number): number[] {
  const blocks = BLOCKS[version]!;
  const ecLen = EC_PER_BLOCK[version]!;
  const raw = totalCodewords(version);
  const shortBlocks = blocks - (raw % blocks);
  const shortLen = Math.floor(raw / blocks);
  const divisor = rsDivisor(ecLen);
  const all: number[][] = [];
  for (let i = 0, k = 0; i < blocks; i++) {
    const dat = data.slice(k, k + shortLen - ecLen + (i < shortBlocks ? 0 : 1));
    k += dat.length;
    const ec = rsRemainder(dat, divisor);
    if (i < shortBlocks) dat.push(0);
    all.push(dat.concat(ec));
  }
  const out: number[] = [];
  for (let i = 0; i < all[0]!.length; i++)
    all.forEach((block, j) => {
      if (i !== shortLen - ecLen || j >= shortBlocks) out.push(block[i]!);
    });
  return out;
}

/** The codewords a text becomes: the smallest version that holds it. */
function codewords(text: string): { version: number; words: number[] } {
  const mode: Mode = /^[0-9]+$/.test(text) ? "numeric" : "byte";
  if (!qrFits(text)) throw new QrTooLongError();
  const bytes = utf8.encode(text);
  const { bits: body, count } = payload(mode, text, bytes);
  let version = 1;
  while (4 + countBits(mode, version) + body.list.length > dataCodewords(version) * 8) version++;
  const capacity = dataCodewords(version) * 8;
  const bits = new Bits();
  bits.push(mode === "byte" ? 0b0100 : 0b0001, 4);
  bits.push(count, countBits(mode, version));
  bits.list.push(...body.list);
  bits.push(0, Math.min(4, capacity - bits.list.length));
  bits.push(0, (8 - (bits.list.length % 8)) % 8);
  const data: number[] = [];
  for (let i = 0; i < bits.list.length; i += 8) data.push(bits.list.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; data.length < dataCodewords(version); pad ^= 0xec ^ 0x11) data.push(pad);
  return { version, words: withErrorCorrection(data, version) };
}

// --- The symbol ---

/** The centres of the alignment patterns along one axis. */
function alignmentCentres(version: number): number[] {
  if (version === 1) return [];
  const n = Math.floor(version / 7) + 2;
  const size = version * 4 + 17;
  const step = Math.floor((version * 8 + n * 3 + 5) / (n * 4 - 4)) * 2;
  const out = [6];
  for (let pos = size - 7; out.length < n; pos -= step) out.splice(1, 0, pos);
  return out;
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

class Symbol {
  readonly size: number;
  readonly dark: Uint8Array;
  readonly fixed: Uint8Array;
  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.dark = new Uint8Array(this.size * this.size);
    this.fixed = new Uint8Array(this.size * this.size);
    this.drawFunctionPatterns();
  }
  set(x: number, y: number, dark: boolean) {
    this.dark[y * this.size + x] = dark ? 1 : 0;
    this.fixed[y * this.size + x] = 1;
  }
  private drawFunctionPatterns() {
    const { size, version } = this;
    for (let i = 0; i < size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const)
      for (let dy = -4; dy <= 4; dy++)
        for (let dx = -4; dx <= 4; dx++) {
          const d = Math.max(Math.abs(dx), Math.abs(dy));
          const x = cx + dx;
          const y = cy + dy;
          if (x >= 0 && x < size && y >= 0 && y < size) this.set(x, y, d !== 2 && d !== 4);
        }
    const centres = alignmentCentres(version);
    const last = centres.length - 1;
    centres.forEach((cx, i) =>
      centres.forEach((cy, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }),
    );
    this.drawFormat(0); // reserves the format areas; drawn again with the chosen mask
    if (version >= 7) {
      let rem = version;
      for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
      const bits = (version << 12) | rem;
      for (let i = 0; i < 18; i++) {
        const bit = ((bits >>> i) & 1) === 1;
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(a, b, bit);
        this.set(b, a, bit);
      }
    }
  }
  /** Level M (bits 00) and the mask, BCH(15,5), XOR 101010000010010; two copies and the dark module. */
  drawFormat(mask: number) {
    const { size } = this;
    const data = mask; // level M's two bits are 00
    let rem = data;
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    const bits = ((data << 10) | rem) ^ 0x5412;
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) this.set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.set(8, size - 15 + i, bit(i));
    this.set(8, size - 8, true);
  }
  /** Places the codewords' bits in the two-column zigzag from the bottom right. */
  drawCodewords(words: readonly number[]) {
    const { size } = this;
    let i = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const upward = ((right + 1) & 2) === 0;
      for (let vert = 0; vert < size; vert++)
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          const y = upward ? size - 1 - vert : vert;
          if (this.fixed[y * size + x] || i >= words.length * 8) continue;
          this.dark[y * size + x] = (words[i >>> 3]! >>> (7 - (i & 7))) & 1;
          i++;
        }
    }
  }
  applyMask(mask: number) {
    const { size } = this;
    const test = MASKS[mask]!;
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (!this.fixed[y * size + x] && test(x, y)) this.dark[y * size + x]! ^= 1;
  }
}

/** The standard's penalty (N1 runs, N2 blocks, N3 finder look-alikes, N4 balance): the lowest wins. */
function penalty(dark: Uint8Array, size: number): number {
  let score = 0;
  const at = (x: number, y: number) => dark[y * size + x]!;
  for (const horizontal of [true, false]) {
    for (let a = 0; a < size; a++) {
      let line = "0000";
      let run = 0;
      let prev = -1;
      for (let b = 0; b < size; b++) {
        const v = horizontal ? at(b, a) : at(a, b);
        line += v;
        if (v === prev) run++;
        else {
          if (run >= 5) score += run - 2;
          run = 1;
          prev = v;
        }
      }
      if (run >= 5) score += run - 2;
      line += "0000";
      for (let k = line.indexOf("1011101"); k >= 0; k = line.indexOf("1011101", k + 1))
        if (line.slice(k - 4, k) === "0000" || line.slice(k + 7, k + 11) === "0000") score += 40;
    }
  }
  for (let y = 0; y < size - 1; y++)
    for (let x = 0; x < size - 1; x++) {
      const v = at(x, y);
      if (v === at(x + 1, y) && v === at(x, y + 1) && v === at(x + 1, y + 1)) score += 3;
    }
  const total = size * size;
  const darkCount = dark.reduce((a, b) => a + b, 0);
  score += (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
  return score;
}

/**
 * The QR symbol of `text` at level M, in the smallest version that holds it. The mask is the
 * one with the lowest penalty unless `mask` (0-7) is given (the tests compare known symbols).
 * Throws QrTooLongError past QR_MAX_BYTES.
 */
export function qrEncode(text: string, mask?: number): QrMatrix {
  const { version, words } = codewords(text);
  const symbol = new Symbol(version);
  symbol.drawCodewords(words);
  let chosen = mask ?? -1;
  if (chosen < 0) {
    let best = Infinity;
    for (let m = 0; m < 8; m++) {
      symbol.applyMask(m);
      symbol.drawFormat(m);
      const p = penalty(symbol.dark, symbol.size);
      if (p < best) [best, chosen] = [p, m];
      symbol.applyMask(m); // XOR again: undone
    }
  }
  symbol.applyMask(chosen);
  symbol.drawFormat(chosen);
  return { version, mask: chosen, size: symbol.size, dark: symbol.dark };
}
