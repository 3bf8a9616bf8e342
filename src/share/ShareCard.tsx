import shareScript from "../client/share-card.gen";
import type { Messages } from "../i18n";
import { InlineScript } from "../lib/csp";
import type { ComponentChildren } from "preact";
import { CopyLink } from "./CopyLink";
import { waTextUrl, type ShareText } from "./texts";

/** The card's own styles (it sits on pages whose stylesheet it does not choose). */
const css = `.share .copy{display:flex;gap:8px;align-items:stretch}
.share .copy input{flex:1;min-width:0;min-height:48px;direction:ltr;font:inherit;font-weight:600;padding:8px 12px;border:1px dashed var(--brand);border-radius:10px;background:#f0fdfa;color:var(--ink)}
.share .copy .btn{flex:none}
.share .copied{min-height:1.5em;margin:4px 0;color:var(--ok);font-weight:600}
.share .acts{display:flex;gap:8px;flex-wrap:wrap;margin-top:4px}
.share .acts .btn{flex:1 1 auto;min-height:48px}`;

export interface ShareCardProps {
  m: Messages;
  heading: string;
  share: ShareText;
  /** The printable poster with its QR; absent when the address is too long for a QR. */
  posterHref?: string;
  children?: ComponentChildren;
}

/**
 * Copy the link (a selectable field without JavaScript or a clipboard; "Copied" with them), send
 * it on WhatsApp (a plain link), the phone's share sheet where the browser has one, and the QR
 * poster. The island (src/client/share-card.ts) only adds the buttons that need it.
 */
export function ShareCard({ m, heading, share, posterHref, children }: ShareCardProps) {
  const { t } = m;
  return (
    <section class="card share" aria-labelledby="share-heading">
      <style dangerouslySetInnerHTML={{ __html: css }} />
      <h2 id="share-heading">{heading}</h2>
      <CopyLink m={m} id="share-link" url={share.url} label={t("share.link")} copy={t("share.copy")} />
      <div class="acts">
        <a class="btn" href={waTextUrl(share.whatsapp)} rel="noopener" target="_blank" data-wa-share>
          {t("share.whatsapp")}
        </a>
        <button class="btn ghost" type="button" data-web-share={share.url} data-title={share.title} data-text={share.text} hidden>
          {t("share.more")}
        </button>
        {posterHref && (
          <a class="btn ghost" href={posterHref}>
            {t("share.qr")}
          </a>
        )}
        {children}
      </div>
      <InlineScript script={shareScript} />
    </section>
  );
}
