import { Fragment } from "preact";
import type { StoreContext } from "../../storefront/theme";
import type { PaymentOption } from "../../payments";

/** The account a customer transfers to (wallet, bank, Raast), as its method's rows in a definition list. */
export function PaymentAccount({ ctx, option }: { ctx: StoreContext; option: PaymentOption }) {
  if (!option.account) return null;
  return (
    <dl class="co-acct">
      {option.account.map((r) => (
        <Fragment key={r.label}>
          <dt>{ctx.t(r.label)}</dt>
          <dd>{r.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
