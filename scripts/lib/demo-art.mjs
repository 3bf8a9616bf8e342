// Draws the demo shops' product photos as SVG: one illustration per kind of product (a kurta,
// jhumkas, a layer cake...), lit like a studio shot on a plain backdrop of the product's own
// colour, with a soft floor shadow. No text (the rasteriser may have no fonts), no randomness
// that is not seeded by the product, so a product's photo is the same on every run.
//
//   drawProduct({ kind: "kurta", bg: "#f3e3d6", main: "#9d174d", accent: "#f4c27a" })
//   drawProduct(art, { detail: true }) // the second photo: a closer crop on another backdrop
import { dark, light, seeded } from "./demo-art-kit.mjs";
import * as food from "./demo-art-food.mjs";
import * as home from "./demo-art-home.mjs";
import * as jewels from "./demo-art-jewels.mjs";
import * as wear from "./demo-art-wear.mjs";

/** Every kind of product the demo can draw, by name. */
export const KINDS = {
  kurta: wear.printedKurta, suit: wear.suit, frock: wear.frock, trousers: wear.trousers,
  dupatta: wear.dupatta, shawl: wear.shawl, scarf: wear.scarf, khussa: wear.khussa, clutch: wear.clutch,
  earrings: jewels.earrings, bangles: jewels.bangles, necklace: jewels.necklace, ring: jewels.ring,
  tikka: jewels.tikka, anklet: jewels.anklet, jewelBox: jewels.jewelBox,
  cake: food.cake, cupcakes: food.cupcakes, biscuits: food.biscuits, squares: food.squares,
  ladoo: food.ladoo, nimko: food.nimko, achar: food.achar, honey: food.honey, spice: food.spice,
  samosas: food.samosas, bread: food.bread,
  pottery: home.pottery, cushion: home.cushion,
};

/** The product's photo as an SVG document, 800 x 1000 (4:5). */
export function drawProduct(art, { detail = false } = {}) {
  const draw = KINDS[art.kind];
  if (!draw) throw new Error(`demo-art: no drawing for kind "${art.kind}"`);
  // A dark backdrop (the jeweller's velvet) takes a dimmer lamp, or it turns to fog.
  const dim = [1, 3, 5].reduce((n, i) => n + parseInt(art.bg.slice(i, i + 2), 16), 0) < 240;
  const bg = detail ? light(art.bg, dim ? 0.12 : 0.45) : art.bg;
  const { defs, body, floor, spread } = draw({ ...art, bg, rand: seeded(`${art.kind}${art.main}${art.accent}`) });
  const lamp = dim ? [0.1, 0.22] : [0.3, 0.5];
  const zoom = detail ? "translate(400 560) scale(1.32) translate(-400 -520)" : "";
  // A wide soft shadow on the floor and a darker one where the product touches it (gradients,
  // not blur filters: a blur at 1280 px costs the rasteriser four times the whole drawing).
  const shadow = spread
    ? `<ellipse cx="400" cy="${floor}" rx="${spread * 1.15}" ry="${spread * 0.13}" fill="url(#floor)"/><ellipse cx="400" cy="${floor - 4}" rx="${spread * 0.85}" ry="${spread * 0.05}" fill="url(#floor)"/>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 1000" width="800" height="1000">
<defs>
<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${light(bg, lamp[0])}"/><stop offset=".74" stop-color="${bg}"/><stop offset=".74" stop-color="${dark(bg, 0.04)}"/><stop offset="1" stop-color="${dark(bg, 0.1)}"/></linearGradient>
<radialGradient id="lamp" cx=".3" cy=".18" r=".85"><stop offset="0" stop-color="#fff" stop-opacity="${lamp[1]}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
<radialGradient id="floor"><stop offset="0" stop-color="${dark(bg, 0.6)}" stop-opacity=".45"/><stop offset="1" stop-color="${dark(bg, 0.6)}" stop-opacity="0"/></radialGradient>
${defs}
</defs>
<rect width="800" height="1000" fill="url(#wall)"/>
<rect width="800" height="1000" fill="url(#lamp)"/>
<g transform="${zoom}">${shadow}${body}</g>
</svg>`;
}
