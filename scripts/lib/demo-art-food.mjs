// Cakes, sweets, savouries and jars for the demo product photos (see demo-art.mjs).
import { ball, dark, light, plate, shade, sparkle } from "./demo-art-kit.mjs";

const SPRINKLES = ["#f472b6", "#60a5fa", "#facc15", "#34d399", "#ffffff"];

/** A round layer cake on a stand: sponge, cream layers, a dripping glaze, fruit on top. */
export function cake({ main, accent, rand }) {
  const defs = shade("sponge", main, { across: true, from: 0.25, to: 0.2 }) + ball("fruit", accent);
  const drips = Array.from({ length: 11 }, (_, i) => {
    const x = 248 + i * 30.4;
    const h = 30 + rand() * 60;
    return `<path d="M${x - 13} 440V${440 + h}a13 13 0 0 0 26 0V440Z" fill="${light(accent, 0.15)}"/>`;
  }).join("");
  const fruit = Array.from({ length: 6 }, (_, i) => {
    const x = 290 + i * 44;
    const y = 420 - (i % 2) * 16;
    return `<circle cx="${x}" cy="${y}" r="20" fill="url(#fruit)"/><path d="M${x} ${y - 20}q6 -18 18 -22" stroke="#3f6212" stroke-width="3" fill="none"/>`;
  }).join("");
  const body =
    `<path d="M330 760H470L450 712H350Z" fill="${dark("#f5f5f4", 0.1)}"/>` +
    plate(700, 230, "#f5f5f4") +
    `<rect x="232" y="440" width="336" height="250" fill="url(#sponge)"/><ellipse cx="400" cy="690" rx="168" ry="34" fill="${dark(main, 0.15)}"/>` +
    `<rect x="232" y="518" width="336" height="14" fill="${light(main, 0.7)}"/><rect x="232" y="600" width="336" height="14" fill="${light(main, 0.7)}"/>` +
    `<ellipse cx="400" cy="440" rx="168" ry="38" fill="${light(accent, 0.15)}"/>` +
    drips +
    fruit;
  return { defs, body, floor: 770, spread: 200 };
}

/** Three cupcakes: ribbed paper cases, piped swirls, sprinkles. */
export function cupcakes({ main, accent, rand }) {
  const defs = shade("case", accent, { across: true }) + shade("cream", main, { from: 0.45, to: 0.1 });
  const one = (x, y, s) => {
    let ribs = "";
    for (let i = 0; i <= 8; i++) ribs += `<path d="M${-56 + i * 14} 0L${-44 + i * 11} 110" stroke="${dark(accent, 0.2)}" stroke-width="3"/>`;
    let bits = "";
    for (let i = 0; i < 14; i++) bits += `<rect x="${-50 + rand() * 100}" y="${-120 + rand() * 100}" width="12" height="4" rx="2" fill="${SPRINKLES[i % 5]}" transform="rotate(${rand() * 180} 0 0)"/>`;
    return `<g transform="translate(${x} ${y}) scale(${s})"><path d="M-60 0H60L46 110H-46Z" fill="url(#case)"/>${ribs}
<ellipse cx="0" cy="-8" rx="70" ry="26" fill="url(#cream)"/><ellipse cx="0" cy="-40" rx="58" ry="24" fill="url(#cream)"/><ellipse cx="0" cy="-70" rx="42" ry="20" fill="url(#cream)"/><path d="M0 -130Q18 -96 0 -86Q-18 -96 0 -130Z" fill="url(#cream)"/>${bits}</g>`;
  };
  return { defs, body: one(260, 640, 1) + one(540, 640, 1) + one(400, 680, 1.2), floor: 820, spread: 260 };
}

/** Round biscuits stacked on a plate, a few leaning at the front. */
export function biscuits({ main, accent, rand }) {
  const defs = shade("dough", main, { from: 0.3, to: 0.2 });
  const biscuit = (x, y, r) => {
    let chips = "";
    for (let i = 0; i < 6; i++) chips += `<circle cx="${x - r * 0.6 + rand() * r * 1.2}" cy="${y - r * 0.18 + rand() * r * 0.36}" r="${r * 0.07}" fill="${accent}"/>`;
    return `<ellipse cx="${x}" cy="${y + 12}" rx="${r}" ry="${r * 0.3}" fill="${dark(main, 0.25)}"/><ellipse cx="${x}" cy="${y}" rx="${r}" ry="${r * 0.3}" fill="url(#dough)"/>${chips}`;
  };
  let stack = "";
  for (let i = 0; i < 6; i++) stack += biscuit(400 + (rand() - 0.5) * 16, 620 - i * 30, 110);
  return { defs, body: plate(650, 240) + stack + biscuit(250, 690, 70) + biscuit(560, 690, 70), floor: 730, spread: 240 };
}

/** Layered square pieces (brownies, barfi) on a plate. */
export function squares({ main, accent }) {
  const defs = shade("top", main, { from: 0.2, to: 0.1 });
  const piece = (x, y) =>
    `<path d="M${x} ${y}l80 -30l80 30v60l-80 30l-80 -30Z" fill="${dark(main, 0.3)}"/><path d="M${x} ${y}l80 -30l80 30l-80 30Z" fill="url(#top)"/><path d="M${x + 80} ${y + 30}v60" stroke="${dark(main, 0.45)}" stroke-width="2"/>` +
    `<circle cx="${x + 70}" cy="${y - 4}" r="6" fill="${accent}"/><circle cx="${x + 96}" cy="${y + 4}" r="5" fill="${accent}"/>`;
  return { defs, body: plate(700, 240) + piece(230, 640) + piece(410, 640) + piece(320, 600) + piece(320, 520), floor: 740, spread: 240 };
}

/** A bowl heaped with round sweets (ladoo, gulab jamun) or a savoury mix (nimko). */
export function bowl({ main, accent, rand }, { balls = true } = {}) {
  const defs = ball("sweet", main) + shade("bowl", accent, { from: 0.3, to: 0.3 });
  let heap = "";
  if (balls) {
    const rows = [[5, 660], [4, 590], [3, 520], [2, 452], [1, 388]];
    for (const [n, y] of rows) for (let i = 0; i < n; i++) heap += `<circle cx="${400 + (i - (n - 1) / 2) * 74}" cy="${y}" r="40" fill="url(#sweet)"/>`;
    for (let i = 0; i < 30; i++) heap += `<circle cx="${250 + rand() * 300}" cy="${380 + rand() * 300}" r="2.5" fill="${light(main, 0.5)}" opacity=".8"/>`;
    heap += `<path d="M392 360l10 -8l8 10l-10 8Z" fill="#e5e7eb"/>`;
    return { defs, body: plate(700, 240) + heap, floor: 740, spread: 240 };
  }
  const bits = [main, dark(main, 0.25), light(main, 0.3), "#65a30d", "#b45309", "#fde68a"];
  for (let i = 0; i < 260; i++) {
    const x = 240 + rand() * 320;
    const top = 560 - Math.sqrt(Math.max(0, 1 - ((x - 400) / 170) ** 2)) * 130;
    const y = top + rand() * (600 - top);
    heap += rand() < 0.5 ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(4 + rand() * 6).toFixed(1)}" fill="${bits[i % 6]}"/>` : `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(6 + rand() * 16).toFixed(1)}" height="4" rx="2" fill="${bits[(i + 3) % 6]}" transform="rotate(${(rand() * 180).toFixed(0)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`;
  }
  const body = heap + `<path d="M200 590Q210 770 400 780Q590 770 600 590Z" fill="url(#bowl)"/><ellipse cx="400" cy="590" rx="200" ry="26" fill="none" stroke="${light(accent, 0.3)}" stroke-width="8"/>`;
  return { defs, body, floor: 790, spread: 230 };
}
export const ladoo = (c) => bowl(c);
export const nimko = (c) => bowl(c, { balls: false });

/** A glass jar: the food inside, a cloth cap tied with string, a blank label band. */
export function jar({ main, accent, rand }, { cloth = true, chunks = true } = {}) {
  const defs = shade("food", main, { across: true, from: 0.15, to: 0.3 });
  let bits = "";
  if (chunks) for (let i = 0; i < 26; i++) bits += `<ellipse cx="${270 + rand() * 260}" cy="${420 + rand() * 320}" rx="${10 + rand() * 16}" ry="${8 + rand() * 10}" fill="${i % 3 ? light(main, 0.25) : dark(main, 0.3)}" opacity=".8"/>`;
  const cap = cloth
    ? `<path d="M250 320Q240 268 300 262H500Q560 268 550 320L566 380Q400 396 234 380Z" fill="${accent}"/><path d="M250 350Q400 372 550 350" stroke="#d6c29a" stroke-width="7" fill="none"/>` +
      `<pattern id="gingham" width="24" height="24" patternUnits="userSpaceOnUse"><rect width="12" height="24" fill="#fff" opacity=".35"/><rect width="24" height="12" fill="#fff" opacity=".25"/></pattern><path d="M250 320Q240 268 300 262H500Q560 268 550 320L566 380Q400 396 234 380Z" fill="url(#gingham)"/>`
    : `<rect x="270" y="300" width="260" height="70" rx="12" fill="${accent}"/>`;
  const body =
    `<path d="M268 380H532Q570 400 570 450V740Q570 790 520 790H280Q230 790 230 740V450Q230 400 268 380Z" fill="url(#food)"/>` +
    bits +
    `<rect x="250" y="540" width="300" height="120" rx="10" fill="#fffaf0"/><rect x="262" y="552" width="276" height="96" rx="6" fill="none" stroke="${accent}" stroke-width="4"/><path d="M330 600H470" stroke="${dark(main, 0.2)}" stroke-width="8" stroke-linecap="round" opacity=".6"/>` +
    `<path d="M262 420Q252 600 262 760" stroke="#fff" stroke-width="14" opacity=".35" fill="none" stroke-linecap="round"/>` +
    cap;
  return { defs, body, floor: 800, spread: 200 };
}
export const achar = (c) => jar(c);
export const honey = (c) => jar(c, { chunks: false });
export const spice = (c) => jar(c, { cloth: false, chunks: false });

/** An open box of samosas with a bowl of chutney beside it. */
export function samosas({ main, accent }) {
  const defs = shade("crust", main, { from: 0.3, to: 0.25 }) + shade("kraft", "#c8a27a", { from: 0.2, to: 0.2 });
  const samosa = (x, y, flip) =>
    `<path d="M${x} ${y - 110}L${x + 90 * flip} ${y + 40}L${x - 80 * flip} ${y + 50}Z" fill="url(#crust)"/><path d="M${x} ${y - 110}L${x + 90 * flip} ${y + 40}" stroke="${dark(main, 0.3)}" stroke-width="5" stroke-dasharray="6 6"/>`;
  const body =
    `<path d="M210 470L260 360H540L590 470Z" fill="${dark("#c8a27a", 0.2)}"/>` +
    samosa(310, 420, 1.25) + samosa(490, 420, -1.25) + samosa(400, 450, 1.3) +
    `<path d="M200 470H600L570 720H230Z" fill="url(#kraft)"/><path d="M240 520H560" stroke="${dark("#c8a27a", 0.25)}" stroke-width="3"/>` +
    `<ellipse cx="610" cy="730" rx="70" ry="22" fill="#fff"/><path d="M540 730Q545 790 610 792Q675 790 680 730Z" fill="#f5f5f4"/><ellipse cx="610" cy="732" rx="60" ry="16" fill="${accent}"/>`;
  return { defs, body, floor: 790, spread: 260 };
}

/** A loaf or a rusk stack: scored golden crust. */
export function bread({ main }) {
  const defs = shade("crust", main, { from: 0.3, to: 0.3 });
  const body =
    plate(700, 240, "#e7d8c4") +
    `<path d="M220 690Q200 520 400 500Q600 520 580 690Z" fill="url(#crust)"/>` +
    [300, 370, 440, 510].map((x) => `<path d="M${x - 20} 580Q${x} 540 ${x + 24} 560" stroke="${light(main, 0.45)}" stroke-width="10" fill="none" stroke-linecap="round"/>`).join("") +
    sparkle(520, 530, 10, "#fff7ed");
  return { defs, body, floor: 740, spread: 240 };
}
