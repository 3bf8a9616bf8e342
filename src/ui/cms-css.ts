/** Styles shared by the catalogue and settings pages (appended to the admin stylesheet). */
export const cmsCss = `
.plist{list-style:none;padding:0;margin:0}
.plist>li{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:12px;margin:0 0 12px}
.phead{display:flex;gap:12px;align-items:center}
.phead img,.phead .ph{width:56px;height:56px;border-radius:8px;object-fit:cover;flex:none;background:#e7e5e4}
.phead a{font-weight:700;flex:1;min-width:0;overflow-wrap:anywhere;min-height:48px;display:flex;align-items:center}
.tag{font-size:.75rem;font-weight:700;border-radius:999px;padding:2px 8px;background:#e7e5e4;color:var(--ink)}
.tag.active{background:#dcfce7;color:var(--ok)}
.tag.archived{background:#fee2e2;color:var(--err)}
.quick{display:grid;grid-template-columns:repeat(auto-fill,minmax(96px,1fr));gap:8px;align-items:end;margin-top:8px}
.quick .field{margin:0}
.quick label{font-size:.8rem}
.acts{display:flex;gap:8px;flex-wrap:wrap;margin-top:8px}
.acts form{display:inline}
.acts .btn,main.admin .btn.small{min-height:48px}
.filters{display:grid;grid-template-columns:1fr auto;gap:8px;align-items:end}
.filters .field{margin:0}
fieldset{border:1px solid var(--line);border-radius:var(--radius);padding:12px;margin:0 0 16px;background:var(--card)}
legend{font-weight:700;padding:0 4px}
.check{display:flex;gap:12px;align-items:center;min-height:48px}
.check input{width:24px;height:24px;flex:none;accent-color:var(--brand)}
input.pos{width:72px;min-height:48px;padding:10px 12px;text-align:center;font:inherit;color:inherit;background:#fff;border:1px solid #a8a29e;border-radius:10px}
.vrow{border-top:1px solid var(--line);padding:8px 0}
.vrow h3{font-size:1rem;margin:4px 0 8px}
.grid3{display:grid;grid-template-columns:1fr 1fr 1fr;gap:8px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.grid3 .field,.grid2 .field{margin:0 0 8px}
.photo-area [hidden],.secs [hidden]{display:none!important}
.photos{list-style:none;padding:0;margin:0 0 12px;display:flex;flex-direction:column;gap:8px}
.photos li{display:grid;grid-template-columns:96px minmax(0,1fr);gap:8px;align-items:start;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:6px}
.photos li.dragging,.secs li.dragging{opacity:.85;box-shadow:0 6px 18px rgba(0,0,0,.25);position:relative;z-index:1}
.ph-img{position:relative;width:96px}
.photos img,.ph-img .ph{display:block;width:96px;height:96px;object-fit:cover;border-radius:6px;background:#e7e5e4}
.main-badge{position:absolute;inset-block-end:4px;inset-inline-start:4px;inset-inline-end:4px;text-align:center;background:var(--brand);color:var(--brand-ink);border-radius:6px;font-size:.75rem;font-weight:700;padding:2px 4px}
.photos .acts{margin-top:0}
.handle{touch-action:none;cursor:grab;min-width:48px;font-size:1.25rem}
.secs{list-style:none;padding:0;margin:0}
.secs>li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:0 8px 8px;margin:0 0 8px}
.secs summary{font-weight:600}
.sec-acts{flex-wrap:nowrap}
.sec-acts .btn{min-width:48px;justify-content:center}
.sec-acts .btn:not(.danger){font-size:1.25rem;padding-inline:8px}
.sec-acts .danger{margin-inline-start:auto}
.sec-acts .btn:disabled{opacity:.35}
.secs[aria-busy=true]{opacity:.6}
.photos li:first-child [data-move=first],.photos li:first-child [data-move=up],.photos li:last-child [data-move=down]{display:none}
.photos progress{width:100%;height:12px}
.menu{list-style:none;padding:0;margin:0}
.menu a{display:flex;justify-content:space-between;align-items:center;min-height:56px;padding:8px 12px;background:var(--card);border:1px solid var(--line);border-radius:10px;margin:0 0 8px;text-decoration:none;font-weight:600;color:var(--ink)}
.danger{background:var(--err);border-color:var(--err)}
.btn.danger.ghost{background:transparent;color:var(--err)}
.preview{border:2px dashed var(--brand);border-radius:var(--radius);margin:12px 0;overflow:hidden}
.preview iframe{width:100%;height:560px;border:0;background:#fff}
table.report{width:100%;border-collapse:collapse;font-size:.9rem}
table.report td,table.report th{border-bottom:1px solid var(--line);padding:6px;text-align:start;vertical-align:top}
`;
