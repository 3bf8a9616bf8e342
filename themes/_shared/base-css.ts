/**
 * Structural CSS every theme starts from: phone first (360 px), logical properties only so Urdu
 * (RTL) mirrors, 48 px tap targets, images in aspect-ratio boxes (no layout shift). Colours,
 * type and shape come from the custom properties each theme defines on :root.
 */
import { fontStack } from "./fonts";
import { contrastRatio, mixColour, mutedColour } from "../../src/storefront/theme-settings";
import type { BaseSettings } from "../../src/storefront/theme";
import type { Locale } from "../../src/i18n";

/**
 * A theme's stylesheet function, remembered per settings object and locale: the storefront
 * keeps one validated settings object per cached shop record (src/storefront/context.ts), so
 * colour mixing and concatenation run once per shop edit, not once per page.
 */
export function perSettings<S extends object>(build: (s: S, locale: Locale) => string): (s: S, locale: Locale) => string {
  const made = new WeakMap<S, Map<Locale, string>>();
  return (s, locale) => {
    let byLocale = made.get(s);
    if (!byLocale) made.set(s, (byLocale = new Map()));
    let text = byLocale.get(locale);
    if (text === undefined) byLocale.set(locale, (text = build(s, locale)));
    return text;
  };
}

/** Errors' red at 4.5:1 on the background: deep red on light grounds, light red on dark, else the text colour. */
export function dangerColour(background: string, text: string): string {
  return ["#b91c1c", "#fca5a5"].find((c) => contrastRatio(c, background) >= 4.5) ?? text;
}

/** The :root custom properties the contract requires (checkout pages are styled by them). */
export function rootVars(s: BaseSettings, locale: Locale, radius: string): string {
  return `:root{--bg:${s.background};--danger:${dangerColour(s.background, s.text)};--ink:${s.text};--muted:${mutedColour(s.text, s.background)};--line:${mixColour(s.text, s.background, 0.18)};--soft:${mixColour(s.text, s.background, 0.05)};--primary:${s.primary};--on-primary:${s.primaryText};--radius:${radius};--font:${fontStack(s.font, locale)}}`;
}

export const baseCss = `*,:before,:after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font-family:var(--font);line-height:1.5;font-size:16px}
:lang(ur) body{line-height:1.9}
:lang(ur) h1,:lang(ur) h2{line-height:1.7}
a{color:inherit}
img{max-width:100%;height:auto;display:block}
h1,h2{line-height:1.25}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.muted{color:var(--muted)}
.wrap,main{max-width:1120px;margin-inline:auto;padding-inline:16px}
main{padding-block:8px 32px;min-height:60vh}
.announce{margin:0;padding:8px 16px;text-align:center;font-size:.9rem}
.brand{text-decoration:none;font-weight:700;display:inline-flex;align-items:center;min-height:48px}
.logo{max-height:48px;width:auto}
.cart{display:inline-flex;align-items:center;justify-content:center;gap:6px;min-height:48px;min-width:48px;padding-inline:12px;text-decoration:none;font-weight:600}
.cart svg{display:block}
.count:empty{display:none}
.count{min-width:1.6em;padding:0 6px;border-radius:99px;background:var(--primary);color:var(--on-primary);text-align:center;font-size:.85rem}
.nav{min-width:0;max-width:100%}
.nav ul{display:flex;gap:4px;overflow-x:auto;list-style:none;margin:0;padding:0;scrollbar-width:none}
.nav a{display:flex;align-items:center;min-height:48px;padding-inline:12px;white-space:nowrap;text-decoration:none}
.btn{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:10px 20px;border:2px solid var(--primary);border-radius:var(--radius);background:var(--primary);color:var(--on-primary);font:inherit;font-weight:700;text-decoration:none;cursor:pointer}
.btn.ghost{background:transparent;color:var(--ink)}
.btn.block{display:flex;width:100%}
.btn:disabled{opacity:.55;cursor:not-allowed}
.chip{display:inline-flex;align-items:center;min-height:48px;padding-inline:14px;border:1px solid var(--line);border-radius:99px;text-decoration:none;white-space:nowrap}
.chip[aria-current]{background:var(--ink);color:var(--bg);border-color:var(--ink)}
.sec{margin-block:28px}
.sec-head{display:flex;justify-content:space-between;align-items:baseline;gap:12px}
.sec-head a{min-height:48px;display:inline-flex;align-items:center}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:20px 12px;list-style:none;margin:0;padding:0}
@media(min-width:600px){.grid{grid-template-columns:repeat(3,minmax(0,1fr))}}
@media(min-width:960px){.grid{grid-template-columns:repeat(var(--per-row),minmax(0,1fr))}}
.card a{display:flex;flex-direction:column;gap:2px;text-decoration:none;position:relative}
.ph{display:block;align-self:stretch;aspect-ratio:1;background:var(--soft);overflow:hidden;border-radius:var(--radius)}
.ph img{width:100%;height:100%;object-fit:cover}
.ar-portrait .ph{aspect-ratio:4/5}
.ar-natural .ph{aspect-ratio:auto}
.ar-natural .ph img{height:auto}
.ar-natural .ph:empty{aspect-ratio:1}
.ttl{margin-top:6px;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
.pr{display:flex;flex-wrap:wrap;gap:0 8px;font-weight:700}
.was{color:var(--muted);font-weight:400}
.tag{position:absolute;inset-block-start:8px;inset-inline-start:8px;padding:2px 8px;border-radius:var(--radius);font-size:.8rem;font-weight:700}
.tag.out{background:var(--ink);color:var(--bg)}
.tag.sale{background:var(--primary);color:var(--on-primary)}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;list-style:none;padding:0}
.tiles a{display:flex;align-items:center;justify-content:center;min-height:64px;padding:12px;border:1px solid var(--line);border-radius:var(--radius);text-align:center;text-decoration:none;font-weight:600}
.list-head{margin-block:16px}
.sorts{display:flex;gap:8px;align-items:center;overflow-x:auto;padding-block:8px;scrollbar-width:none}
.pager{display:flex;gap:12px;justify-content:center;margin-block:28px}
.empty{text-align:center;padding:40px 8px}
.big{font-size:1.25rem;font-weight:700;margin:0 0 8px}
.crumbs{font-size:.9rem;padding-block:8px;color:var(--muted)}
.crumbs a{display:inline-block;padding-block:12px}
.product{display:grid;gap:20px}
@media(min-width:860px){.product{grid-template-columns:1fr 1fr;gap:40px}}
.slides{display:flex;align-items:flex-start;overflow-x:auto;scroll-snap-type:x mandatory;list-style:none;margin:0;padding:0;gap:8px;scrollbar-width:none}
.slides li{flex:0 0 100%;scroll-snap-align:start;border-radius:var(--radius);overflow:hidden}
.slides img{width:100%}
.dots{display:flex;justify-content:center}
.dots a{display:grid;place-items:center;width:24px;height:24px}
.dots a:after{content:"";width:8px;height:8px;border-radius:50%;background:var(--line)}
.dots a[aria-current]:after{background:var(--ink)}
.gallery>.ph{width:100%}
.thumbs{display:flex;gap:8px;list-style:none;margin:8px 0 0;padding:0;overflow-x:auto}
.thumbs a{display:block;width:56px;height:56px;border:1px solid var(--line);border-radius:var(--radius);overflow:hidden}
.thumbs img{width:100%;height:100%;object-fit:cover}
.info h1{margin:0 0 4px}
.price{font-size:1.3rem;font-weight:700;margin:0 0 8px}
.stock{margin:0 0 12px;font-weight:600}
.stock.low{color:var(--ink)}
.stock.out{color:var(--muted)}
.buy{display:grid;gap:14px;margin-block:8px 20px}
.field{display:grid;gap:6px}
label,legend{font-weight:600}
select,input[type=number],input[type=search]{font:inherit;min-height:48px;width:100%;padding:8px 12px;border:1px solid var(--muted);border-radius:var(--radius);background:var(--bg);color:var(--ink)}
.qty input{max-width:120px}
.picker fieldset{border:0;padding:0;margin:0 0 12px;display:flex;flex-wrap:wrap;gap:8px}
.picker legend{margin-bottom:6px}
.picker label{display:inline-flex;align-items:center;gap:8px;min-height:48px;min-width:48px;padding-inline:14px;border:1px solid var(--line);border-radius:var(--radius);cursor:pointer;font-weight:400}
.picker input{position:absolute;opacity:0}
.picker :checked+label{border:2px solid var(--ink);font-weight:700}
.picker :focus-visible+label{outline:2px solid var(--primary)}
.picker .na+label,.picker :disabled+label{color:var(--muted);text-decoration:line-through}
.sw{width:20px;height:20px;border-radius:50%;border:1px solid var(--line)}
.buybar{position:sticky;bottom:0;z-index:2;display:flex;align-items:center;gap:12px;margin-inline:-16px;padding:8px 16px max(8px,env(safe-area-inset-bottom));background:var(--bg);border-top:1px solid var(--line)}
.bb-txt{flex:1;min-width:0;display:grid}
.bb-txt span{color:var(--muted);font-size:.9rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.buybar.off{visibility:hidden;transform:translateY(100%)}
@media(min-width:860px){.buybar{display:none}}
@media(prefers-reduced-motion:no-preference){.slides{scroll-behavior:smooth}.buybar{transition:transform .2s,visibility .2s}.pulse{animation:pulse .45s}}
@keyframes pulse{50%{transform:scale(1.12)}}
.prose p,.lead p{white-space:pre-line;overflow-wrap:anywhere}
.content{max-width:720px;margin-inline:auto}
.search{display:grid;gap:6px;margin-block:12px;max-width:560px}
.search .row{display:flex;gap:8px}
.foot{border-top:1px solid var(--line);padding:24px 16px;text-align:center;font-size:.9rem}
.foot ul{display:flex;flex-wrap:wrap;justify-content:center;gap:4px 16px;list-style:none;padding:0;margin:0}
.foot a{display:inline-block;padding-block:12px}
:focus-visible{outline:2px solid var(--primary);outline-offset:2px}
`;
