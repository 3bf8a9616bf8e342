import slipScript from "../client/slip-buttons.gen";
import type { Messages } from "../i18n";
import { localPhone } from "../lib/phone";
import { backArrow } from "../ui/bits";
import { Document } from "../ui/Document";

/** A5, one page: the toolbar is the screen's only. */
const css = `body{background:#fff}
.toolbar{display:flex;gap:8px;flex-wrap:wrap;justify-content:center;align-items:center;padding:12px;border-bottom:1px solid var(--line);background:var(--bg)}
.toolbar .btn{min-height:48px}
.toolbar p{flex-basis:100%;margin:0;text-align:center;font-size:.85rem;color:var(--muted)}
.poster{max-width:128mm;margin:0 auto;padding:16px;text-align:center;color:#000}
.poster .scan{font-size:clamp(1.6rem,8vw,2.4rem);font-weight:800;line-height:1.6;margin:8px 0 0}
.poster h1{font-size:clamp(1.25rem,6vw,1.9rem);margin:4px 0;overflow-wrap:anywhere}
.poster .price{font-size:1.3rem;font-weight:700;margin:0}
.poster .qr{display:block;width:min(100%,88mm);height:auto;aspect-ratio:1;margin:12px auto}
.poster .addr{font-size:1.15rem;font-weight:700;overflow-wrap:anywhere;margin:4px 0}
.poster .wa{font-size:1.15rem;margin:4px 0}
.poster .city{color:#333;margin:4px 0}
@page{size:A5;margin:10mm}
@media print{.toolbar{display:none}.poster{padding:0;max-width:none}}`;

export interface PosterProps {
  /** The seller's language: the toolbar. */
  m: Messages;
  /** The shop's language: the poster. */
  pm: Messages;
  shop: { name: string; whatsapp: string; city: string };
  /** Her way back (the dashboard or the product). */
  back: { href: string; label: string };
  url: string;
  qrSrc: string;
  /** A product's poster: its title and price. */
  product?: { title: string; price: string };
}

/**
 * The printable "Scan to shop" poster, in the shop's language (right to left in Urdu): the shop's
 * name (or the product's title and price), the QR, the address to type, the WhatsApp number.
 * Everything typed is text; nothing is markup.
 */
export function Poster({ m, pm, shop, back, url, qrSrc, product }: PosterProps) {
  const address = url.replace(/^https?:\/\//, "");
  return (
    <Document m={pm} title={`${m.t("share.poster.title")} · ${shop.name}`} css={css} script={slipScript} robots="noindex">
      <nav class="toolbar" lang={m.locale} dir={m.dir} aria-label={m.t("share.poster.title")}>
        <a class="btn ghost small" href={back.href}>
          <span aria-hidden="true">{backArrow(m.dir)}</span> {back.label}
        </a>
        <button class="btn small" type="button" data-print hidden>
          {m.t("share.poster.print")}
        </button>
        <a class="btn ghost small" href={qrSrc} download="qr.svg">
          {m.t("share.poster.qrOnly")}
        </a>
        <p>{m.t("share.poster.hint")}</p>
      </nav>
      <main class="poster">
        <p class="scan">{pm.t(product ? "share.poster.scanProduct" : "share.poster.scan")}</p>
        <h1 dir="auto">{product ? product.title : shop.name}</h1>
        {product && <p class="price">{product.price}</p>}
        <img class="qr" src={qrSrc} alt={pm.t("share.qrAlt", { url: address })} width={320} height={320} />
        <p class="addr">
          <bdi dir="ltr">{address}</bdi>
        </p>
        {shop.whatsapp && (
          <p class="wa">
            {pm.t("share.poster.whatsapp")}: <bdi dir="ltr">{localPhone(shop.whatsapp)}</bdi>
          </p>
        )}
        {product && <p class="city">{shop.name}</p>}
        {!product && shop.city && <p class="city">{shop.city}</p>}
      </main>
    </Document>
  );
}
