// Jewellery for the demo product photos (see demo-art.mjs): shown on a velvet bust or card.
import { GOLD, ball, beads, dark, light, mix, shade, sparkle } from "./demo-art-kit.mjs";

const METAL = (silver) => (silver ? "#c9ccd2" : GOLD);
const defsFor = (main, accent, metal) => shade("metal", metal, { from: 0.45, to: 0.35 }) + ball("gem", main) + ball("pearl", "#f4efe6") + ball("gem2", accent);

/** A velvet display bust (necklaces, sets) in a deep shade of the backdrop. */
const bust = (bg, main) => {
  const velvet = dark(mix(bg, main, 0.35), 0.5);
  return `<path d="M320 200V300Q320 360 170 410Q120 430 110 520V1000H690V520Q680 430 630 410Q480 360 480 300V200Q400 180 320 200Z" fill="${velvet}"/><ellipse cx="400" cy="200" rx="80" ry="14" fill="${light(velvet, 0.12)}"/><path d="M320 300Q400 350 480 300" stroke="${dark(velvet, 0.3)}" stroke-width="4" fill="none"/>`;
};

/** A bell-shaped jhumka hanging from a stud, with a fringe of pearls. */
function jhumka(x, metal) {
  return `<circle cx="${x}" cy="300" r="24" fill="url(#metal)"/><circle cx="${x}" cy="300" r="11" fill="url(#gem)"/>
<path d="M${x} 324V370" stroke="url(#metal)" stroke-width="6"/>
<path d="M${x - 70} 520Q${x - 70} 380 ${x} 370Q${x + 70} 380 ${x + 70} 520Z" fill="url(#metal)"/>
<path d="M${x - 70} 520Q${x} 545 ${x + 70} 520" stroke="${dark(metal, 0.3)}" stroke-width="6" fill="none"/>
${beads(5, [x - 50, 470], [x, 440], [x + 50, 470], 6, "url(#gem2)")}
${Array.from({ length: 7 }, (_, i) => `<path d="M${x - 60 + i * 20} 528V${560 + (i % 2) * 18}" stroke="${metal}" stroke-width="2"/><circle cx="${x - 60 + i * 20}" cy="${566 + (i % 2) * 18}" r="9" fill="url(#pearl)"/>`).join("")}`;
}
export function earrings({ main, accent, silver }) {
  const metal = METAL(silver);
  return { defs: defsFor(main, accent, metal), body: jhumka(300, metal) + jhumka(500, metal) + sparkle(560, 420, 18) + sparkle(250, 480, 12), floor: 720, spread: 170 };
}

/** A stack of bangles seen at an angle, gold between glass. */
export function bangles({ main, accent, silver }) {
  const metal = METAL(silver);
  const colours = [main, metal, accent, main, metal, accent, main];
  const rings = colours
    .map((c, i) => {
      const y = 690 - i * 34;
      return `<ellipse cx="400" cy="${y}" rx="190" ry="64" fill="none" stroke="${dark(c, 0.3)}" stroke-width="24"/><ellipse cx="400" cy="${y - 4}" rx="190" ry="64" fill="none" stroke="${c}" stroke-width="18"/><path d="M250 ${y - 42}Q400 ${y - 80} 550 ${y - 42}" stroke="#fff" stroke-width="3" opacity=".5" fill="none"/>`;
    })
    .join("");
  return { defs: defsFor(main, accent, metal), body: rings + sparkle(570, 470, 20) + sparkle(240, 560, 12), floor: 760, spread: 220 };
}

/** A necklace on a velvet bust: a string of beads with a pendant and side stones. */
export function necklace({ main, accent, bg, silver }) {
  const metal = METAL(silver);
  const body =
    bust(bg, main) +
    beads(29, [300, 330], [400, 620], [500, 330], 9, "url(#metal)") +
    beads(15, [330, 360], [400, 560], [470, 360], 7, "url(#pearl)") +
    `<path d="M400 512L440 560L400 640L360 560Z" fill="url(#metal)"/><path d="M400 528L428 562L400 620L372 562Z" fill="url(#gem)"/>` +
    `<circle cx="400" cy="660" r="12" fill="url(#gem2)"/><circle cx="335" cy="470" r="13" fill="url(#gem)"/><circle cx="465" cy="470" r="13" fill="url(#gem)"/>` +
    sparkle(430, 540, 16);
  return { defs: defsFor(main, accent, metal), body, floor: 1000, spread: 0 };
}

/** A ring standing in an open box: band, claw setting, a faceted stone. */
export function ring({ main, accent, silver }) {
  const metal = METAL(silver);
  const box = dark(accent, 0.35);
  const body =
    `<path d="M230 430H570L560 560H240Z" fill="${dark(box, 0.25)}"/><rect x="250" y="448" width="300" height="100" rx="10" fill="${dark(box, 0.45)}"/>` +
    `<rect x="220" y="560" width="360" height="180" rx="18" fill="${box}"/><rect x="244" y="572" width="312" height="70" rx="30" fill="${dark(box, 0.3)}"/>` +
    `<ellipse cx="400" cy="560" rx="80" ry="92" fill="none" stroke="url(#metal)" stroke-width="20"/>` +
    `<path d="M370 470L386 440H414L430 470Z" fill="url(#metal)"/>` +
    `<path d="M356 440L380 400H420L444 440L400 470Z" fill="url(#gem)"/><path d="M380 400L400 440L420 400M356 440H444" stroke="${light(main, 0.5)}" stroke-width="2" fill="none" opacity=".7"/>` +
    sparkle(455, 395, 22) + sparkle(330, 430, 10);
  return { defs: defsFor(main, accent, metal), body, floor: 750, spread: 200 };
}

/** A maang tikka: a chain down to a round pendant with pearl drops. */
export function tikka({ main, accent, silver }) {
  const metal = METAL(silver);
  const body =
    `<circle cx="400" cy="170" r="16" fill="url(#metal)"/>` +
    beads(26, [400, 186], [404, 330], [400, 470], 6, "url(#metal)") +
    `<circle cx="400" cy="560" r="86" fill="url(#metal)"/><circle cx="400" cy="560" r="60" fill="${dark(metal, 0.25)}"/><circle cx="400" cy="560" r="40" fill="url(#gem)"/>` +
    beads(10, [330, 510], [400, 460], [470, 510], 7, "url(#pearl)") +
    Array.from({ length: 5 }, (_, i) => `<circle cx="${352 + i * 24}" cy="${660 + (i % 2 ? 10 : 20)}" r="11" fill="url(#pearl)"/>`).join("") +
    sparkle(430, 530, 18);
  return { defs: defsFor(main, accent, metal), body, floor: 740, spread: 120 };
}

/** A pair of payal (anklets) laid in loops, tiny bells along each. */
export function anklet({ main, accent, silver = true }) {
  const metal = METAL(silver);
  const loop = (cy, rx) =>
    `<ellipse cx="400" cy="${cy}" rx="${rx}" ry="${rx * 0.45}" fill="none" stroke="url(#metal)" stroke-width="8"/>` +
    Array.from({ length: 16 }, (_, i) => {
      const a = (i / 16) * Math.PI * 2;
      const x = 400 + Math.cos(a) * rx;
      const y = cy + Math.sin(a) * rx * 0.45 + 14;
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="9" fill="url(#metal)"/><path d="M${(x - 5).toFixed(1)} ${(y + 3).toFixed(1)}h10" stroke="${dark(metal, 0.5)}" stroke-width="2"/>`;
    }).join("");
  return { defs: defsFor(main, accent, metal), body: loop(600, 210) + loop(520, 160) + `<circle cx="400" cy="456" r="10" fill="url(#gem)"/>` + sparkle(560, 500, 16), floor: 760, spread: 230 };
}

/** A wooden jewellery box with inlay, lid open, a necklace spilling out. */
export function jewelBox({ main, accent }) {
  const wood = "#7a4a2a";
  const defs = defsFor(main, accent, GOLD) + shade("wood", wood, { from: 0.2, to: 0.3 });
  let inlay = "";
  for (let i = 0; i < 6; i++) inlay += `<path d="M${280 + i * 48} 640l18 -24l18 24l-18 24Z" fill="${light(accent, 0.5)}"/>`;
  const body =
    `<path d="M230 360H570L590 530H210Z" fill="url(#wood)"/><path d="M250 380H550L562 510H238Z" fill="${dark(main, 0.2)}"/>` +
    `<rect x="210" y="530" width="380" height="220" rx="14" fill="url(#wood)"/><rect x="230" y="598" width="340" height="86" fill="${dark(wood, 0.3)}"/>` +
    inlay +
    beads(20, [250, 540], [400, 620], [560, 540], 8, "url(#metal)") +
    `<circle cx="400" cy="585" r="14" fill="url(#gem)"/>`;
  return { defs, body, floor: 760, spread: 220 };
}
