import printScript from "../../client/print-button.gen";
import { formatMoney, type Messages } from "../../i18n";
import { Document } from "../../ui/Document";
import { backArrow, When } from "../../ui/bits";
import type { OrderDetail } from "../read";

export type SlipSize = "a4" | "80mm";

export interface PackingSlipProps {
  m: Messages;
  shop: { name: string; phone: string; whatsapp: string; city: string; slug: string };
  detail: OrderDetail;
  size: SlipSize;
}

const slipCss = (size: SlipSize) => `
body{background:#fff}
.slip{margin:0 auto;color:#000;${size === "a4" ? "max-width:180mm;font-size:14px;padding:16px" : "width:72mm;font-size:12px;padding:4px;line-height:1.35"}}
.slip h1{font-size:${size === "a4" ? "1.5rem" : "1.1rem"};margin:0 0 4px}
.slip h2{font-size:1rem;margin:12px 0 4px}
.slip table{width:100%;border-collapse:collapse}
.slip th,.slip td{text-align:start;padding:${size === "a4" ? "6px 4px" : "2px 0"};border-bottom:1px ${size === "a4" ? "solid #999" : "dashed #000"};vertical-align:top}
.slip td.n,.slip th.n{text-align:end;white-space:nowrap}
.slip .due{font-size:${size === "a4" ? "1.25rem" : "1rem"};font-weight:800;border:2px solid #000;padding:6px;margin:12px 0;text-align:center}
.slip .head{display:flex;justify-content:space-between;gap:12px;${size === "80mm" ? "flex-direction:column;text-align:center" : ""}}
.ltr{direction:ltr;unicode-bidi:isolate}
.toolbar{display:flex;gap:8px;flex-wrap:wrap;justify-content:center;padding:12px;border-bottom:1px solid var(--line);background:var(--bg)}
@page{size:${size === "a4" ? "A4" : "80mm auto"};margin:${size === "a4" ? "12mm" : "2mm"}}
@media print{.toolbar{display:none}body{margin:0}}
`;

export function PackingSlip({ m, shop, detail, size }: PackingSlipProps) {
  const { t } = m;
  const { order, items } = detail;
  const money = (n: number) => formatMoney(n, order.currency, m.locale);
  const base = `/admin/${shop.slug}/orders/${order.id}`;
  return (
    <Document m={m} title={t("orders.slip.title", { number: order.number })} css={slipCss(size)} script={printScript} robots="noindex">
      <nav class="toolbar" aria-label={t("orders.slip.print")}>
        <a class="btn ghost small" href={base}>
          <span aria-hidden="true">{backArrow(m.dir)}</span> {t("orders.order.title", { number: order.number })}
        </a>
        <a class="btn ghost small" href={`${base}/slip?size=a4`} aria-current={size === "a4" ? "page" : undefined}>
          {t("orders.slip.a4")}
        </a>
        <a class="btn ghost small" href={`${base}/slip?size=80mm`} aria-current={size === "80mm" ? "page" : undefined}>
          {t("orders.slip.thermal")}
        </a>
        <button class="btn small" type="button" data-print hidden>
          {t("orders.slip.print")}
        </button>
      </nav>
      <main class={`slip ${size}`}>
        <div class="head">
          <div>
            <h1>{shop.name}</h1>
            {shop.city && <div>{shop.city}</div>}
            {(shop.phone || shop.whatsapp) && <div class="ltr" dir="ltr">{shop.phone || shop.whatsapp}</div>}
          </div>
          <div>
            <b>
              {t("orders.slip.invoice")} #{order.number}
            </b>
            <div>
              <When ms={order.createdAt} locale={m.locale} />
            </div>
          </div>
        </div>
        <h2>{t("orders.slip.shipTo")}</h2>
        <div>
          <b>{order.customerName}</b>
          <div class="ltr" dir="ltr">{order.customerPhone}</div>
          <div style="white-space:pre-wrap">{order.address}</div>
          <div>{order.city}</div>
        </div>
        <table>
          <thead>
            <tr>
              <th>{t("orders.slip.item")}</th>
              <th class="n">{t("orders.slip.qty")}</th>
              {size === "a4" && <th class="n">{t("orders.slip.price")}</th>}
              <th class="n">{t("orders.slip.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  {i.title}
                  {i.variantTitle && ` (${i.variantTitle})`}
                  {i.sku && size === "a4" && <div class="ltr">{i.sku}</div>}
                </td>
                <td class="n">{i.quantity}</td>
                {size === "a4" && <td class="n">{money(i.price)}</td>}
                <td class="n">{money(i.price * i.quantity)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={size === "a4" ? 3 : 2}>{t("checkout.subtotal")}</th>
              <td class="n">{money(order.subtotal)}</td>
            </tr>
            <tr>
              <th colSpan={size === "a4" ? 3 : 2}>{t("orders.order.delivery", { zone: order.zoneName })}</th>
              <td class="n">{order.deliveryFee === 0 ? t("checkout.free") : money(order.deliveryFee)}</td>
            </tr>
            <tr>
              <th colSpan={size === "a4" ? 3 : 2}>{t("checkout.total")}</th>
              <td class="n">
                <b>{money(order.total)}</b>
              </td>
            </tr>
          </tfoot>
        </table>
        <p>
          {t(`checkout.pay.${order.paymentMethod}`)} · {order.paymentStatus === "paid" ? t("orders.order.paid") : t("orders.order.pending")}
        </p>
        {order.paymentMethod === "cod" && order.paymentStatus === "pending" && <p class="due">{t("orders.slip.codDue", { total: money(order.total) })}</p>}
        {order.note && <p style="white-space:pre-wrap">{order.note}</p>}
        <p>{t("orders.slip.thanks")}</p>
      </main>
    </Document>
  );
}
