/**
 * Styles of the cart, checkout and order pages. They render inside any theme's Layout, so they
 * use only the custom properties every theme defines (--bg, --ink, --muted, --line, --soft,
 * --primary, --on-primary, --danger, --radius, --font) and logical properties (Urdu pages are right to left).
 */
export const checkoutCss = `
.co{max-width:640px;margin:0 auto;font-family:var(--font);color:var(--ink)}
.co h1{font-size:1.5rem;margin:8px 0 16px;text-align:start}
.co h2{font-size:1.15rem;margin:24px 0 8px}
.co-lines{list-style:none;margin:0;padding:0;border-top:1px solid var(--line)}
.co-line{display:grid;grid-template-columns:1fr auto;gap:4px 12px;padding:12px 0;border-bottom:1px solid var(--line)}
.co-line .t{font-weight:700}
.co-line .v,.co-muted{color:var(--muted);font-size:.9rem}
.co-line .amt{text-align:end;font-weight:700;white-space:nowrap}
.co-line .ctl{grid-column:1/-1;display:flex;gap:8px;align-items:end;flex-wrap:wrap}
.co-flag{grid-column:1/-1;margin:0;font-weight:700;color:var(--ink);background:color-mix(in srgb,var(--primary) 12%,var(--bg));border-radius:var(--radius);padding:6px 10px}
.co-line.off .t,.co-line.off .amt{text-decoration:line-through;color:var(--muted)}
.co label,.co .lbl{display:block;font-weight:700;margin:0 0 4px}
.co input,.co select,.co textarea{font:inherit;color:var(--ink);background:var(--bg);border:1px solid var(--muted);border-radius:var(--radius);min-height:48px;padding:10px 12px;width:100%}
.co textarea{min-height:96px}
.co .qty{width:88px}
.co-field{margin:0 0 16px}
.co-field .hint{color:var(--muted);font-size:.875rem;margin:4px 0 0}
.co-field .err,.co-alert{color:var(--danger);font-weight:700;margin:6px 0 0}
.co-field.bad input,.co-field.bad textarea{border:2px solid var(--danger)}
.co-alert{border:2px solid var(--danger);border-radius:var(--radius);padding:12px;margin:0 0 16px;background:var(--bg)}
.co-note{border:1px solid var(--line);border-radius:var(--radius);padding:12px;margin:0 0 16px}
.co-btn{display:inline-flex;align-items:center;justify-content:center;min-height:48px;padding:10px 18px;border-radius:var(--radius);border:1px solid var(--primary);background:var(--primary);color:var(--on-primary);font:inherit;font-weight:700;text-decoration:none;cursor:pointer}
.co-btn.ghost{background:transparent;color:var(--ink);border-color:var(--line)}
.co-btn.block{display:flex;width:100%;margin:16px 0 0}
.co-confirm{border:2px solid var(--primary);border-radius:var(--radius);padding:12px;margin:0 0 16px}
.co-confirm h2{margin-top:0}
.co-proof{margin:0 0 16px}
.co-field input.co-file{position:absolute;width:1px;height:1px;min-height:0;padding:0;margin:0;border:0;opacity:0;overflow:hidden;clip-path:inset(50%)}
.co-file:focus-visible+label{outline:3px solid var(--primary);outline-offset:2px}
.co-file:valid+label::after{content:" \\2713"}
.co-names{display:block;color:var(--muted);font-size:.875rem;overflow-wrap:anywhere}
.co-cancel summary{min-height:48px;display:flex;align-items:center;cursor:pointer;font-weight:700}
.co fieldset{border:0;padding:0;margin:0 0 16px}
.co legend{font-weight:700;font-size:1.15rem;margin:24px 0 8px;padding:0}
.co-choice{display:flex;gap:12px;align-items:flex-start;padding:12px;border:2px solid var(--line);border-radius:var(--radius);margin:0 0 8px;min-height:56px;cursor:pointer;font-weight:400}
.co-choice input{width:22px;height:22px;min-height:0;flex:none;margin:2px 0 0;accent-color:var(--primary)}
.co-choice:has(input:checked){border-color:var(--primary)}
.co-choice b{display:block}
.co-acct{margin:8px 0 0;font-size:.95rem}
.co-acct dt{color:var(--muted);font-size:.85rem}
.co-acct dd{margin:0 0 4px;font-weight:700;direction:ltr;unicode-bidi:isolate}
.co-qr{display:block;width:240px;max-width:100%;height:auto;margin:8px 0 0;border-radius:var(--radius)}
.co-sum{width:100%;border-collapse:collapse;margin:8px 0}
.co-sum th,.co-sum td{padding:6px 0;text-align:start;font-weight:400}
.co-sum td{text-align:end}
.co-sum tr.total th,.co-sum tr.total td{font-weight:700;font-size:1.15rem;border-top:1px solid var(--line);padding-top:10px}
.co-steps{list-style:none;margin:0;padding:0}
.co-steps li{padding:8px 0;border-bottom:1px solid var(--line)}
.co-steps time{display:block;color:var(--muted);font-size:.85rem}
.co-status{display:inline-block;padding:4px 12px;border-radius:999px;background:var(--primary);color:var(--on-primary);font-weight:700}
.co-ltr{direction:ltr;unicode-bidi:isolate}
`;
