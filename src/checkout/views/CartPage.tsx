import type { StoreContext } from "../../storefront/theme";
import type { Shop } from "../../tenancy/shop-cache";
import { MAX_QTY } from "../cart";
import { priceQuote, type Quote, type QuoteLine } from "../../pricing/price";
import type { Refusal } from "../../pricing/review";
import { CodeForm, SubtotalRows } from "./Discounts";
import { PageHead, StoreFrame } from "./frame";

export interface CartPageProps {
  shop: Shop;
  ctx: StoreContext;
  quote: Quote;
  /** The time discounts are priced at. */
  now: number;
  alert?: string;
  /** The code form's message, and what was typed. */
  codeError?: string;
  codeValue?: string;
  /** Why a checkout post landed here (the alert's `data-refusal`). */
  refusal?: Refusal;
}

export function LineFlag({ ctx, line }: { ctx: StoreContext; line: QuoteLine }) {
  if (line.state === "soldOut") return <p class="co-flag">{ctx.t("checkout.cart.soldOut")}</p>;
  if (line.state === "short") return <p class="co-flag">{ctx.t("checkout.cart.short", { count: line.stock ?? 0 })}</p>;
  return null;
}

export function CartPage({ shop, ctx, quote, now, alert, refusal, codeError, codeValue }: CartPageProps) {
  const { t, money } = ctx;
  // Before a zone is chosen: the first zone, as the checkout page starts with it.
  const priced = priceQuote(quote, quote.zones[0] ?? null, now);
  const canCheckout = quote.lines.some((l) => l.state === "ok") && !quote.lines.some((l) => l.state === "short");
  return (
    <StoreFrame shop={shop} ctx={ctx} title={t("checkout.cart.title")}>
      <PageHead title={t("checkout.cart.title")} alert={alert} refusal={refusal} />
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
              <SubtotalRows ctx={ctx} priced={priced} />
              <tr class="total">
                <th scope="row">{t("checkout.total")}</th>
                <td>{money(priced.subtotal - priced.discount)}</td>
              </tr>
            </tbody>
          </table>
          <CodeForm ctx={ctx} priced={priced} error={codeError} value={codeValue} />
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
