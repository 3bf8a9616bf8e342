// Draws the demo shops' wide banner photos as SVG, 1600 x 900 (16:9): a lifestyle or studio
// scene with the shop's own products (the drawings of demo-art.mjs) set out on a table. The
// themes crop a banner to 4:3 on phones and 21:9 on large screens, both from the middle, so
// every product sits within x 240..1360 and y 150..780. No text, nothing unseeded.
//
//   drawBanner("boutique")      // a scene by name (SCENES)
import { KINDS } from "./demo-art.mjs";
import { dark, light, seeded, shade } from "./demo-art-kit.mjs";

const W = 1600;
const H = 900;
/** The table's front edge: products stand on it. */
const TABLE = 720;

/** A product: its kind, colours, centre x on the banner and scale of its 800 x 1000 drawing. */
const at = (kind, main, accent, x, scale, extra = {}) => ({ kind, main, accent, x: 800 + (x - 800) * 1.12, scale: scale * 1.3, ...extra });

/**
 * The scenes: a backdrop ("studio": a seamless paper sweep; "home": a wall with a window and
 * a wooden table), its colour, a plant or not, and the products on the table, back to front.
 */
export const SCENES = {
  boutique: { room: "studio", wall: "#f3e3d6", plant: true, items: [
    at("shawl", "#5b21b6", "#f4c27a", 500, 0.62), at("suit", "#9d174d", "#f4c27a", 800, 0.7), at("kurta", "#115e59", "#f2c14e", 1100, 0.62),
    at("khussa", "#86198f", "#f4b740", 620, 0.34), at("clutch", "#047857", "#fef3c7", 1000, 0.32),
  ] },
  atelier: { room: "home", wall: "#ece4f3", plant: false, items: [
    at("dupatta", "#e8916b", "#fff1d6", 560, 0.6), at("scarf", "#9f1239", "#fcd9a8", 1040, 0.58),
    at("bangles", "#c2185b", "#f59e0b", 790, 0.42), at("earrings", "#0f766e", "#be123c", 1240, 0.3),
  ] },
  kitchen: { room: "home", wall: "#f6ead2", plant: true, items: [
    at("honey", "#d89b17", "#92400e", 470, 0.46), at("achar", "#d97706", "#b91c1c", 660, 0.5), at("spice", "#b91c1c", "#fcd34d", 1160, 0.42),
    at("ladoo", "#e59e2d", "#fbbf24", 880, 0.5), at("samosas", "#d4a043", "#15803d", 1080, 0.42),
  ] },
  pantry: { room: "studio", wall: "#eef5e3", plant: false, items: [
    at("achar", "#65a30d", "#c2410c", 560, 0.5), at("nimko", "#ca8a04", "#15803d", 800, 0.5), at("spice", "#7f1d1d", "#f59e0b", 1040, 0.46),
  ] },
  bakery: { room: "studio", wall: "#fbe4e4", plant: false, items: [
    at("cupcakes", "#fdf2f2", "#b91c1c", 520, 0.5), at("cake", "#6b3b24", "#9a4a2c", 800, 0.66), at("cake", "#f9d5d3", "#e11d48", 1090, 0.5),
    at("biscuits", "#d9a066", "#3b2314", 1250, 0.3),
  ] },
  oven: { room: "home", wall: "#fbf0e0", plant: true, items: [
    at("bread", "#b7713a", "#6b3b24", 560, 0.5), at("biscuits", "#e8c07d", "#15803d", 800, 0.46), at("squares", "#5a3220", "#f5d0a9", 1040, 0.46),
  ] },
  jewels: { room: "studio", wall: "#123a33", plant: false, items: [
    at("jewelBox", "#6d1230", "#f4efe6", 500, 0.5), at("necklace", "#059669", "#e11d48", 800, 0.68), at("earrings", "#047857", "#be123c", 1080, 0.5),
    at("ring", "#be123c", "#7f1d1d", 1240, 0.3),
  ] },
  workbench: { room: "home", wall: "#2b1d18", plant: false, items: [
    at("tikka", "#be123c", "#f4efe6", 560, 0.5), at("bangles", "#6d1230", "#d4a437", 820, 0.48), at("anklet", "#94a3b8", "#be123c", 1080, 0.46, { silver: true }),
  ] },
};

/** One product of a scene: its drawing with its ids made its own, moved onto the table. */
function place(item, n, wall) {
  const { defs, body, floor, spread } = KINDS[item.kind]({ ...item, bg: wall, rand: seeded(`${item.kind}${item.main}${item.accent}`) });
  const own = (s) => s.replace(/id="([^"]+)"/g, `id="i${n}$1"`).replace(/url\(#([^)]+)\)/g, `url(#i${n}$1)`);
  const s = item.scale;
  const y = TABLE + 10 - floor * s;
  const shadow = spread ? `<ellipse cx="${item.x}" cy="${TABLE + 8}" rx="${(spread * s * 1.1).toFixed(1)}" ry="${(spread * s * 0.12).toFixed(1)}" fill="url(#floor)"/>` : "";
  return { defs: own(defs), body: `${shadow}<g transform="translate(${(item.x - 400 * s).toFixed(1)} ${y.toFixed(1)}) scale(${s})">${own(body)}</g>` };
}

/** A potted plant at x, its pot resting on the table. */
const plant = (x, leaf) =>
  Array.from({ length: 7 }, (_, i) => {
    const a = -70 + i * 23;
    return `<ellipse cx="${x}" cy="${TABLE - 190}" rx="22" ry="96" fill="${i % 2 ? leaf : dark(leaf, 0.2)}" transform="rotate(${a} ${x} ${TABLE - 100})"/>`;
  }).join("") + `<path d="M${x - 56} ${TABLE - 110}H${x + 56}L${x + 44} ${TABLE + 6}H${x - 44}Z" fill="#c2703d"/><rect x="${x - 62}" y="${TABLE - 122}" width="124" height="22" rx="6" fill="#a85a2c"/>`;

/** The room: a paper sweep, or a wall with a window of soft daylight and a wooden table. */
function room(kind, wall) {
  const dim = [1, 3, 5].reduce((n, i) => n + parseInt(wall.slice(i, i + 2), 16), 0) < 240;
  const defs =
    `<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${light(wall, dim ? 0.1 : 0.35)}"/><stop offset="1" stop-color="${wall}"/></linearGradient>` +
    `<radialGradient id="lamp" cx=".3" cy=".1" r=".9"><stop offset="0" stop-color="#fff" stop-opacity="${dim ? 0.16 : 0.45}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>` +
    `<radialGradient id="floor"><stop offset="0" stop-color="${dark(wall, 0.6)}" stop-opacity=".45"/><stop offset="1" stop-color="${dark(wall, 0.6)}" stop-opacity="0"/></radialGradient>` +
    shade("wood", dim ? "#5a3a28" : "#b98a5e", { from: 0.15, to: 0.3 });
  let back = `<rect width="${W}" height="${H}" fill="url(#wall)"/>`;
  let front;
  if (kind === "home") {
    const glass = dim ? "#3b4a5a" : "#dbeaf5";
    back +=
      `<rect x="180" y="90" width="360" height="420" rx="8" fill="${dark(wall, 0.12)}"/><rect x="200" y="110" width="320" height="380" fill="${glass}"/>` +
      `<rect x="200" y="110" width="320" height="380" fill="url(#lamp)"/><path d="M360 110V490M200 300H520" stroke="${dark(wall, 0.12)}" stroke-width="14"/>` +
      `<path d="M150 80Q210 300 170 540H120V80Z" fill="${light(wall, 0.2)}" opacity=".85"/><rect x="120" y="70" width="460" height="14" rx="7" fill="${dark(wall, 0.3)}"/>`;
    front = `<rect x="0" y="${TABLE}" width="${W}" height="${H - TABLE}" fill="url(#wood)"/><rect x="0" y="${TABLE}" width="${W}" height="10" fill="${light(dim ? "#5a3a28" : "#b98a5e", 0.25)}"/>` +
      [0, 1, 2].map((i) => `<path d="M0 ${TABLE + 50 + i * 45}H${W}" stroke="${dark(dim ? "#5a3a28" : "#b98a5e", 0.15)}" stroke-width="3" opacity=".5"/>`).join("");
  } else {
    back += `<rect width="${W}" height="${H}" fill="url(#lamp)"/>`;
    front = `<path d="M0 ${TABLE - 30}Q${W / 2} ${TABLE + 20} ${W} ${TABLE - 30}V${H}H0Z" fill="${dark(wall, 0.06)}"/><path d="M0 ${TABLE + 60}Q${W / 2} ${TABLE + 110} ${W} ${TABLE + 60}V${H}H0Z" fill="${dark(wall, 0.1)}"/>`;
  }
  return { defs, back, front };
}

/** The scene's banner as an SVG document, 1600 x 900. */
export function drawBanner(name) {
  const scene = SCENES[name];
  if (!scene) throw new Error(`demo-art: no banner scene "${name}"`);
  const r = room(scene.room, scene.wall);
  const placed = scene.items.map((item, n) => place(item, n, scene.wall));
  const green = scene.plant ? plant(scene.room === "home" ? 1440 : 190, "#4d7c0f") : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">
<defs>${r.defs}${placed.map((p) => p.defs).join("")}</defs>
${r.back}${r.front}${green}${placed.map((p) => p.body).join("")}
</svg>`;
}
