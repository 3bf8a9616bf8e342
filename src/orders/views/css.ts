/** Extra admin CSS for the order screens (phone first, 48 px targets, logical properties). */
export const ordersCss = `
.chips{display:flex;gap:8px;overflow-x:auto;padding:0 0 8px;margin:0 0 8px;list-style:none}
.chips a{display:inline-flex;align-items:center;gap:6px;min-height:48px;padding:8px 14px;border:1px solid var(--line);border-radius:999px;background:var(--card);color:var(--ink);text-decoration:none;white-space:nowrap;font-weight:600}
.chips a[aria-current=page]{background:var(--brand);border-color:var(--brand);color:var(--brand-ink)}
.search{display:flex;gap:8px;align-items:flex-end;margin:0 0 16px}
.search .field{flex:1;margin:0}
.olist{list-style:none;margin:0;padding:0}
.olist a{display:grid;grid-template-columns:1fr auto;gap:2px 12px;padding:12px;margin:0 0 8px;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);color:var(--ink);text-decoration:none;min-height:64px}
.olist .num{font-weight:800}
.olist .amt{font-weight:800;text-align:end;white-space:nowrap}
.olist .meta{color:var(--muted);font-size:.9rem}
.pill{display:inline-block;border-radius:999px;padding:0 10px;font-size:.85rem;font-weight:700;background:#e7e5e4;color:var(--ink)}
.pill.cf-awaiting{background:#fef3c7}.pill.cf-late{background:#b91c1c;color:#fff}.pill.cf-confirmed{background:#bbf7d0}.olist .cf{grid-column:1/-1}
.pill.new{background:#fde68a}.pill.confirmed{background:#bfdbfe}.pill.packed{background:#ddd6fe}.pill.shipped{background:#a5f3fc}.pill.delivered{background:#bbf7d0}.pill.cancelled,.pill.returned{background:#fecaca}
.actions{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:0 0 12px}
.lines{list-style:none;margin:0;padding:0}
.lines li{display:flex;justify-content:space-between;gap:12px;padding:8px 0;border-bottom:1px solid var(--line)}
.sum{width:100%;border-collapse:collapse}
.sum th,.sum td{padding:4px 0;text-align:start;font-weight:400}
.sum td{text-align:end}
.sum .total th,.sum .total td{font-weight:800;border-top:1px solid var(--line);padding-top:8px}
.ltr{direction:ltr;unicode-bidi:isolate}
.events{list-style:none;margin:0;padding:0}
.events li{padding:8px 0;border-bottom:1px solid var(--line)}
.events time,.events .who{color:var(--muted);font-size:.85rem}
.note-text{white-space:pre-wrap;margin:4px 0 0}
.steps form+form,#payment form+form{margin-top:12px}
.danger{border-color:var(--err)!important;color:var(--err)!important;background:transparent!important}
.proof{margin:8px 0}.proof img{max-width:100%;height:auto;border-radius:var(--radius);border:1px solid var(--line)}
details.card summary{min-height:48px;display:flex;align-items:center;font-weight:700;cursor:pointer}
.stats{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.stat{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:12px}
.stat b{display:block;font-size:1.3rem}
.chart svg{width:100%;height:auto;display:block}
.chart table{width:100%;border-collapse:collapse;font-size:.9rem}
.chart td,.chart th{padding:4px;border-bottom:1px solid var(--line);text-align:start}
`;
