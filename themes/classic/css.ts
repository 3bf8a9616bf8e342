import type { ClassicSettings } from "./settings";

export const css = (s: ClassicSettings) => `
:root{--bg:${s.background};--ink:${s.text};--muted:#57534e;--line:#e7e5e4;--primary:${s.primary};--on-primary:${s.primaryText};--radius:4px;--font:Georgia,"Times New Roman","Noto Nastaliq Urdu",serif;font-family:var(--font)}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.5}
a{color:inherit}
header{display:flex;align-items:center;justify-content:center;padding:16px;border-bottom:1px solid #0002}
header a{font-size:1.5rem;font-weight:700;text-decoration:none;letter-spacing:.02em}
main{max-width:1080px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;text-align:center;margin:8px 0 20px}
.grid{display:grid;grid-template-columns:repeat(2,1fr);gap:16px;list-style:none;padding:0;margin:0}
@media(min-width:720px){.grid{grid-template-columns:repeat(4,1fr)}}
.card a{display:block;text-decoration:none}
.card img,.card .ph{display:block;width:100%;aspect-ratio:1;object-fit:cover;background:#0000000d;border-radius:4px}
.card h2{font-size:1rem;font-weight:600;margin:8px 0 2px}
.price{font-weight:700}
.was{text-decoration:line-through;opacity:.7;margin-inline-start:6px;font-weight:400}
.empty{text-align:center;padding:48px 16px}
.btn{display:inline-block;min-height:48px;padding:12px 20px;background:var(--primary);color:var(--on-primary);text-decoration:none;border-radius:4px;font-weight:700}
footer{text-align:center;padding:24px 16px;font-size:.85rem;opacity:.8}
`;
