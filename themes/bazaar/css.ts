import type { Locale } from "../../src/i18n";
import { baseCss, rootVars, perSettings } from "../_shared/base-css";
import type { BazaarSettings } from "./settings";

/** Bazaar: a bold coloured header band, pill chips, chunky cards, a big banner block. */
const own = `.announce{background:var(--accent);color:var(--on-accent);font-weight:700}
.top{background:var(--primary);color:var(--on-primary)}
.bar{display:flex;justify-content:space-between;align-items:center;gap:8px}
.brand{font-size:1.45rem;font-weight:900;letter-spacing:-.01em}
.top .cart{background:var(--on-primary);color:var(--primary);border-radius:99px;margin-block:6px;min-height:48px}
.top .count{background:var(--primary);color:var(--on-primary)}
.chips{padding-block:10px;border-bottom:1px solid var(--line)}
.chips .nav{max-width:1120px;margin-inline:auto}
.chips .nav ul{gap:8px;padding-inline:16px}
.chips .nav a{border:2px solid var(--ink);border-radius:99px;font-weight:700;min-height:48px}
.hero{margin-block:16px;border-radius:var(--radius);background:var(--accent);color:var(--on-accent);overflow:hidden;display:grid}
.hero-img{width:100%;aspect-ratio:16/9;object-fit:cover}
@media(min-width:760px){.hero.has-img{grid-template-columns:1fr 1fr}.hero-img{height:100%;order:2}}
.hero-text{padding:24px 20px 28px}
.hero h1{font-size:2.3rem;font-weight:900;line-height:1.05;margin:0 0 10px;letter-spacing:-.02em}
:lang(ur) .hero h1{line-height:1.6}
.hero p{margin:0 0 18px;font-size:1.05rem}
.hero .btn{background:var(--on-accent);color:var(--accent);border-color:var(--on-accent)}
.sec h2,.page-title{font-size:1.5rem;font-weight:900;margin-block:8px}
.sec-head a{font-weight:700}
.card a{background:var(--bg);border:2px solid var(--line);border-radius:var(--radius);padding:8px 8px 12px}
.card .ph{border-radius:calc(var(--radius) - 6px)}
.ttl{font-weight:600}
.pr{font-size:1.1rem;font-weight:900}
.tag{inset-block-start:14px;inset-inline-start:14px;border-radius:99px;padding-inline:10px}
.tiles a{border:2px solid var(--ink);font-weight:800;background:var(--soft)}
.btn{border-radius:99px}
.info h1{font-size:1.8rem;font-weight:900}
.price .now{font-size:1.6rem}
`;

export const css = perSettings(
  (s: BazaarSettings, locale: Locale) => rootVars(s, locale, "16px").replace("}", `;--accent:${s.accent};--on-accent:${s.accentText}}`) + baseCss + own,
);
