import type { MessageKey } from "../../i18n";
import { fieldMessage, type FieldErrors, type FormValues } from "../../lib/form";
import type { StoreContext } from "../../storefront/theme";
import type { Shop } from "../../tenancy/shop-cache";
import type { PaymentOption } from "../../payments";
import { basisOf, type FactQuote } from "../../pricing/facts";
import { orderable, priceQuote } from "../../pricing/price";
import type { Refusal } from "../../pricing/review";
import { CodeForm, SubtotalRows } from "./Discounts";
import { LineFlag } from "./CartPage";
import { CoField } from "./CoField";
import { PageHead, StoreFrame } from "./frame";
import { PaymentAccount } from "./PaymentAccount";
import totalScript from "../../client/checkout-total.gen";
import intentScript from "../../client/checkout-intent.gen";
import { InlineScript } from "../../lib/csp";
import { caps, keyboards } from "../../lib/form-fields";
import { checkoutSchema } from "../schemas";

export interface CheckoutPageProps {
  shop: Shop;
  ctx: StoreContext;
  quote: FactQuote;
  /** The time discounts are priced at. */
  now: number;
  payments: PaymentOption[];
  /** The idempotency key of this form: the same key always yields the same order. */
  idemKey: string;
  values?: FormValues;
  errors?: FieldErrors;
  alert?: string;
  /** Why this post was refused (the alert's `data-refusal`). */
  refusal?: Refusal;
}

/** The fields' caps, as the schema declares them. */
const cap = caps(checkoutSchema);
const kb = keyboards(checkoutSchema);

export function CheckoutPage({ shop, ctx, quote, now, payments, idemKey, values = {}, errors = {}, alert, refusal }: CheckoutPageProps) {
  const { t, money } = ctx;
  const err = (k: string) => fieldMessage(t, errors, k);
  const lines = orderable(quote);
  const zoneId = values.zone ?? String(quote.zones[0]?.id ?? "");
  const payment = values.payment ?? payments[0]?.method ?? "";
  const chosen = quote.zones.find((z) => String(z.id) === zoneId) ?? quote.zones[0];
  // Each zone priced by the one rule: its fee (free above its threshold, or waived) and total.
  const byZone = new Map(quote.zones.map((z) => [z.id, priceQuote(quote, z, now)]));
  const priced = (chosen && byZone.get(chosen.id)) || priceQuote(quote, null, now);
  return (
    <StoreFrame shop={shop} ctx={ctx} title={t("checkout.title")}>
      <PageHead title={t("checkout.title")} alert={alert} refusal={refusal} />
      {!alert && Object.keys(errors).length > 0 && (
        <p class="co-alert" role="alert" data-refusal={refusal}>
          {t("checkout.error.fix")}
        </p>
      )}
      <h2>{t("checkout.summary")}</h2>
      <ul class="co-lines">
        {quote.lines.map((l) => (
          <li class={l.state === "ok" ? "co-line" : "co-line off"} key={l.variantId}>
            <div>
              <span class="t">{l.title}</span>
              {l.variantTitle !== "Default" && <div class="v">{l.variantTitle}</div>}
              <div class="v">
                {l.quantity} × {money(l.price)}
              </div>
            </div>
            <div class="amt">{money(l.price * l.quantity)}</div>
            <LineFlag ctx={ctx} line={l} />
          </li>
        ))}
      </ul>
      <a class="co-btn ghost block" href={ctx.url("/cart")}>
        {t("checkout.edit")}
      </a>
      {priced.code && <CodeForm ctx={ctx} priced={priced} back="checkout" />}
      <form method="post" action={ctx.url("/checkout")} noValidate data-checkout>
        <input type="hidden" name="key" value={idemKey} />
        <input type="hidden" name="basis" value={basisOf(quote, now)} />
        <h2>{t("checkout.contact")}</h2>
        <CoField name="name" label={t("checkout.name")} value={values.name} error={err("name")} autoComplete="name" maxLength={cap.name} required />
        <CoField name="phone" {...kb.phone} dir="ltr" label={t("checkout.phone")} hint={t("checkout.phoneHint")} value={values.phone} error={err("phone")} maxLength={cap.phone} required />
        <CoField name="city" label={t("checkout.city")} value={values.city} error={err("city")} autoComplete="address-level2" maxLength={cap.city} required />
        <CoField name="address" multiline label={t("checkout.address")} value={values.address} error={err("address")} autoComplete="street-address" maxLength={cap.address} required />
        <CoField name="note" multiline label={`${t("checkout.note")} (${t("common.optional")})`} value={values.note} error={err("note")} maxLength={cap.note} />

        <fieldset aria-describedby={errors.zone ? "co-zone-err" : undefined}>
          <legend>{t("checkout.delivery")}</legend>
          {quote.zones.length === 0 && <p class="co-alert">{t("checkout.error.noZones")}</p>}
          {quote.zones.map((z) => {
            const p = byZone.get(z.id)!;
            const f = p.fee;
            return (
              <label class="co-choice" key={z.id}>
                <input
                  type="radio"
                  name="zone"
                  value={String(z.id)}
                  checked={String(z.id) === zoneId}
                  data-label={t("checkout.deliveryTo", { zone: z.name })}
                  data-fee={f === 0 ? t("checkout.free") : money(f)}
                  data-total={money(p.total)}
                />
                <span>
                  <b>{z.name}</b>
                  {f === 0 ? t("checkout.zoneFree") : t("checkout.zoneFee", { fee: money(f) })}
                  {f > 0 && z.freeAbove !== null && <span class="co-muted"> · {t("checkout.zoneFreeAbove", { amount: money(z.freeAbove) })}</span>}
                  <span class="co-muted"> · {t("checkout.zoneTotal", { total: money(p.total) })}</span>
                </span>
              </label>
            );
          })}
          {errors.zone && (
            <p class="co-alert" id="co-zone-err">
              {err("zone")}
            </p>
          )}
        </fieldset>

        <fieldset aria-describedby={errors.payment ? "co-payment-err" : undefined}>
          <legend>{t("checkout.payment")}</legend>
          {payments.length === 0 && <p class="co-alert">{t("checkout.error.noPayment")}</p>}
          {payments.map((p) => (
            <label class="co-choice" key={p.method}>
              <input type="radio" name="payment" value={p.method} checked={p.method === payment} />
              <span>
                <b>{t(`checkout.pay.${p.method}`)}</b>
                <span class="co-muted">{t(p.hint ?? (p.account ? "checkout.pay.transferHint" : "checkout.pay.codHint"))}</span>
                <PaymentAccount ctx={ctx} option={p} />
              </span>
            </label>
          ))}
          {errors.payment && (
            <p class="co-alert" id="co-payment-err">
              {err("payment")}
            </p>
          )}
        </fieldset>
        {payments.some((p) => p.account) && (
          <CoField name="reference" dir="ltr" label={`${t("checkout.reference")} (${t("common.optional")})`} hint={t("checkout.referenceHint")} value={values.reference} error={err("reference")} maxLength={cap.reference} />
        )}

        <table class="co-sum">
          <tbody>
            <SubtotalRows ctx={ctx} priced={priced} />
            <tr>
              <th scope="row" id="co-zone-label">
                {chosen ? t("checkout.deliveryTo", { zone: chosen.name }) : t("checkout.deliveryFee")}
              </th>
              <td id="co-fee">{priced.fee === 0 ? t("checkout.free") : money(priced.fee)}</td>
            </tr>
            <tr class="total">
              <th scope="row">{t("checkout.total")}</th>
              <td id="co-total">{money(priced.total)}</td>
            </tr>
          </tbody>
        </table>
        <p class="co-muted">{t("checkout.totalNote")}</p>
        <button class="co-btn block" type="submit" disabled={lines.length === 0 || quote.zones.length === 0 || payments.length === 0}>
          {t("checkout.place")}
        </button>
      </form>
      <InlineScript script={totalScript} />
      <InlineScript script={intentScript} />
    </StoreFrame>
  );
}
