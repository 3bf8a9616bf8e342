import type { MessageKey } from "../../i18n";
import { isPaymentState, mayMove } from "../../payments/states";
import { PROOF_MAX_BYTES } from "../../payments/proof";
import type { PaymentOption } from "../../payments";
import type { OrderDetail } from "../../orders/read";
import type { StoreContext } from "../../storefront/theme";
import { CoField } from "./CoField";
import { InlineScript } from "../../lib/csp";
import proofScript from "../../client/proof-resize.gen";
import { PaymentAccount } from "./PaymentAccount";

/** The proof form's state after a refused post: what she typed and why. */
export interface ProofForm {
  reference: string;
  /** Catalogue keys, beside each field. */
  errors: { reference?: string; screenshot?: string };
}

const MB = Math.floor(PROOF_MAX_BYTES / (1024 * 1024));
/** What the order page knows of the proof: whether the method takes it, where it goes, the form after a refusal, the notice after a post. */
export interface ProofState {
  takesProof: boolean;
  /** The proof's URL (/orders/{token}/proof): the form posts there, her screenshot is served there. */
  action: string;
  form?: ProofForm;
  /** The transaction ID's cap, from the form's schema (src/payments/proof.ts). */
  referenceMax: number;
  notice: "sent" | "late" | null;
}

/**
 * The customer's payment on her order page: the method and its state, how to pay (cash to the
 * rider, or the account to send the total to), and for a transfer the proof form: her screenshot
 * (resized in the browser, checked by its bytes on the server) and the transaction ID.
 */
export function PaymentBlock({ ctx, order, payment, proof }: { ctx: StoreContext; order: OrderDetail["order"]; payment: PaymentOption | null; proof: ProofState }) {
  const { takesProof, action, form, referenceMax, notice } = proof;
  const { t, money } = ctx;
  const total = money(order.total);
  const state = isPaymentState(order.paymentState) ? order.paymentState : "unpaid";
  const open = takesProof && mayMove("proofSent", state);
  const err = form?.errors ?? {};
  return (
    <>
      <h2>{t("checkout.order.payInstructions")}</h2>
      <div class="co-note" id="payment">
        <b>{t(`checkout.pay.${order.paymentMethod}`)}</b> · <span class="co-pay-state">{t(`checkout.payment.state.${state}`)}</span>
        {state === "paid" ? (
          <p>{t("checkout.order.paid")}</p>
        ) : order.paymentMethod === "cod" ? (
          <p>{t("checkout.order.payCod", { total })}</p>
        ) : state !== "refunded" ? (
          <>
            <p>{t("checkout.order.payTransfer", { total, number: `#${order.number}` })}</p>
            {payment && <PaymentAccount ctx={ctx} option={payment} />}
          </>
        ) : null}
        {order.paymentReference && <p>{t("checkout.order.reference", { ref: order.paymentReference })}</p>}
        {order.paymentProof && (
          <p>
            <a class="co-btn ghost block" href={ctx.url(action)} target="_blank" rel="noopener">
              {t("checkout.proof.yours")}
            </a>
          </p>
        )}
      </div>
      {notice && (
        <p class={notice === "sent" ? "co-note" : "co-alert"} role={notice === "sent" ? "status" : "alert"}>
          {t(notice === "sent" ? "checkout.proof.sent" : "checkout.proof.late")}
        </p>
      )}
      {open && (
        <section class="co-proof" aria-labelledby="proof-title">
          <h2 id="proof-title">{t(state === "proof_sent" ? "checkout.proof.again" : "checkout.proof.title")}</h2>
          <form method="post" action={ctx.url(action)} enctype="multipart/form-data" data-proof-form>
            <div class={err.screenshot ? "co-field bad" : "co-field"}>
              {/* The browser's own file button speaks the browser's language: hidden (still
                  focusable), its label is the 48 px button in the shop's language. */}
              <input
                id="co-screenshot"
                class="co-file"
                name="screenshot"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                required
                aria-invalid={err.screenshot ? "true" : undefined}
                aria-describedby={err.screenshot ? "co-screenshot-hint co-screenshot-err" : "co-screenshot-hint"}
              />
              <label class="co-btn ghost block" for="co-screenshot">
                {t("checkout.proof.screenshot")}
              </label>
              <span class="co-names" data-file-names="co-screenshot" dir="auto" />
              <p class="hint" id="co-screenshot-hint">
                {t("checkout.proof.screenshotHint", { mb: MB })}
              </p>
              {err.screenshot && (
                <p class="co-alert" id="co-screenshot-err">
                  {t(err.screenshot as MessageKey, { mb: MB })}
                </p>
              )}
            </div>
            <CoField
              name="reference"
              dir="ltr"
              label={t("checkout.proof.reference")}
              hint={t("checkout.proof.referenceHint")}
              value={form?.reference ?? ""}
              error={err.reference ? t(err.reference as MessageKey, { max: referenceMax }) : undefined}
              maxLength={referenceMax}
              autoComplete="off"
              required
            />
            <button class="co-btn block" type="submit">
              {t("checkout.proof.send")}
            </button>
          </form>
          <InlineScript script={proofScript} />
        </section>
      )}
    </>
  );
}
