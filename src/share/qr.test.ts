/**
 * The QR encoder, checked two ways: against symbols made by an independent implementation
 * (python-qrcode 8.2, same text, level M and mask; rows as hex, padded to whole digits), and by
 * reading every symbol back with the reader below, written from the standard and sharing no code
 * with ./qr.ts: finder and timing patterns, both copies of the format (and version) information
 * against their BCH codes, the codewords taken out of the zigzag and unmasked, each block's
 * Reed-Solomon syndromes zero, and the data segment decoded to the text that was encoded.
 */
import { describe, expect, it } from "vitest";
import { QR_MAX_BYTES, QrTooLongError, qrEncode, qrFits, type QrMatrix } from "./qr";
import { qrSvg } from "./qr-svg";

const VECTORS = [
  {
    text: "01234567",
    mask: 2,
    version: 1,
    rows: [
      "fe5bf8",
      "827a08",
      "ba82e8",
      "bac2e8",
      "babae8",
      "828a08",
      "feabf8",
      "009800",
      "be4be0",
      "15a960",
      "2354f8",
      "0841e0",
      "1f9480",
      "00be60",
      "fe6b00",
      "82be28",
      "ba8960",
      "bac900",
      "bab4a0",
      "8201b0",
      "fef4a0",
    ],
  },
  {
    text: "https://ayesha-kitchen.hatti.pk",
    mask: 0,
    version: 3,
    rows: [
      "fe527bf8",
      "82ec3208",
      "ba3132e8",
      "ba74a2e8",
      "bab4f2e8",
      "820bda08",
      "feaaabf8",
      "00215800",
      "aa18c890",
      "70edce48",
      "ce23a938",
      "9d66f510",
      "d71b5f58",
      "c09b6e48",
      "0b3403d8",
      "a1094050",
      "bfd0ca58",
      "2d55ee68",
      "86338d98",
      "50b6d9d0",
      "9e73cf80",
      "00eb08b8",
      "fe443ad8",
      "821868c8",
      "bac1ef90",
      "ba2480a0",
      "babec1c8",
      "822b5e10",
      "feec5c98",
    ],
  },
  {
    text: "https://ayesha-kitchen.hatti.pk/products/handmade-embroidered-chiffon-kurta-with-dupatta-for-weddings",
    mask: 6,
    version: 6,
    rows: [
      "fea6a0623f8",
      "82dbd601208",
      "bac06e61ae8",
      "ba4d8ccdae8",
      "bae034272e8",
      "824d6f86a08",
      "feaaaaaabf8",
      "006d3250000",
      "9fcfc09c4b8",
      "f1e0b771580",
      "df59cfd44a0",
      "1c30592fed8",
      "626c0180b00",
      "01a67938ec8",
      "be8bba37f08",
      "71f20a80c20",
      "be2e0240c10",
      "64c658174e0",
      "d7f77159988",
      "c59293db6a0",
      "7e95a1b5268",
      "d1a61d775e0",
      "43b6e596da0",
      "f0e04a251d8",
      "72b49819b08",
      "b447c93aba8",
      "4bbc1651ad8",
      "2d4710b93e8",
      "1bbc1ad1958",
      "9c0a6a5bcf0",
      "cf2e4d9fdc8",
      "c59120732a8",
      "ea94c09dfb8",
      "00a5fb36890",
      "fef80119ae0",
      "82d3210d8c8",
      "ba965e81fc8",
      "bae56138928",
      "ba47f410588",
      "822960992e8",
      "fee66bd9cc0",
    ],
  },
  {
    text: "https://dukaan-e-zainab.hatti.pk/products/handmade-embroidered-chiffon-kurta-with-dupatta-for-weddings-and-mehndi-functions-lawn-2025-2",
    mask: 5,
    version: 8,
    rows: [
      "fe7f4e1174bf8",
      "82e2aa1befa08",
      "ba899ada81ae8",
      "baf2a93ffd2e8",
      "ba173fe6442e8",
      "82080a393a208",
      "feaaaaaaaabf8",
      "00acde2b81000",
      "82d28fe17de70",
      "1017ec6ffffd0",
      "6a89f13932098",
      "ac23ac3ee18d0",
      "46b42cae8b598",
      "b41421c6dd250",
      "972f5121b7098",
      "e9abca3ab4a68",
      "129949d649f60",
      "1cf917529d650",
      "a600585b84d68",
      "dcc1b40ae3dc0",
      "5ac8bbd11ee38",
      "21f9bcb3fff60",
      "bfa70ff133fc8",
      "7895462e848d8",
      "6ac316aacea98",
      "68f8563e5c8c0",
      "afd05bf17bfb8",
      "cd8932f0278f8",
      "7ed907a769cf8",
      "d4097ad705560",
      "62a930fd413c8",
      "f1333ca581950",
      "d6c20a486dcf8",
      "0de49e85a65e0",
      "a6b10ecbb7258",
      "989eb9bca1958",
      "ff29870cdb900",
      "014971bfdc900",
      "46a5b2416b7b8",
      "713e9d8647128",
      "e2ebcfe33dff8",
      "00819633598b0",
      "fe1872a544aa8",
      "8224a22ce58c8",
      "ba0e13e118fb8",
      "ba370d4fff728",
      "ba1377b82a320",
      "82032072c4e48",
      "fe9fd27ba8188",
    ],
  },
];

// --- The reader (independent of the encoder) ---

/** Level M at each version: [total codewords, EC codewords a block, blocks] (ISO/IEC 18004 table 9). */
const TABLE: Record<number, [number, number, number]> = {
  1: [26, 10, 1], 2: [44, 16, 1], 3: [70, 26, 1], 4: [100, 18, 2], 5: [134, 24, 2],
  6: [172, 16, 4], 7: [196, 18, 4], 8: [242, 22, 4], 9: [292, 22, 5], 10: [346, 26, 5],
};
/** Alignment pattern centres (ISO/IEC 18004 annex E). */
const ALIGN: Record<number, number[]> = {
  1: [], 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34], 7: [6, 22, 38], 8: [6, 24, 42], 9: [6, 26, 46], 10: [6, 28, 50],
};

// GF(256) by log and antilog tables (the encoder multiplies bit by bit).
const EXP = new Array<number>(512);
const LOG = new Array<number>(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
const mul = (a: number, b: number) => (a && b ? EXP[LOG[a]! + LOG[b]!]! : 0);

/** Remainder of a binary polynomial division (for the BCH codes). */
function polyMod(value: number, generator: number): number {
  const gLen = generator.toString(2).length;
  for (let bit = value.toString(2).length; bit >= gLen; bit--) if (value & (1 << (bit - 1))) value ^= generator << (bit - gLen);
  return value;
}

const MASK_TESTS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

interface Read {
  version: number;
  mask: number;
  text: string;
  /** The codewords as placed (interleaved). */
  words: number[];
}

/** Reads a symbol (module(row, col) = 1 for dark) back to its text, failing on any flaw. */
function readSymbol(size: number, module: (row: number, col: number) => number): Read {
  const version = (size - 17) / 4;
  expect(Number.isInteger(version) && version >= 1 && version <= 10, "size").toBe(true);
  // Finder patterns with their light separators.
  for (const [r0, c0] of [[0, 0], [0, size - 7], [size - 7, 0]]) {
    for (let r = -1; r <= 7; r++)
      for (let c = -1; c <= 7; c++) {
        const row = r0! + r;
        const col = c0! + c;
        if (row < 0 || col < 0 || row >= size || col >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        expect(module(row, col), `finder ${r0},${c0} at ${row},${col}`).toBe(ring === 2 || ring === 4 ? 0 : 1);
      }
  }
  for (let k = 8; k < size - 8; k++) {
    expect(module(6, k), `timing row ${k}`).toBe(k % 2 === 0 ? 1 : 0);
    expect(module(k, 6), `timing col ${k}`).toBe(k % 2 === 0 ? 1 : 0);
  }
  expect(module(size - 8, 8), "dark module").toBe(1);

  // Format information, both copies (bit 14 first), against every valid BCH(15,5) word.
  const formatA = [
    ...[0, 1, 2, 3, 4, 5, 7, 8].map((c) => module(8, c)),
    ...[7, 5, 4, 3, 2, 1, 0].map((r) => module(r, 8)),
  ].reduce((a, b) => (a << 1) | b, 0);
  const formatB = [
    ...[0, 1, 2, 3, 4, 5, 6].map((k) => module(size - 1 - k, 8)),
    ...[7, 6, 5, 4, 3, 2, 1, 0].map((k) => module(8, size - 1 - k)),
  ].reduce((a, b) => (a << 1) | b, 0);
  expect(formatA, "both format copies").toBe(formatB);
  const unmasked = formatA ^ 0b101010000010010;
  expect(polyMod(unmasked, 0b10100110111), "format BCH").toBe(0);
  expect(unmasked >> 13, "level M").toBe(0b00);
  const mask = (unmasked >> 10) & 7;

  // Version information (7 and up), both copies, against BCH(18,6).
  const reserved = new Set<string>();
  const reserve = (r: number, c: number) => reserved.add(`${r},${c}`);
  if (version >= 7) {
    let a = 0;
    let b = 0;
    for (let k = 17; k >= 0; k--) {
      a = (a << 1) | module(Math.floor(k / 3), size - 11 + (k % 3));
      b = (b << 1) | module(size - 11 + (k % 3), Math.floor(k / 3));
    }
    expect(a, "both version copies").toBe(b);
    expect(a >> 12, "version").toBe(version);
    expect(polyMod(a, 0b1111100100101), "version BCH").toBe(0);
    for (let k = 0; k < 18; k++) {
      reserve(Math.floor(k / 3), size - 11 + (k % 3));
      reserve(size - 11 + (k % 3), Math.floor(k / 3));
    }
  }
  // Every function module, for the data walk to skip.
  for (let r = 0; r < 9; r++) for (let c = 0; c < 9; c++) reserve(r, c);
  for (let r = 0; r < 9; r++) for (let c = size - 8; c < size; c++) reserve(r, c);
  for (let r = size - 8; r < size; r++) for (let c = 0; c < 9; c++) reserve(r, c);
  for (let k = 0; k < size; k++) {
    reserve(6, k);
    reserve(k, 6);
  }
  const centres = ALIGN[version]!;
  for (const r of centres)
    for (const c of centres) {
      if ((r < 9 && c < 9) || (r < 9 && c > size - 9) || (r > size - 9 && c < 9)) continue;
      for (let dr = -2; dr <= 2; dr++)
        for (let dc = -2; dc <= 2; dc++) {
          expect(module(r + dr, c + dc), `alignment ${r},${c}`).toBe(Math.max(Math.abs(dr), Math.abs(dc)) === 1 ? 0 : 1);
          reserve(r + dr, c + dc);
        }
    }

  // The data walk: two columns at a time from the right, up then down, skipping column 6.
  const bits: number[] = [];
  let upward = true;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (const c of [col, col - 1]) {
        if (reserved.has(`${row},${c}`)) continue;
        bits.push(module(row, c) ^ (MASK_TESTS[mask]!(row, c) ? 1 : 0));
      }
    }
    upward = !upward;
  }
  const [total, ecLen, blockCount] = TABLE[version]!;
  expect(Math.floor(bits.length / 8), "codewords in the symbol").toBe(total);
  const words: number[] = [];
  for (let k = 0; k + 8 <= total * 8; k += 8) words.push(parseInt(bits.slice(k, k + 8).join(""), 2));

  // De-interleave: short blocks first, data then EC, and check each block's syndromes.
  const dataTotal = total - ecLen * blockCount;
  const longBlocks = dataTotal % blockCount;
  const shortData = Math.floor(dataTotal / blockCount);
  const dataLens = Array.from({ length: blockCount }, (_, b) => shortData + (b >= blockCount - longBlocks ? 1 : 0));
  const blocks: number[][] = dataLens.map(() => []);
  let at = 0;
  for (let k = 0; k < shortData + 1; k++) for (let b = 0; b < blockCount; b++) if (k < dataLens[b]!) blocks[b]!.push(words[at++]!);
  for (let k = 0; k < ecLen; k++) for (let b = 0; b < blockCount; b++) blocks[b]!.push(words[at++]!);
  expect(at).toBe(total);
  const data: number[] = [];
  for (const [b, block] of blocks.entries()) {
    for (let s = 0; s < ecLen; s++) {
      let syndrome = 0;
      for (const w of block) syndrome = mul(syndrome, EXP[s]!) ^ w;
      expect(syndrome, `block ${b} syndrome ${s}`).toBe(0);
    }
    data.push(...block.slice(0, dataLens[b]));
  }

  // The segment: mode, count, payload, then a terminator and the 0xEC 0x11 padding.
  const stream = data.map((w) => w.toString(2).padStart(8, "0")).join("");
  let pos = 0;
  const take = (n: number) => parseInt(stream.slice(pos, (pos += n)), 2);
  const mode = take(4);
  let text = "";
  if (mode === 0b0100) {
    const count = take(version < 10 ? 8 : 16);
    text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from({ length: count }, () => take(8)));
  } else {
    expect(mode, "mode").toBe(0b0001);
    let count = take(version < 10 ? 10 : 12);
    for (; count >= 3; count -= 3) text += String(take(10)).padStart(3, "0");
    if (count === 2) text += String(take(7)).padStart(2, "0");
    if (count === 1) text += String(take(4));
  }
  expect(stream.slice(pos, pos + 4).replace(/0/g, ""), "terminator").toBe("");
  const padStart = Math.ceil(Math.min(pos + 4, stream.length) / 8);
  data.slice(padStart).forEach((w, k) => expect(w, "padding").toBe(k % 2 ? 0x11 : 0xec));
  return { version, mask, text, words };
}

const readMatrix = (qr: QrMatrix) => readSymbol(qr.size, (r, c) => qr.dark[r * qr.size + c]!);
const fromHex = (rows: string[], size: number) => (r: number, c: number) => (parseInt(rows[r]![c >> 2]!, 16) >> (3 - (c & 3))) & 1;

/** Realistic addresses: the shop, a long product, a long Urdu-titled one, an Urdu query, the cap. */
const SHOP = "https://ayesha-kitchen.hatti.pk";
const URLS = [
  SHOP,
  `${SHOP}/products/handmade-embroidered-chiffon-kurta-with-dupatta-for-weddings`,
  `https://dukaan-e-zainab-collection.hatti.pk/products/p-k3x9q2`,
  `${SHOP}/search?q=ہاتھ سے کڑھائی والا شیفون کا کرتا`,
  `${SHOP}/products/${"kurta-".repeat(40)}`.slice(0, QR_MAX_BYTES),
];

describe("QR encoder", () => {
  it("makes the standard's example codewords for 01234567 at 1-M (ISO/IEC 18004 annex I)", () => {
    const qr = qrEncode("01234567", 2);
    expect(qr.version).toBe(1);
    const read = readMatrix(qr);
    expect(read.text).toBe("01234567");
    // 00010000 00100000 00001100 01010110 01100001 10000000, the padding, then the 10 EC codewords.
    expect(read.words).toEqual([16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17, 165, 36, 212, 193, 237, 54, 199, 135, 44, 85]);
  });

  for (const v of VECTORS) {
    it(`matches an independent encoder, module for module: ${v.text.slice(0, 40)}… (v${v.version}, mask ${v.mask})`, () => {
      const qr = qrEncode(v.text, v.mask);
      expect(qr.version).toBe(v.version);
      const ref = fromHex(v.rows, qr.size);
      for (let r = 0; r < qr.size; r++) for (let c = 0; c < qr.size; c++) expect(qr.dark[r * qr.size + c], `module ${r},${c}`).toBe(ref(r, c));
      // And the reference reads back with our reader.
      expect(readSymbol(qr.size, ref)).toMatchObject({ version: v.version, mask: v.mask, text: v.text });
    });
  }

  it("reads back every mask and the chosen one, for shop and product addresses up to the cap", () => {
    for (const url of URLS) {
      for (let mask = 0; mask < 8; mask++) expect(readMatrix(qrEncode(url, mask))).toMatchObject({ mask, text: url });
      const best = qrEncode(url);
      expect(readMatrix(best).text).toBe(url);
      expect(best.mask).toBeGreaterThanOrEqual(0);
    }
    // Each version from 1 to 10 in turn: the smallest that holds the text.
    const seen = new Set<number>();
    for (let n = 1; n <= QR_MAX_BYTES; n += 4) seen.add(readMatrix(qrEncode("x".repeat(n))).version);
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("has a reader that notices one wrong module (the checks above are not vacuous)", () => {
    const qr = qrEncode(URLS[1]!);
    const flipped = (r: number, c: number) => qr.dark[r * qr.size + c]! ^ (r === qr.size - 1 && c === qr.size - 1 ? 1 : 0);
    expect(() => readSymbol(qr.size, flipped)).toThrow(/syndrome/);
    const timing = (r: number, c: number) => qr.dark[r * qr.size + c]! ^ (r === 6 && c === 10 ? 1 : 0);
    expect(() => readSymbol(qr.size, timing)).toThrow(/timing/);
    const format = (r: number, c: number) => qr.dark[r * qr.size + c]! ^ (r === 8 && c === 2 ? 1 : 0);
    expect(() => readSymbol(qr.size, format)).toThrow(/format/);
  });

  it("holds 213 bytes (10-M) and refuses one more, counting UTF-8 bytes, before building anything", () => {
    expect(QR_MAX_BYTES).toBe(213);
    const atCap = `${SHOP}/`.padEnd(QR_MAX_BYTES, "a");
    expect(qrFits(atCap)).toBe(true);
    expect(readMatrix(qrEncode(atCap))).toMatchObject({ version: 10, text: atCap });
    expect(qrFits(atCap + "a")).toBe(false);
    expect(() => qrEncode(atCap + "a")).toThrow(QrTooLongError);
    // Urdu is 2 bytes a letter: 107 letters are 214 bytes.
    const urdu = "ک".repeat(107);
    expect(qrFits(urdu)).toBe(false);
    expect(() => qrEncode(urdu)).toThrow(QrTooLongError);
    expect(readMatrix(qrEncode("ک".repeat(106))).text).toBe("ک".repeat(106));
    expect(qrFits("x".repeat(1_000_000))).toBe(false);
  });
});

describe("QR as SVG", () => {
  it("is one path with a quiet zone of 4, crisp edges, a white ground, and reads back", () => {
    const url = URLS[1]!;
    const qr = qrEncode(url);
    const svg = qrSvg(qr, `QR: ${url}`);
    const full = qr.size + 8;
    expect(svg).toContain(`viewBox="0 0 ${full} ${full}"`);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg.match(/<path/g)).toHaveLength(1);
    expect(svg).toContain(`<rect width="${full}" height="${full}" fill="#fff"/>`);
    // Draw the path back into modules.
    const d = /<path fill="#000" d="([^"]+)"/.exec(svg)![1]!;
    const drawn = new Uint8Array(qr.size * qr.size);
    for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(4);
      expect(Number(y)).toBeGreaterThanOrEqual(4);
      for (let k = 0; k < Number(w); k++) drawn[(Number(y) - 4) * qr.size + Number(x) - 4 + k] = 1;
    }
    expect(d.replace(/M\d+ \d+h\d+v1H\d+z/g, "")).toBe("");
    expect(readSymbol(qr.size, (r, c) => drawn[r * qr.size + c]!).text).toBe(url);
    // Small: a run a subpath, never a rect a module.
    expect(svg.length).toBeLessThan(12_000);
  });

  it("escapes its label", () => {
    expect(qrSvg(qrEncode("a"), `<script>"&'`)).toContain("<title>&#60;script&#62;&#34;&#38;&#39;</title>");
  });
});
