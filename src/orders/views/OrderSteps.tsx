import { Fragment } from "preact";
import type { MessageKey, Messages } from "../../i18n";
import { fieldMessage, type FieldErrors, type FormValues } from "../../lib/form";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import { caps } from "../../lib/form-fields";
import { OWN_RIDER } from "../courier";
import { statusSchema } from "../schemas";
import { nextStatuses, RESTOCKS, type OrderStatus } from "../status";

const cap = caps(statusSchema);

export interface OrderStepsProps {
  m: Messages;
  csrf: string;
  base: string;
  status: OrderStatus;
  values: FormValues;
  errors: FieldErrors;
}

/** One form per allowed next status; each carries the status the seller saw (the guard). */
export function OrderSteps({ m, csrf, base, status, values, errors }: OrderStepsProps) {
  const { t } = m;
  const err = (k: string) => fieldMessage(t, errors, k);
  return (
    <section class="card steps">
      <h2>{t("orders.order.next")}</h2>
      {nextStatuses(status).length === 0 && <p>{t("orders.order.final")}</p>}
      {nextStatuses(status).map((to) => (
        <Fragment key={to}>
          <Form action={`${base}/status`} csrf={csrf}>
            <input type="hidden" name="from" value={status} />
            <input type="hidden" name="to" value={to} />
            {to === "shipped" && (
              <>
                <Field name="courier" label={t("orders.order.courier")} hint={t("orders.order.courierHint")} value={values.courier} error={err("courier")} maxLength={cap.courier} required />
                <Field name="tracking" label={t("orders.order.tracking")} value={values.tracking} error={err("tracking")} maxLength={cap.tracking} dir="ltr" required />
              </>
            )}
            {RESTOCKS.has(to) && <p class="muted">{t("orders.order.restockNote")}</p>}
            <button class={RESTOCKS.has(to) ? "btn block danger" : "btn block"} type="submit">
              {t(`orders.action.${to as Exclude<OrderStatus, "new">}`)}
            </button>
          </Form>
          {to === "shipped" && (
            // Her own rider gives no tracking number: one tap, nothing to type.
            <Form action={`${base}/status`} csrf={csrf}>
              <input type="hidden" name="from" value={status} />
              <input type="hidden" name="to" value="shipped" />
              <input type="hidden" name="courier" value={OWN_RIDER} />
              <p class="muted">{t("orders.order.ownRiderHint")}</p>
              <button class="btn block ghost" type="submit">
                {t("orders.action.shippedRider")}
              </button>
            </Form>
          )}
        </Fragment>
      ))}
    </section>
  );
}
