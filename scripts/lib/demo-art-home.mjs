// Pottery and cushions for the demo product photos (see demo-art.mjs).
import { dark, light, shade } from "./demo-art-kit.mjs";

/** A Multani blue-pottery vase: white glaze, painted bands and flowers. */
export function pottery({ main, accent }) {
  const defs = shade("glaze", "#f8fafc", { across: true, from: 0.3, to: 0.18 });
  const flower = (x, y) =>
    [0, 72, 144, 216, 288].map((a) => `<ellipse cx="${x}" cy="${y - 18}" rx="9" ry="18" fill="${main}" transform="rotate(${a} ${x} ${y})"/>`).join("") + `<circle cx="${x}" cy="${y}" r="8" fill="${accent}"/>`;
  const body =
    `<path d="M350 250H450L440 300Q560 380 560 540Q560 700 470 780H330Q240 700 240 540Q240 380 360 300Z" fill="url(#glaze)"/>` +
    `<path d="M350 250H450L446 272H354Z" fill="${main}"/><path d="M262 450Q400 420 538 450L548 482Q400 452 252 482Z" fill="${main}"/><path d="M266 640Q400 670 534 640L524 672Q400 700 276 672Z" fill="${accent}"/>` +
    flower(330, 560) + flower(400, 545) + flower(470, 560) +
    `<path d="M290 380Q276 540 300 700" stroke="#fff" stroke-width="16" opacity=".5" fill="none" stroke-linecap="round"/>`;
  return { defs, body, floor: 790, spread: 170 };
}

/** A square cushion: puffed edges, an embroidered medallion with mirrors, tassels at the corners. */
export function cushion({ main, accent }) {
  const defs = shade("fabric", main, { from: 0.25, to: 0.3 });
  const tassel = (x, y) => `<path d="M${x} ${y}l-10 36h20Z" fill="${accent}"/><circle cx="${x}" cy="${y}" r="8" fill="${dark(accent, 0.2)}"/>`;
  const body =
    `<path d="M190 380Q400 340 610 380Q640 560 610 740Q400 780 190 740Q160 560 190 380Z" fill="url(#fabric)"/>` +
    `<path d="M400 430L520 560L400 690L280 560Z" fill="${accent}"/><path d="M400 470L484 560L400 650L316 560Z" fill="${dark(main, 0.15)}"/>` +
    [[400, 500], [460, 560], [400, 620], [340, 560], [400, 560]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="12" fill="${light("#c9ccd2", 0.4)}" stroke="${accent}" stroke-width="4"/>`).join("") +
    `<path d="M230 420Q400 390 570 420M230 700Q400 730 570 700" stroke="${light(main, 0.35)}" stroke-width="4" stroke-dasharray="10 8" fill="none"/>` +
    tassel(190, 380) + tassel(610, 380) + tassel(190, 740) + tassel(610, 740);
  return { defs, body, floor: 800, spread: 250 };
}
