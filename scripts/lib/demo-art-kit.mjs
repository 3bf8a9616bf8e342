// The drawing kit the demo product illustrations share: colour mixing, a seeded random source,
// gradient definitions and small shapes. Each drawing works in a 800 x 1000 box (a 4:5 photo),
// the product centred, resting on a floor line near y = 800.

const rgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const hex2 = (n) => Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, "0");

/** `a` moved a fraction `t` of the way to `b`. */
export function mix(a, b, t) {
  const [x, y] = [rgb(a), rgb(b)];
  return `#${x.map((v, i) => hex2(v + (y[i] - v) * t)).join("")}`;
}
export const light = (c, t) => mix(c, "#ffffff", t);
export const dark = (c, t) => mix(c, "#000000", t);

/** A repeatable random source (mulberry32) seeded from a string. */
export function seeded(text) {
  let s = 0;
  for (const ch of text) s = (Math.imul(s ^ ch.charCodeAt(0), 2654435761) + 1) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vertical (or, with `across`, horizontal) gradient from light to dark of one colour, as a <defs> entry. */
export function shade(id, c, { across = false, from = 0.28, to = 0.22 } = {}) {
  const [x2, y2] = across ? [1, 0] : [0, 1];
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${light(c, from)}"/><stop offset=".55" stop-color="${c}"/><stop offset="1" stop-color="${dark(c, to)}"/></linearGradient>`;
}

/** A ball lit from the upper left (beads, pearls, ladoos, cherries). */
export function ball(id, c) {
  return `<radialGradient id="${id}" cx=".35" cy=".3" r=".75"><stop offset="0" stop-color="${light(c, 0.6)}"/><stop offset=".45" stop-color="${c}"/><stop offset="1" stop-color="${dark(c, 0.35)}"/></radialGradient>`;
}

/** Gold, silver and glass the jewellery and jars use. */
export const GOLD = "#d4a437";
export const SILVER = "#c9ccd2";

/** Beads of radius r along a quadratic curve (x0,y0) -> control (cx,cy) -> (x1,y1). */
export function beads(n, [x0, y0], [cx, cy], [x1, y1], r, fill) {
  let out = "";
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0.5 : i / (n - 1);
    const x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1;
    const y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1;
    out += `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" fill="${fill}"/>`;
  }
  return out;
}

/** A four-pointed sparkle centred at (x, y). */
export const sparkle = (x, y, s, fill = "#ffffff") =>
  `<path d="M${x} ${y - s}Q${x + s * 0.14} ${y - s * 0.14} ${x + s} ${y}Q${x + s * 0.14} ${y + s * 0.14} ${x} ${y + s}Q${x - s * 0.14} ${y + s * 0.14} ${x - s} ${y}Q${x - s * 0.14} ${y - s * 0.14} ${x} ${y - s}Z" fill="${fill}" opacity=".9"/>`;

/** A plate or cake stand seen from the front, top at y. */
export const plate = (y, rx, c = "#ffffff") =>
  `<ellipse cx="400" cy="${y + 10}" rx="${rx}" ry="${rx * 0.2}" fill="${dark(c, 0.18)}"/><ellipse cx="400" cy="${y}" rx="${rx}" ry="${rx * 0.2}" fill="${c}"/><ellipse cx="400" cy="${y}" rx="${rx * 0.72}" ry="${rx * 0.13}" fill="${dark(c, 0.05)}"/>`;
