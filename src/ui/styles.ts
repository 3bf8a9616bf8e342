/** The platform and admin stylesheet: inlined in the platform's pages (a first visit: no render-blocking request), linked from the admin's (`baseCssHref`). */
export const baseCss = `
:root{--brand:#0f5c4d;--brand-ink:#fff;--accent:#b4530a;--ink:#1c1917;--muted:#57534e;--line:#d6d3d1;--bg:#fafaf9;--card:#fff;--err:#b91c1c;--ok:#166534;--radius:12px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Nastaliq Urdu","Noto Sans Arabic",sans-serif}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font-size:16px;line-height:1.5}
[dir=rtl] body{line-height:1.9}
a{color:var(--brand)}
img{max-width:100%;height:auto}
.wrap{max-width:560px;margin:0 auto;padding:16px}
.top{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:8px 16px;background:var(--card);border-bottom:1px solid var(--line);min-height:56px}
.brand{font-weight:800;font-size:1.25rem;color:var(--brand);text-decoration:none;display:inline-flex;align-items:center;min-height:48px}
h1{font-size:1.5rem;line-height:1.25;margin:8px 0 16px}
h2{font-size:1.15rem;margin:24px 0 8px}
.step{color:var(--muted);font-size:.875rem;margin:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:16px;margin:12px 0}
.field{margin:0 0 16px}
.field label,.legend{display:block;font-weight:600;margin:0 0 6px}
.field input,.field select,.field textarea{display:block;width:100%;min-height:48px;padding:10px 12px;font:inherit;color:inherit;background:#fff;border:1px solid #a8a29e;border-radius:10px}
.field textarea{min-height:120px}
.field input:focus,.field select:focus,.field textarea:focus{outline:3px solid #99f6e4;border-color:var(--brand)}
.field .hint{color:var(--muted);font-size:.875rem;margin:4px 0 0}
.field .error{color:var(--err);font-size:.9rem;font-weight:600;margin:6px 0 0}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:var(--err);border-width:2px}
.addon{display:flex;align-items:stretch}
.addon input{border-start-end-radius:0;border-end-end-radius:0}
.addon span{display:flex;align-items:center;padding:0 10px;background:#f5f5f4;border:1px solid #a8a29e;border-inline-start:0;border-start-end-radius:10px;border-end-end-radius:10px;color:var(--muted);white-space:nowrap;direction:ltr}
.btn{display:inline-flex;align-items:center;justify-content:center;gap:8px;min-height:48px;padding:10px 20px;border-radius:10px;border:1px solid var(--brand);background:var(--brand);color:var(--brand-ink);font:inherit;font-weight:700;text-decoration:none;cursor:pointer}
.btn.block{display:flex;width:100%}
.btn.ghost{background:transparent;color:var(--brand)}
.btn.small{min-height:48px;padding:6px 12px;font-weight:600}
.tap{display:inline-flex;align-items:center;gap:6px;min-height:48px}
.back{margin:0 0 8px}
summary{min-height:48px;padding-block:12px;cursor:pointer}
.alert{border-radius:10px;padding:12px;margin:0 0 16px;background:#fef2f2;color:var(--err);border:1px solid #fecaca;font-weight:600}
.notice{border-radius:10px;padding:12px;margin:0 0 16px;background:#f0fdf4;color:var(--ok);border:1px solid #bbf7d0}
.flash{margin:0;border-radius:0;border-width:0 0 1px}
.muted{color:var(--muted)}
.center{text-align:center}
.stack>*+*{margin-top:12px}
.choices{display:grid;gap:12px;border:0;padding:0;margin:0 0 16px}
.choice{display:flex;gap:12px;align-items:center;padding:12px;border:2px solid var(--line);border-radius:var(--radius);background:var(--card);cursor:pointer;min-height:64px}
.choice input{width:24px;height:24px;flex:none;accent-color:var(--brand)}
.choice:has(input:checked){border-color:var(--brand);background:#f0fdfa}
.swatch{width:56px;height:56px;border-radius:8px;flex:none;border:1px solid var(--line)}
.points{padding:0;list-style:none}
.points li{padding:10px 0;border-bottom:1px solid var(--line)}
.linkbox{direction:ltr;font-weight:700;word-break:break-all;background:#f0fdfa;border:1px dashed var(--brand);border-radius:10px;padding:12px;text-align:center}
.shops{list-style:none;padding:0;margin:0}
.shops li{margin:0 0 8px}
.shops button,.shops a{width:100%;justify-content:space-between}
main.admin{padding-bottom:88px}
.bottom-nav{position:fixed;inset-inline:0;bottom:0;display:grid;grid-template-columns:repeat(4,1fr);background:var(--card);border-top:1px solid var(--line);padding-bottom:env(safe-area-inset-bottom)}
.bottom-nav a{display:flex;flex-direction:column;align-items:center;justify-content:center;min-height:60px;font-size:.8rem;font-weight:600;color:var(--muted);text-decoration:none;position:relative}
.bottom-nav a[aria-current=page]{color:var(--brand)}
.bottom-nav svg{width:24px;height:24px}
.badge{position:absolute;top:6px;inset-inline-start:55%;background:var(--accent);color:#fff;border-radius:999px;font-size:.7rem;padding:0 6px;line-height:18px}
.inline{display:inline}
.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.field input.file-input{position:absolute;width:1px;height:1px;min-height:0;padding:0;margin:0;border:0;opacity:0;overflow:hidden;clip-path:inset(50%)}
.field.file{position:relative}
.field.file label.btn{display:inline-flex;margin:0;max-width:100%;text-align:center}
.field.file input:focus-visible+label{outline:3px solid #99f6e4;outline-offset:2px}
.field.file:has(input:required:valid) label::after{content:"\\2713"}
.file-names{display:block;color:var(--muted);font-size:.875rem;overflow-wrap:anywhere}
.file-names:empty{display:none}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top-actions{display:flex;gap:8px;align-items:center;flex-shrink:0}
.top .brand{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.field-switch{margin:-8px 0 8px}.field-switch a{display:inline-flex;align-items:center;min-height:48px;font-weight:600}
.suggest .btn,#slug-status .btn{max-width:100%;word-break:break-all;margin-top:4px}
`;

/** FNV-1a, 32 bits, as 8 hex digits: the stylesheet's version, computed once in the isolate. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * The admin's pages link `baseCss` instead of carrying it (6 KB of every page she opens all day,
 * and of the Worker's CPU making each answer): served by src/pwa/routes.tsx, versioned by its
 * hash so the browser keeps it a year, and kept by the admin's service worker for offline copies.
 */
export const baseCssHref = `/admin/app.css?v=${fnv1a(baseCss)}`;
