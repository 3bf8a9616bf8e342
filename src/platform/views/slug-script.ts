import { inlineScript } from "../../lib/csp";

/**
 * Enhancement for the shop-address field: suggests the address from the name while the
 * seller has not typed one, and checks availability as she types. Without JavaScript the
 * server suggests and checks on submit.
 */
export const slugScript = inlineScript(`(()=>{const f=document.getElementById("start");if(!f)return;const n=f.elements.name,s=f.elements.slug,o=document.getElementById("slug-status");let edited=!!s.value,timer,seq=0;
const sug=v=>v.normalize("NFKD").replace(/[\\u0300-\\u036f]/g,"").toLowerCase().replace(/['’]/g,"").replace(/[^a-z0-9]+/g,"-").replace(/^-+|-+$/g,"").slice(0,30).replace(/-+$/,"");
const say=(k,x)=>{o.textContent=(o.dataset[k]||"").replace("{slug}",s.value).replace("{suggestion}",x||"");o.style.color=k==="available"?"#166534":k==="checking"?"":"#b91c1c"};
const check=()=>{clearTimeout(timer);const v=s.value.trim().toLowerCase();if(!v){o.textContent="";return}say("checking");const my=++seq;timer=setTimeout(async()=>{try{const r=await fetch("/api/slug?slug="+encodeURIComponent(v));const j=await r.json();if(my!==seq)return;if(j.ok)say("available");else{say(j.problem);if(j.suggestion)o.textContent+=" "+(o.dataset.suggest||"").replace("{suggestion}",j.suggestion)}}catch(e){o.textContent=""}},350)};
n.addEventListener("input",()=>{if(!edited){s.value=sug(n.value);check()}});s.addEventListener("input",()=>{edited=true;check()});if(s.value)check()})();`);
