/** The customer screens' CSS beyond the orders' (whose list, chips and cards they share). */
import { ordersCss } from "../orders/views/css";

/** Risk signals: plain sentences, a warning marked by a border and a word-free sign (never colour alone). */
export const riskCss = `
.risk{list-style:none;margin:0;padding:0}
.risk li{padding:6px 0 6px 0;border-bottom:1px solid var(--line)}
.risk li.warn{font-weight:700}
.risk li.warn::before{content:"! ";color:var(--err)}
.olist .signals{grid-column:1/-1;color:var(--muted);font-size:.9rem}
.olist .signals .warn{color:var(--err);font-weight:700}
`;

export const customersCss = `${ordersCss}${riskCss}
.tags{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:8px 0 0;padding:0}
.tags li{border:1px solid var(--line);border-radius:999px;padding:2px 10px;font-size:.9rem}
.tag-inputs{border:0;margin:0 0 16px;padding:0}
.tag-inputs legend{font-weight:700;margin:0 0 4px;padding:0}
.tag-inputs .tag-box{display:block;margin:0 0 8px}
.tag-inputs .tag-box span{display:block;font-size:.9rem;color:var(--muted);margin:0 0 2px}
.tag-inputs input{display:block;width:100%;min-height:48px}
`;
