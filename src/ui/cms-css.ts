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
.photos{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px}
.photos li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:6px}
.photos img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:6px}
.uploads{list-style:none;padding:0}
.uploads li{display:flex;gap:8px;align-items:center;flex-wrap:wrap;padding:6px 0;border-bottom:1px solid var(--line)}
.uploads progress{flex:1;min-width:120px;height:12px}
.menu{list-style:none;padding:0;margin:0}
.menu a{display:flex;justify-content:space-between;align-items:center;min-height:56px;padding:8px 12px;background:var(--card);border:1px solid var(--line);border-radius:10px;margin:0 0 8px;text-decoration:none;font-weight:600;color:var(--ink)}
.danger{background:var(--err);border-color:var(--err)}
.btn.danger.ghost{background:transparent;color:var(--err)}
.preview{border:2px dashed var(--brand);border-radius:var(--radius);margin:12px 0;overflow:hidden}
.preview iframe{width:100%;height:560px;border:0;background:#fff}
table.report{width:100%;border-collapse:collapse;font-size:.9rem}
table.report td,table.report th{border-bottom:1px solid var(--line);padding:6px;text-align:start;vertical-align:top}
`;
