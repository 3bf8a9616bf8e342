/**
 * The packing slip / invoice, at A4 or 80 mm. The seller's copy (behind her log-in) shares the
 * public copy's address; the public copy (`/orders/{token}/slip` on the shop's host) is what her
 * rider opens from WhatsApp: the same slip, without the admin's links.
 */
import slipScript from "../../client/slip-buttons.gen";
import copyScript from "../../client/share-card.gen";
import imageScript from "../../client/slip-image.gen";
import { InlineScript } from "../../lib/csp";
import { CopyLink } from "../../share/CopyLink";
import { slipImageRows } from "./slip-image";
import { formatMoney, type Messages } from "../../i18n";
import { Document } from "../../ui/Document";
import { isOwnRider } from "../courier";
import { backArrow, When } from "../../ui/bits";
import type { OrderDetail } from "../read";
import { takenLines } from "../../discounts/words";

export type SlipSize = "a4" | "80mm";

/** `?size=80mm` for a thermal printer; anything else is A4. */
export const slipSize = (query: string | undefined): SlipSize => (query === "80mm" ? "80mm" : "a4");

export interface PackingSlipProps {
  m: Messages;
  shop: { name: string; phone: string; whatsapp: string; city: string; slug: string };
  detail: OrderDetail;
  size: SlipSize;
  /** The slip's own path, without the size (the size links add it). */
  self: string;
  /** The seller's order page: her copy only. */
  back?: string;
  /** How to share the public copy: her copy only. */
  share?: SlipShare;
}

export interface SlipShare {
  /** The public slip's address. */
  url: string;
  /** The message without the address ("Packing slip for order #1042 from ..."). */
  text: string;
}

/** A WhatsApp link that lets her pick who gets the slip (her rider, a courier's agent). */
export const waShareUrl = (share: SlipShare) => `https://wa.me/?text=${encodeURIComponent(`${share.text} ${share.url}`)}`;

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
.toolbar .btn{min-height:48px}
.share-hint{flex-basis:100%;margin:0;text-align:center;font-size:.85rem;color:var(--muted)}
.slip .via{margin:8px 0;padding:6px;border:1px dashed #000}
.toolbar .copy{display:flex;gap:8px;flex-basis:100%;max-width:480px}
.toolbar .copy input{flex:1;min-width:0;min-height:48px;direction:ltr;font:inherit;padding:8px 12px;border:1px dashed var(--brand);border-radius:10px;background:#f0fdfa}
.toolbar .copied{flex-basis:100%;margin:0;min-height:1.5em;text-align:center;color:var(--ok);font-weight:600}
@media print{.toolbar{display:none}body{margin:0}}
`;

export function PackingSlip({ m, shop, detail, size, self, back, share }: PackingSlipProps) {
  const { t } = m;
  const { order, items } = detail;
  const money = (n: number) => formatMoney(n, order.currency, m.locale);
  return (
    <Document m={m} title={t("orders.slip.title", { number: order.number })} css={slipCss(size)} script={slipScript} robots="noindex">
      <nav class="toolbar" aria-label={t("orders.slip.print")}>
        {back && (
          <a class="btn ghost small" href={back}>
            <span aria-hidden="true">{backArrow(m.dir)}</span> {t("orders.order.title", { number: order.number })}
          </a>
        )}
        <a class="btn ghost small" href={`${self}?size=a4`} aria-current={size === "a4" ? "page" : undefined}>
          {t("orders.slip.a4")}
        </a>
        <a class="btn ghost small" href={`${self}?size=80mm`} aria-current={size === "80mm" ? "page" : undefined}>
          {t("orders.slip.thermal")}
        </a>
        <button class="btn small" type="button" data-print hidden>
          {t("orders.slip.print")}
        </button>
        {share && (
          <>
            <a class="btn small" href={waShareUrl(share)} rel="noopener" data-wa-share>
              {t("orders.slip.share")}
            </a>
            <button class="btn ghost small" type="button" data-share={share.url} data-text={share.text} hidden>
              {t("orders.slip.shareMore")}
            </button>
            <CopyLink m={m} id="slip-link" url={share.url} label={t("share.link")} copy={t("orders.slip.copyLink")} hideLabel small />
            <p class="share-hint">{t("orders.slip.shareHint")}</p>
          </>
        )}
        <button class="btn ghost small" type="button" data-slip-image={JSON.stringify(slipImageRows(m, shop, detail))} data-file={`order-${order.number}.png`} hidden>
          {t("orders.slip.shareImage")}
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
        {order.courier && (
          <p class="via">
            <b>{isOwnRider(order.courier) ? t("orders.slip.ownRider") : t("orders.order.shipping", { courier: order.courier, tracking: order.trackingNumber })}</b>
          </p>
        )}
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
            {takenLines(t, money, detail.discounts).map((l, i) => (
              <tr key={i}>
                <th colSpan={size === "a4" ? 3 : 2}>
                  <bdi>{l.label}</bdi>
                </th>
                <td class="n">{l.value}</td>
              </tr>
            ))}
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
      {share && <InlineScript script={copyScript} />}
      <InlineScript script={imageScript} />
    </Document>
  );
}
