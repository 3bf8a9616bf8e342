import type { Locale } from "../../src/i18n";
import { baseCss, rootVars, perSettings } from "../_shared/base-css";
import type { MinimalSettings } from "./settings";

/** Minimal: hairlines, small caps labels, a dense list of products on phones, a grid above. */
const own = `body{font-size:15px}
.announce{border-bottom:1px solid var(--line);font-size:.8rem;letter-spacing:.08em;text-transform:uppercase}
.top{border-bottom:1px solid var(--ink)}
.bar{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.brand{font-size:1.1rem;letter-spacing:.12em;text-transform:uppercase;margin-inline-end:auto}
:lang(ur) .brand{letter-spacing:0}
.top .nav{flex-basis:100%;order:3}
@media(min-width:860px){.top .nav{flex-basis:auto;order:0}}
.nav a{padding-inline:0 16px;font-size:.9rem}
.cart{padding-inline:0}
.count{background:none;color:inherit;border:1px solid var(--ink)}
.hero{padding-block:28px 12px;border-bottom:1px solid var(--line)}
.hero-img{width:100%;aspect-ratio:3/1;object-fit:cover;margin-bottom:16px}
.hero h1{font-size:1.4rem;font-weight:600;margin:0 0 6px}
.hero p{color:var(--muted);margin:0 0 16px;max-width:40em}
.hero .btn{background:transparent;color:var(--ink);border-width:1px}
.sec h2,.page-title{font-size:.85rem;font-weight:600;letter-spacing:.12em;text-transform:uppercase}
:lang(ur) .sec h2,:lang(ur) .page-title{letter-spacing:0;font-size:1.1rem}
.grid{grid-template-columns:1fr;gap:0;border-top:1px solid var(--line)}
.card a{flex-direction:row;align-items:center;gap:14px;padding-block:10px;border-bottom:1px solid var(--line);min-height:72px}
.card .ph{width:72px;flex:none}
.ttl{margin:0;flex:1}
.pr{flex-direction:column;align-items:flex-end;font-weight:600}
.tag{position:static;padding:0;font-weight:400;font-size:.8rem;background:none!important;color:var(--muted)!important}
@media(min-width:600px){.grid{grid-template-columns:repeat(3,minmax(0,1fr));gap:28px 16px;border:0}.card a{flex-direction:column;align-items:stretch;border:0;padding:0}.card .ph{width:auto}.ttl{margin-top:8px}.pr{flex-direction:row}}
@media(min-width:960px){.grid{grid-template-columns:repeat(var(--per-row),minmax(0,1fr))}}
.tiles a{border-radius:0;justify-content:flex-start;font-weight:400}
.chip{border-radius:0}
.info h1{font-size:1.4rem;font-weight:600}
.price{font-size:1.1rem;font-weight:600}
.btn{border-width:1px;font-weight:600}
`;

export const css = perSettings((s: MinimalSettings, locale: Locale) => rootVars(s, locale, "0") + baseCss + own);

/** Card photos are 72 px thumbnails in the phone list, a grid from 600 px up. */
export const cardSizes = (perRow: number) => `(min-width:960px) ${Math.floor(100 / perRow)}vw, (min-width:600px) 33vw, 72px`;
