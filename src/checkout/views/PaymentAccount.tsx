import { Fragment } from "preact";
import { imageVM } from "../../media/urls";
import type { StoreContext } from "../../storefront/theme";
import type { PaymentOption } from "../../payments";

/** The account a customer transfers to (wallet, bank, Raast), as its method's rows in a definition list, and its QR code when the seller uploaded one. */
export function PaymentAccount({ ctx, option }: { ctx: StoreContext; option: PaymentOption }) {
  if (!option.account) return null;
  const qr = option.image ? imageVM(option.image.stored, ctx.t(option.image.alt), 320, ctx.media) : null;
  return (
    <>
      <dl class="co-acct">
        {option.account.map((r) => (
          <Fragment key={r.label}>
            <dt>{ctx.t(r.label)}</dt>
            <dd>{r.value}</dd>
          </Fragment>
        ))}
      </dl>
      {qr && <img class="co-qr" src={qr.src} srcset={qr.srcset} sizes="240px" width={qr.width} height={qr.height} alt={qr.alt} loading="lazy" />}
    </>
  );
}
