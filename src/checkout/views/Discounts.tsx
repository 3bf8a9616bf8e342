/** What discounts took, as rows of a summary table, and the cart's code form with what became of the code. */
import type { MessageKey } from "../../i18n";
import { caps } from "../../lib/form-fields";
import { KIND_RULES } from "../../pricing/kinds";
import type { Applied, Priced } from "../../pricing/price";
import type { StoreContext } from "../../storefront/theme";
import { codeSchema } from "../schemas";

const cap = caps(codeSchema);

/** The words for a discount line: its code, or an automatic discount's title; free delivery says so. */
function discountLabel(t: StoreContext["t"], a: Applied): string {
  const name = a.discount.code ? t("pricing.discount.code", { code: a.discount.code }) : a.discount.title;
  return KIND_RULES[a.discount.kind].waivesDelivery ? `${t("pricing.discount.freeDelivery")} · ${name}` : name;
}

/** The subtotal and what each discount took off it, as rows of a summary table. */
export function SubtotalRows({ ctx, priced }: { ctx: StoreContext; priced: Priced }) {
  return (
    <>
      <tr>
        <th scope="row">{ctx.t("checkout.subtotal")}</th>
        <td>{ctx.money(priced.subtotal)}</td>
      </tr>
      {priced.applied
        .filter((a) => a.amount > 0)
        .map((a) => (
          <tr class="co-discount" key={a.discount.id}>
            <th scope="row">{discountLabel(ctx.t, a)}</th>
            <td>−{ctx.money(a.amount)}</td>
          </tr>
        ))}
    </>
  );
}

/** Why the cart's code does (or does not) apply, in a sentence. */
export function codeSentence(ctx: StoreContext, code: NonNullable<Priced["code"]>): string {
  const { t, money } = ctx;
  if (code.status === "minSubtotal") return t("pricing.code.minSubtotal", { code: code.code, amount: money(code.minimum ?? 0) });
  if (code.status === "minQuantity") return t("pricing.code.minQuantity", { code: code.code, count: code.minimum ?? 0 });
  return t(`pricing.code.${code.status}` as MessageKey, { code: code.code });
}

/** The code form: a field and Apply, or the code with what became of it and Remove. */
export function CodeForm({ ctx, priced, error, value, back }: { ctx: StoreContext; priced: Priced; error?: string; value?: string; back?: "checkout" }) {
  const { t } = ctx;
  if (priced.code && !error) {
    const ok = priced.code.status === "applied";
    return (
      <form method="post" action={ctx.url("/cart/code")} class="co-code">
        <p class={ok ? "co-note" : "co-flag"} role="status" data-code-status={priced.code.status}>
          {codeSentence(ctx, priced.code)}
        </p>
        <input type="hidden" name="code" value="" />
        {back && <input type="hidden" name="back" value={back} />}
        <button class="co-btn ghost" type="submit">
          {t("pricing.code.remove")}
        </button>
      </form>
    );
  }
  return (
    <form method="post" action={ctx.url("/cart/code")} class="co-code" noValidate>
      <label for="co-code-in">{t("pricing.code.label")}</label>
      <span style="display:flex;gap:8px">
        <input id="co-code-in" name="code" type="text" dir="ltr" value={value ?? ""} maxLength={cap.code} autoComplete="off" autoCapitalize="characters" spellcheck={false} inputMode="text" aria-invalid={error ? "true" : undefined} aria-describedby={error ? "co-code-err" : undefined} />
        <button class="co-btn ghost" type="submit">
          {t("pricing.code.apply")}
        </button>
      </span>
      {error && (
        <p class="co-alert" id="co-code-err">
          {error}
        </p>
      )}
    </form>
  );
}
