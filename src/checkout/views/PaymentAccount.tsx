import type { StoreContext } from "../../storefront/theme";
import type { PaymentOption } from "../payment";

/** The account a customer transfers to (wallet or bank), as a definition list. */
export function PaymentAccount({ ctx, option }: { ctx: StoreContext; option: PaymentOption }) {
  const a = option.account;
  if (!a) return null;
  return (
    <dl class="co-acct">
      {a.bank && (
        <>
          <dt>{ctx.t("checkout.account.bank")}</dt>
          <dd>{a.bank}</dd>
        </>
      )}
      {a.title && (
        <>
          <dt>{ctx.t("checkout.account.title")}</dt>
          <dd>{a.title}</dd>
        </>
      )}
      <dt>{ctx.t("checkout.account.number")}</dt>
      <dd>{a.number}</dd>
    </dl>
  );
}
