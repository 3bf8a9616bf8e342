/**
 * The shipping label to print (4x6 inches, or A4): the order number, the customer's name, phone,
 * address and city, the cash to collect, the tracking number as text and as a Code 128 barcode in
 * SVG, and the shop's name. The seller's own page only (behind her log-in). Nothing typed is markup.
 */
import { formatMoney, type MessageKey, type Messages } from "../../i18n";
import { Document } from "../../ui/Document";
import { code128Bars } from "../code128";

export type LabelSize = "4x6" | "a4";
export const labelSize = (q: string | undefined): LabelSize => (q === "a4" ? "a4" : "4x6");

export interface LabelProps {
  m: Messages;
  size: LabelSize;
  self: string;
  back: string;
  shopName: string;
  courier: string;
  trackingNumber: string;
  codPaisa: number;
  order: { number: number; customerName: string; customerPhone: string; address: string; city: string; currency: string };
}

const css = (size: LabelSize) => `
body{background:#fff}
.label{margin:0 auto;color:#000;border:2px solid #000;padding:${size === "a4" ? "10mm" : "3mm"};width:${size === "a4" ? "150mm" : "96mm"};font-size:${size === "a4" ? "15px" : "12px"};line-height:1.35}
.label h1{font-size:1.3em;margin:0 0 2mm}
.label .to{font-size:1.15em;border-top:1px solid #000;border-bottom:1px solid #000;padding:2mm 0;margin:2mm 0;white-space:pre-wrap}
.label .cod{font-size:1.3em;font-weight:800;border:2px solid #000;padding:2mm;text-align:center;margin:2mm 0}
.label svg{width:100%;height:${size === "a4" ? "28mm" : "18mm"};display:block}
.label .tn{text-align:center;font:700 1.1em monospace;letter-spacing:1px}
.ltr{direction:ltr;unicode-bidi:isolate}
.toolbar{display:flex;gap:8px;flex-wrap:wrap;justify-content:center;padding:12px}
.toolbar .btn{min-height:48px}
@page{size:${size === "a4" ? "A4" : "4in 6in"};margin:${size === "a4" ? "12mm" : "0"}}
@media screen{.label{max-width:100%}}
@media print{.toolbar{display:none}.label{border:0}}
`;

export function LabelPage({ m, size, self, back, shopName, courier, trackingNumber, codPaisa, order }: LabelProps) {
  const { t } = m;
  const bars = code128Bars(trackingNumber);
  return (
    <Document m={m} title={`#${order.number} · ${trackingNumber}`} css={css(size)} robots="noindex">
      <nav class="toolbar">
        <a class="btn ghost" href={back}>
          {t("common.back")}
        </a>
        <a class="btn ghost" href={`${self}?size=4x6`} aria-current={size === "4x6" ? "page" : undefined}>
          {t("couriers.label.size4x6")}
        </a>
        <a class="btn ghost" href={`${self}?size=a4`} aria-current={size === "a4" ? "page" : undefined}>
          {t("couriers.label.a4")}
        </a>
      </nav>
      <article class="label">
        <h1>
          {shopName} · #{order.number}
        </h1>
        <p>{t(`couriers.name.${courier}` as MessageKey)}</p>
        <div class="to">
          <b>{order.customerName}</b>
          {"\n"}
          <span class="ltr">{order.customerPhone}</span>
          {"\n"}
          {order.address}
          {"\n"}
          <b>{order.city}</b>
        </div>
        <p class="cod">{codPaisa > 0 ? `${t("couriers.label.cod")}: ${formatMoney(codPaisa, order.currency, m.locale)}` : t("couriers.label.prepaid")}</p>
        {bars && (
          <svg viewBox={`0 0 ${bars.width} 50`} preserveAspectRatio="none" role="img" aria-label={trackingNumber} xmlns="http://www.w3.org/2000/svg">
            {bars.bars.map(([x, w]) => (
              <rect key={x} x={x} y={0} width={w} height={50} fill="#000" />
            ))}
          </svg>
        )}
        <p class="tn ltr">{trackingNumber}</p>
      </article>
    </Document>
  );
}
