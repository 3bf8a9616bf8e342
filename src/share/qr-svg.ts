import type { QrMatrix } from "./qr";

/** The quiet zone the standard asks for around a symbol, in modules. */
const QUIET = 4;

/**
 * A QR symbol as a small SVG: a white square with the quiet zone, and every dark module in one
 * <path> (one subpath a run of dark modules in a row), drawn with crisp edges so a printer or a
 * phone's screen never blurs the modules into each other. No text from anyone goes into it.
 */
export function qrSvg(qr: QrMatrix, label: string): string {
  const { size, dark } = qr;
  let d = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!dark[y * size + x]) continue;
      let end = x;
      while (end + 1 < size && dark[y * size + end + 1]) end++;
      d += `M${x + QUIET} ${y + QUIET}h${end - x + 1}v1H${x + QUIET}z`;
      x = end;
    }
  }
  const full = size + QUIET * 2;
  const title = label.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges" role="img"><title>${title}</title><rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}
