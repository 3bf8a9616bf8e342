import type { StoreContext } from "../../storefront/theme";
import type { Shop } from "../../tenancy/shop-cache";
import { MAX_QTY } from "../cart";
import type { Quote, QuoteLine } from "../quote";
import type { Refusal } from "../review";
import { StoreFrame } from "./frame";

export interface CartPageProps {
  shop: Shop;
  ctx: StoreContext;
  quote: Quote;
  alert?: string;
  /** Why a checkout post landed here (the alert's `data-refusal`). */
  refusal?: Refusal;
}

export function LineFlag({ ctx, line }: { ctx: StoreContext; line: QuoteLine }) {
  if (line.state === "soldOut") return <p class="co-flag">{ctx.t("checkout.cart.soldOut")}</p>;
  if (line.state === "short") return <p class="co-flag">{ctx.t("checkout.cart.short", { count: line.stock ?? 0 })}</p>;
  return null;
}

export function CartPage({ shop, ctx, quote, alert, refusal }: CartPageProps) {
  const { t, money } = ctx;
  const canCheckout = quote.lines.some((l) => l.state === "ok") && !quote.lines.some((l) => l.state === "short");
  return (
    <StoreFrame shop={shop} ctx={ctx} title={t("checkout.cart.title")}>
      <h1>{t("checkout.cart.title")}</h1>
      {alert && (
        <p class="co-alert" role="alert" data-refusal={refusal}>
          {alert}
        </p>
      )}
      {quote.missing.length > 0 && (
        <p class="co-note" role="status">
          {t("checkout.cart.missing", { count: quote.missing.length })}
        </p>
      )}
      {quote.lines.length === 0 ? (
        <div class="co-note">
          <p>{t("checkout.cart.empty")}</p>
          <a class="co-btn" href={ctx.url("/")}>
            {t("checkout.cart.continue")}
          </a>
        </div>
      ) : (
        <>
          <ul class="co-lines">
            {quote.lines.map((l) => (
              <li class={l.state === "ok" ? "co-line" : "co-line off"} key={l.variantId}>
                <div>
                  <a class="t" href={ctx.url(`/products/${l.productSlug}`)}>
                    {l.title}
                  </a>
                  {l.variantTitle !== "Default" && <div class="v">{l.variantTitle}</div>}
                  <div class="v">{t("checkout.cart.each", { price: money(l.price) })}</div>
                </div>
                <div class="amt">{money(l.price * l.quantity)}</div>
                <LineFlag ctx={ctx} line={l} />
                <div class="ctl">
                  <form method="post" action={ctx.url("/cart/update")}>
                    <input type="hidden" name="variant" value={String(l.variantId)} />
                    <label for={`q-${l.variantId}`}>{t("checkout.cart.quantity")}</label>
                    <span style="display:flex;gap:8px">
                      <input class="qty" id={`q-${l.variantId}`} name="quantity" type="number" inputMode="numeric" min={0} max={MAX_QTY} value={String(l.quantity)} />
                      <button class="co-btn ghost" type="submit" aria-label={t("checkout.cart.updateItem", { item: l.title })}>
                        {t("checkout.cart.update")}
                      </button>
                    </span>
                  </form>
                  <form method="post" action={ctx.url("/cart/remove")}>
                    <input type="hidden" name="variant" value={String(l.variantId)} />
                    <button class="co-btn ghost" type="submit" aria-label={t("checkout.cart.removeItem", { item: l.title })}>
                      {t("checkout.cart.remove")}
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
          <table class="co-sum">
            <tbody>
              <tr class="total">
                <th scope="row">{t("checkout.subtotal")}</th>
                <td>{money(quote.subtotal)}</td>
              </tr>
            </tbody>
          </table>
          <p class="co-muted">{t("checkout.cart.deliveryLater")}</p>
          {canCheckout ? (
            <a class="co-btn block" href={ctx.url("/checkout")}>
              {t("checkout.cart.checkout")}
            </a>
          ) : (
            <p class="co-alert">{t("checkout.cart.fixFirst")}</p>
          )}
          <a class="co-btn ghost block" href={ctx.url("/")}>
            {t("checkout.cart.continue")}
          </a>
        </>
      )}
    </StoreFrame>
  );
}
