/**
 * The page that hands the customer to the gateway: a form of the gateway's fields posted at once
 * by a script, and a visible button that posts it without one. Never cached (it carries the
 * transaction's signed fields); the response's CSP allows this form's action (routes.tsx).
 */
import submit from "../../client/gateway-submit.gen";
import type { MessageKey } from "../../i18n";
import { InlineScript } from "../../lib/csp";
import type { StoreContext } from "../../storefront/theme";
import type { Shop } from "../../tenancy/shop-cache";
import { StoreFrame } from "../../checkout/views/frame";

export function HandOff({ shop, ctx, action, fields, gateway }: { shop: Shop; ctx: StoreContext; action: string; fields: Record<string, string>; gateway: MessageKey }) {
  const { t } = ctx;
  const name = { gateway: t(gateway) };
  return (
    <StoreFrame shop={shop} ctx={ctx} title={t("checkout.gateway.handOff", name)}>
      <h1>{t("checkout.gateway.handOff", name)}</h1>
      <form method="post" action={action} data-autosubmit="">
        {Object.entries(fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <p>{t("checkout.gateway.handOffWhat", name)}</p>
        <button class="co-btn block" type="submit">
          {t("checkout.gateway.continue", name)}
        </button>
      </form>
      <InlineScript script={submit} />
    </StoreFrame>
  );
}
