import type { Locale } from "../../src/i18n";
import { baseCss, rootVars, perSettings } from "../_shared/base-css";
import type { BakerySettings } from "./settings";

/**
 * Bakery: a centred logo on a strawberry-milk band with a scalloped edge, soft pill menu,
 * round cards that sit on a soft shadow, prices set big and bold, sale tags as round stickers.
 */
const own = `.announce{background:var(--primary);color:var(--on-primary);font-weight:700}
.top{background:radial-gradient(circle at 10px 0,var(--accent) 9.5px,var(--bg) 10px) 0 100%/20px 14px repeat-x,linear-gradient(var(--accent),var(--accent)) 0 0/100% calc(100% - 14px) no-repeat,var(--bg);color:var(--on-accent);text-align:center;padding-bottom:14px}
.bar{display:grid;grid-template-columns:1fr auto 1fr;align-items:center}
.bar .end{justify-self:end}
.bar .cart{background:var(--bg);color:var(--ink);border-radius:99px;margin-block:8px}
.brand{font-size:1.7rem;font-weight:800;letter-spacing:-.01em}
.pills .nav ul{justify-content:safe center;gap:8px;padding-inline:16px}
.pills .nav a{background:var(--bg);color:var(--ink);border-radius:99px;font-weight:700}
.hero{margin-block:24px 8px;border-radius:28px;background:var(--accent);color:var(--on-accent);overflow:hidden;text-align:center;box-shadow:0 10px 28px -18px var(--ink)}
.hero-img{width:100%;aspect-ratio:4/3;object-fit:cover}
@media(min-width:760px){.hero-img{aspect-ratio:21/9}}
.hero-text{padding:24px 20px 28px}
.hero h1{font-size:2.1rem;font-weight:800;line-height:1.1;margin:0 0 10px}
:lang(ur) .hero h1{line-height:1.8}
.hero p{margin:0 auto 18px;max-width:34em;font-size:1.05rem}
.sec h2,.page-title{font-size:1.55rem;font-weight:800;text-align:center}
.sec-head{flex-direction:column;align-items:center;gap:0}
.sec-head h2{margin-bottom:0}
.grid{gap:18px 14px}
.card a{background:var(--bg);border-radius:22px;padding:8px 8px 14px;box-shadow:0 6px 20px -12px var(--ink);text-align:center;align-items:center;height:100%}
.card .ph{border-radius:16px;width:100%}
.ttl{font-weight:600}
.pr{justify-content:center;font-size:1.3rem;font-weight:800}
.pr .was{font-size:.95rem}
.tag{border-radius:99px;min-width:3.2em;min-height:3.2em;display:grid;place-items:center;padding:4px;transform:rotate(-8deg)}
.tiles a{border-radius:99px;border:2px dashed var(--primary);background:var(--soft)}
.btn{border-radius:99px;font-weight:800}
.info h1{font-size:1.9rem;font-weight:800}
.price{font-size:1.8rem;font-weight:800}
.slides li,.thumbs a{border-radius:20px}
`;

export const css = perSettings(
  (s: BakerySettings, locale: Locale) => rootVars(s, locale, "16px").replace("}", `;--accent:${s.accent};--on-accent:${s.accentText}}`) + baseCss + own,
);
