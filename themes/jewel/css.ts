import type { Locale } from "../../src/i18n";
import { baseCss, rootVars, perSettings } from "../_shared/base-css";
import type { JewelSettings } from "./settings";

/**
 * Jewel: a dark emerald page, an editorial masthead at the start with a gold hairline, a fine
 * display serif set light and large, every photo framed (a gold keyline inside a dark mount),
 * a ruby banner, captions left-aligned like a catalogue raisonné.
 */
const own = `.announce{background:var(--accent);color:var(--on-accent);letter-spacing:.08em;font-size:.85rem}
.top{padding-top:10px;border-bottom:1px solid var(--primary)}
.mast{display:flex;justify-content:space-between;align-items:flex-end;gap:8px}
.brand{font-size:2rem;font-weight:400;letter-spacing:.02em;line-height:1.1;padding-block:8px}
.cart{padding-inline:8px 0}
.top .nav a{padding-inline:0 20px;font-size:.8rem;letter-spacing:.16em;text-transform:uppercase}
:lang(ur) .top .nav a{letter-spacing:0;text-transform:none;font-size:.95rem}
.hero{display:grid;gap:20px;margin-block:24px 8px}
@media(min-width:760px){.hero.has-img{grid-template-columns:5fr 4fr;align-items:center}.hero-img{order:2}}
.hero-img{width:100%;aspect-ratio:4/5;object-fit:cover;border:1px solid var(--primary);padding:8px;background:var(--soft)}
.hero-text{border-inline-start:2px solid var(--primary);padding-inline-start:16px}
.hero h1{font-size:2.4rem;font-weight:400;line-height:1.1;margin:0 0 12px;letter-spacing:-.01em}
:lang(ur) .hero h1{line-height:1.9;font-size:2rem}
.hero p{color:var(--muted);margin:0 0 20px;max-width:30em}
.hero .btn{background:transparent;color:var(--ink)}
.sec h2,.page-title{font-size:1.6rem;font-weight:400;letter-spacing:.01em}
.sec-head{border-bottom:1px solid var(--line)}
.sec-head a{font-size:.85rem;letter-spacing:.12em;text-transform:uppercase}
:lang(ur) .sec-head a{letter-spacing:0;text-transform:none;font-size:1rem}
.grid{gap:28px 14px}
.ph{border:1px solid var(--primary);padding:6px;background:var(--soft)}
.ph img{border-radius:0}
.ttl{font-size:1.05rem;margin-top:10px}
.pr{font-weight:400;letter-spacing:.04em}
.tag{inset-block-start:14px;inset-inline-start:14px;border-radius:0;letter-spacing:.08em;text-transform:uppercase;font-weight:400}
.tiles a{border-radius:0;border-color:var(--primary);justify-content:flex-start;font-weight:400;letter-spacing:.04em}
.info h1{font-size:2rem;font-weight:400}
.price{font-weight:400;letter-spacing:.04em}
.slides li{border:1px solid var(--primary);padding:8px}
.btn{letter-spacing:.1em;text-transform:uppercase;font-size:.9rem;font-weight:600}
:lang(ur) .btn{letter-spacing:0;text-transform:none;font-size:1rem}
.foot{border-top-color:var(--primary)}
`;

export const css = perSettings(
  (s: JewelSettings, locale: Locale) => rootVars(s, locale, "0").replace("}", `;--accent:${s.accent};--on-accent:${s.accentText}}`) + baseCss + own,
);
