/**
 * Code 128 (set B) as SVG, no library: a tracking number's printable ASCII as bars a courier's
 * scanner reads. Each symbol is six alternating bar/space widths (eleven modules); start B (104),
 * the data, the checksum (start + sum of position x value, mod 103), the stop (13 modules), with a
 * quiet zone of ten modules each side.
 */
const PATTERNS = (
  "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 122231 113222 " +
  "123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 212123 212321 " +
  "232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 112133 112331 132131 113123 113321 133121 " +
  "313121 211331 231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 " +
  "111422 121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 " +
  "111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 " +
  "114311 411113 411311 113141 114131 311141 411131 211412 211214 211232 2331112"
).split(" ");

const START_B = 104;
const STOP = 106;
const QUIET = 10;

/** The symbol values for `text` (printable ASCII only, else null), with start, checksum and stop. */
export function code128Values(text: string): number[] | null {
  if (!/^[\x20-\x7e]{1,80}$/.test(text)) return null;
  const data = [...text].map((ch) => ch.charCodeAt(0) - 32);
  const check = data.reduce((sum, v, i) => sum + v * (i + 1), START_B) % 103;
  return [START_B, ...data, check, STOP];
}

/** The widths of bars and spaces, alternating, starting with a bar. */
export const code128Widths = (values: number[]): number[] => values.flatMap((v) => [...PATTERNS[v]!].map(Number));

/** The barcode as an SVG element's markup pieces: its viewBox width and the bars' rects (x, width). */
export function code128Bars(text: string): { width: number; bars: [number, number][] } | null {
  const values = code128Values(text);
  if (!values) return null;
  const bars: [number, number][] = [];
  let x = QUIET;
  code128Widths(values).forEach((w, i) => {
    if (i % 2 === 0) bars.push([x, w]);
    x += w;
  });
  return { width: x + QUIET, bars };
}

export const CODE128_PATTERNS: readonly string[] = PATTERNS;
