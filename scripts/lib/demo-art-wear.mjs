// Clothes, shoes and bags for the demo product photos (see demo-art.mjs).
import { GOLD, beads, dark, light, shade } from "./demo-art-kit.mjs";

/** A small repeating flower print over a garment, in the accent colour. */
const print = (accent, main) =>
  `<pattern id="print" width="46" height="46" patternUnits="userSpaceOnUse"><circle cx="12" cy="12" r="5" fill="${accent}"/><circle cx="12" cy="4" r="3" fill="${light(accent, 0.3)}"/><circle cx="20" cy="12" r="3" fill="${light(accent, 0.3)}"/><circle cx="12" cy="20" r="3" fill="${light(accent, 0.3)}"/><circle cx="4" cy="12" r="3" fill="${light(accent, 0.3)}"/><circle cx="35" cy="35" r="2.5" fill="${light(main, 0.45)}"/></pattern>`;

const KURTA = "M360 232Q400 272 440 232L502 252L612 330L578 446L508 400L520 790L280 790L292 400L222 446L188 330L298 252Z";

/** A long shirt on an invisible form: embroidered neck and hem, folds, optional print and dupatta. */
export function kurta({ main, accent }, { printed = false, dupatta = null } = {}) {
  const defs = shade("cloth", main, { across: true, from: 0.2, to: 0.28 }) + print(accent, main);
  let body = `<path d="${KURTA}" fill="url(#cloth)"/>`;
  if (printed) body += `<path d="${KURTA}" fill="url(#print)" opacity=".55"/>`;
  body += `<path d="M330 420Q340 600 326 790M470 420Q462 600 476 790" stroke="${dark(main, 0.25)}" stroke-width="6" fill="none" opacity=".35"/>`;
  body += `<path d="M354 236Q400 290 446 236L440 236Q400 276 360 236Z" fill="${dark(main, 0.4)}"/>`;
  body += `<path d="M362 250Q400 300 438 250M400 288V380" stroke="${accent}" stroke-width="10" fill="none" stroke-linecap="round"/>`;
  body += `<path d="M362 250Q400 300 438 250M400 288V380" stroke="${GOLD}" stroke-width="3" stroke-dasharray="2 8" fill="none" stroke-linecap="round"/>`;
  body += `<path d="M283 742L517 742L520 790L280 790Z" fill="${accent}"/>` + beads(13, [292, 766], [400, 770], [508, 766], 5, GOLD);
  body += `<path d="M226 432L580 432" stroke="none"/><path d="M222 446L188 330L200 326L232 436Z" fill="${accent}"/><path d="M578 446L612 330L600 326L568 436Z" fill="${accent}"/>`;
  if (dupatta) body += `<path d="M300 254Q380 300 470 520Q520 640 560 860L610 850Q580 620 520 470Q440 300 330 246Z" fill="${dupatta}" opacity=".7"/>`;
  return { defs, body, floor: 800, spread: 230 };
}

export const suit = (c) => kurta(c, { printed: true, dupatta: light(c.accent, 0.35) });
export const printedKurta = (c) => kurta(c, { printed: true });

/** A child's frock: a fitted top, a bow, a flared skirt with a frill. */
export function frock({ main, accent }) {
  const defs = shade("cloth", main, { across: true }) + print(accent, main);
  const skirt = "M330 430L470 430L580 740Q400 790 220 740Z";
  const body =
    `<path d="M350 280Q400 312 450 280L486 292L530 350L496 382L470 360L470 430L330 430L330 360L304 382L270 350L314 292Z" fill="url(#cloth)"/>` +
    `<path d="${skirt}" fill="url(#cloth)"/><path d="${skirt}" fill="url(#print)" opacity=".6"/>` +
    `<path d="M220 740Q400 790 580 740L594 776Q400 830 206 776Z" fill="${accent}"/>` +
    `<path d="M330 424H470V446H330Z" fill="${dark(accent, 0.15)}"/><path d="M400 436L352 406L352 466ZM400 436L448 406L448 466Z" fill="${accent}"/><circle cx="400" cy="436" r="11" fill="${dark(accent, 0.25)}"/>`;
  return { defs, body, floor: 800, spread: 220 };
}

/** Straight trousers with a waistband and a lace hem. */
export function trousers({ main, accent }) {
  const defs = shade("cloth", main, { across: true, from: 0.25, to: 0.3 });
  const body =
    `<path d="M318 230H482L508 790H420L400 420L380 790H292Z" fill="url(#cloth)"/>` +
    `<path d="M318 230H482L484 262H316Z" fill="${dark(main, 0.2)}"/>` +
    `<path d="M400 262V410" stroke="${dark(main, 0.3)}" stroke-width="3"/>` +
    `<path d="M292 760H380V790H292ZM420 760H508V790H420Z" fill="${accent}"/>` +
    beads(8, [298, 775], [336, 777], [374, 775], 4, light(accent, 0.6)) +
    beads(8, [426, 775], [464, 777], [502, 775], 4, light(accent, 0.6));
  return { defs, body, floor: 800, spread: 200 };
}

/** A length of cloth hanging from a wooden rod: folds, a border, tassels. `wide` for a shawl. */
export function drape({ main, accent, rand }, { wide = false, paisley = false } = {}) {
  const [l, r] = wide ? [190, 610] : [250, 550];
  const folds = Array.from({ length: 7 }, (_, i) => {
    const x = l + ((r - l) / 7) * (i + 0.5);
    return `<path d="M${x} 250Q${x + 12} 520 ${x - 6} 760" stroke="${dark(main, 0.3)}" stroke-width="${10 + rand() * 14}" opacity=".22" fill="none"/>`;
  }).join("");
  const hem = Array.from({ length: 14 }, (_, i) => {
    const x = l + 10 + ((r - l - 20) / 13) * i;
    return `<path d="M${x} 770V${800 + (i % 2) * 8}" stroke="${accent}" stroke-width="3"/><circle cx="${x}" cy="${806 + (i % 2) * 8}" r="6" fill="${GOLD}"/>`;
  }).join("");
  const motif = paisley
    ? Array.from({ length: 5 }, (_, i) => {
        const x = l + 40 + ((r - l - 80) / 4) * i;
        return `<path d="M${x} 730Q${x - 24} 700 ${x} 680Q${x + 26} 700 ${x + 10} 724Q${x + 4} 736 ${x} 730Z" fill="${accent}"/><circle cx="${x + 2}" cy="${704}" r="5" fill="${GOLD}"/>`;
      }).join("")
    : "";
  const defs = shade("cloth", main, { across: true, from: 0.3, to: 0.2 });
  const body =
    `<rect x="${l - 40}" y="226" width="${r - l + 80}" height="18" rx="9" fill="#8a5a34"/><circle cx="${l - 40}" cy="235" r="14" fill="#6b4426"/><circle cx="${r + 40}" cy="235" r="14" fill="#6b4426"/>` +
    `<path d="M${l} 244H${r}L${r + 8} 770Q400 790 ${l - 8} 770Z" fill="url(#cloth)"/>` +
    folds +
    `<path d="M${l - 6} ${paisley ? 660 : 700}H${r + 6}L${r + 8} 770Q400 790 ${l - 8} 770Z" fill="${paisley ? dark(main, 0.25) : accent}" opacity=".9"/>` +
    motif +
    hem;
  return { defs, body, floor: 830, spread: (r - l) / 2 + 40 };
}
export const dupatta = (c) => drape(c);
export const shawl = (c) => drape(c, { wide: true, paisley: true });
export const scarf = (c) => drape(c, { paisley: true });

/** One khussa from the side, toe curled up, zari work on the vamp. */
function shoe(x, y, s, main, accent, id) {
  return `<g transform="translate(${x} ${y}) scale(${s})">
<path d="M8 96Q-6 40 28 52Q70 86 150 84Q230 44 300 52Q352 58 356 110L352 150H40Q6 140 8 96Z" fill="url(#${id})"/>
<path d="M150 84Q230 44 300 52Q330 56 342 80Q300 96 230 100Q180 102 150 84Z" fill="${dark(main, 0.45)}"/>
<path d="M36 100Q90 130 170 110" stroke="${accent}" stroke-width="14" fill="none" stroke-linecap="round"/>
<path d="M36 100Q90 130 170 110" stroke="${GOLD}" stroke-width="4" stroke-dasharray="3 9" fill="none" stroke-linecap="round"/>
<path d="M40 150H352L350 164H48Z" fill="${dark(main, 0.55)}"/>
${beads(6, [60, 76], [100, 100], [140, 96], 5, GOLD)}
</g>`;
}
export function khussa({ main, accent }) {
  const defs = shade("leather", main, { from: 0.25, to: 0.3 });
  return { defs, body: shoe(250, 560, 1.05, dark(main, 0.05), accent, "leather") + shoe(180, 640, 1.15, main, accent, "leather"), floor: 830, spread: 250 };
}

/** A clutch purse with a curved flap, beadwork and a gold clasp. */
export function clutch({ main, accent }) {
  const defs = shade("bag", main, { from: 0.3, to: 0.3 });
  let dots = "";
  for (let y = 560; y <= 740; y += 26) for (let x = 250; x <= 550; x += 26) dots += `<circle cx="${x + ((y / 26) % 2) * 13}" cy="${y}" r="4" fill="${light(accent, 0.2)}" opacity=".8"/>`;
  const body =
    `<path d="M300 470Q400 360 500 470" stroke="${GOLD}" stroke-width="6" fill="none"/>` +
    `<rect x="220" y="470" width="360" height="300" rx="36" fill="url(#bag)"/>` +
    `<clipPath id="bagclip"><rect x="220" y="470" width="360" height="300" rx="36"/></clipPath><g clip-path="url(#bagclip)">${dots}</g>` +
    `<path d="M220 506Q220 470 256 470H544Q580 470 580 506V560Q400 680 220 560Z" fill="${dark(main, 0.15)}"/>` +
    `<path d="M226 560Q400 672 574 560" stroke="${GOLD}" stroke-width="5" fill="none"/>` +
    `<circle cx="400" cy="618" r="20" fill="${GOLD}"/><circle cx="400" cy="618" r="9" fill="${accent}"/>`;
  return { defs, body, floor: 800, spread: 210 };
}
