import type { Locale } from "../../src/i18n";
import { baseCss, rootVars, perSettings } from "../_shared/base-css";
import type { ClassicSettings } from "./settings";

/** Boutique: centred serif masthead, hairlines, generous white space, quiet captions. */
const own = `.announce{background:var(--primary);color:var(--on-primary);letter-spacing:.04em}
.top{border-bottom:1px solid var(--line);text-align:center}
.bar{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,auto) minmax(max-content,1fr);align-items:center}
.bar .brand{min-width:0;overflow-wrap:anywhere;justify-content:center;text-align:center}
.bar .cart{justify-self:end}
.brand{font-size:1.6rem;letter-spacing:.06em;font-weight:400;text-transform:uppercase}
:lang(ur) .brand{text-transform:none}
.nav ul{justify-content:safe center}
.nav a{font-size:.95rem;letter-spacing:.03em}
.hero{margin-inline:-16px;text-align:center}
.hero-img{width:100%;aspect-ratio:4/3;object-fit:cover}
@media(min-width:720px){.hero-img{aspect-ratio:21/9}}
.hero-text{padding:28px 20px}
.hero h1{font-size:2rem;font-weight:400;margin:0 0 8px}
.hero p{color:var(--muted);margin:0 auto 20px;max-width:36em}
.sec h2,.page-title{font-weight:400;font-size:1.5rem;text-align:center}
.sec-head{justify-content:center;flex-direction:column;align-items:center;gap:0}
.sec-head h2{margin-bottom:0}
.card a{text-align:center;align-items:center}
.pr{justify-content:center;font-weight:400}
.list-head{text-align:center}
.sorts{justify-content:safe center}
.info h1{font-weight:400;font-size:1.7rem}
.btn{text-transform:uppercase;letter-spacing:.08em;font-size:.9rem}
:lang(ur) .btn{text-transform:none;letter-spacing:0;font-size:1rem}
`;

export const css = perSettings((s: ClassicSettings, locale: Locale) => rootVars(s, locale, "2px") + baseCss + own);
