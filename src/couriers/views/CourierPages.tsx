/** The couriers' admin pages: the accounts (credentials as hints only) and an order's booking form with its bookings. */
import type { AdminChrome } from "../../admin/chrome";
import { formatMoney, type MessageKey } from "../../i18n";
import { fieldMessage, type FieldErrors, type FormValues } from "../../lib/form";
import { caps } from "../../lib/form-fields";
import { AdminShell } from "../../ui/AdminShell";
import { BackLink, FormNotes, Select } from "../../ui/bits";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import type { Shipment } from "../shipments";
import { COURIERS } from "../index";
import { bookSchema, credentialsSchema, type CredentialField } from "../schemas";

const credentialCaps = caps(credentialsSchema);
const bookCaps = caps(bookSchema);

export interface CourierSettingsProps extends AdminChrome {
  /** Each API courier's saved hints by field. */
  hints: Record<string, Record<string, string>>;
  canSave: boolean;
  notice?: string;
  /** The courier whose form was posted and refused, with what was typed and why. */
  refused?: { courier: string; values: FormValues; errors: FieldErrors };
}

export function CourierSettingsPage({ hints, canSave, notice, refused, ...chrome }: CourierSettingsProps) {
  const { m, shop, csrf } = chrome;
  const { t } = m;
  return (
    <AdminShell {...chrome} title={t("couriers.settings.title")} tab="shop">
      <BackLink m={m} href={`/admin/${shop.slug}/shop`} label={t("common.back")} />
      <h1>{t("couriers.settings.title")}</h1>
      <p class="muted">{t("couriers.settings.intro")}</p>
      <FormNotes notice={notice} alert={canSave ? undefined : t("couriers.settings.noKey")} />
      {COURIERS.filter((c) => c.credentialFields.length > 0).map((c) => {
        const mine = refused?.courier === c.id ? refused : undefined;
        return (
          <section class="card" key={c.id}>
            <h2>{t(`couriers.name.${c.id}` as MessageKey)}</h2>
            <Form action={`/admin/${shop.slug}/couriers/settings`} csrf={csrf}>
              <input type="hidden" name="courier" value={c.id} />
              {c.credentialFields.map((f) => {
                const hint = hints[c.id]?.[f];
                return (
                  <Field
                    key={f}
                    id={`f-${c.id}-${f}`}
                    name={f}
                    label={t(`couriers.field.${f}` as MessageKey)}
                    type="password"
                    autoComplete="off"
                    dir="ltr"
                    maxLength={credentialCaps[f as CredentialField]}
                    hint={hint ? t("couriers.settings.keep", { hint }) : undefined}
                    error={fieldMessage(t, mine?.errors, f)}
                  />
                );
              })}
              <button class="btn block" type="submit" disabled={!canSave}>
                {t("couriers.settings.save")}
              </button>
            </Form>
          </section>
        );
      })}
    </AdminShell>
  );
}

export interface BookPageProps extends AdminChrome {
  order: { id: number; number: number; status: string; total: number; currency: string; city: string };
  shipments: Shipment[];
  values: FormValues;
  errors?: FieldErrors;
  notice?: string;
  alert?: string;
}

export function BookPage({ order, shipments, values, errors, notice, alert, ...chrome }: BookPageProps) {
  const { m, shop, csrf } = chrome;
  const { t } = m;
  const base = `/admin/${shop.slug}/couriers`;
  const err = (k: string) => fieldMessage(t, errors, k);
  const open = shipments.some((s) => ["booking", "booked", "failed", "in_transit"].includes(s.state));
  return (
    <AdminShell {...chrome} title={t("couriers.book.title", { number: order.number })} tab="orders">
      <BackLink m={m} href={`/admin/${shop.slug}/orders/${order.id}`} label={t("orders.order.title", { number: order.number })} />
      <h1>{t("couriers.book.title", { number: order.number })}</h1>
      <FormNotes notice={notice} alert={alert} />
      {shipments.length > 0 && (
        <section class="card">
          <h2>{t("couriers.book.bookings")}</h2>
          <ul class="lines">
            {shipments.map((s) => (
              <li key={s.id}>
                <span>
                  <b>{t(`couriers.name.${s.courier}` as MessageKey)}</b> · {t(`couriers.state.${s.state}`)}
                  {s.trackingNumber && (
                    <>
                      {" "}
                      · <span class="ltr">{s.trackingNumber}</span>
                    </>
                  )}
                  {s.providerStatus && <span class="muted"> ({s.providerStatus})</span>}
                  {s.state === "failed" && s.lastError && <span class="error"> {s.lastError}</span>}
                </span>
                <span class="row">
                  {s.state === "failed" && (
                    <Form action={`${base}/shipments/${s.id}/retry`} csrf={csrf}>
                      <button class="btn small" type="submit">
                        {t("couriers.book.retry")}
                      </button>
                    </Form>
                  )}
                  {s.trackingNumber && (
                    <a class="btn ghost small" href={`${base}/shipments/${s.id}/label`}>
                      {t("couriers.book.label")}
                    </a>
                  )}
                  {s.labelKey && (
                    <a class="btn ghost small" href={`${base}/shipments/${s.id}/label.pdf`}>
                      {t("couriers.book.courierLabel")}
                    </a>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!open && (
        <section class="card">
          <Form action={`${base}/orders/${order.id}/book`} csrf={csrf}>
            <Select name="courier" label={t("couriers.book.courier")} value={values.courier ?? ""} options={COURIERS.map((c) => [c.id, t(`couriers.name.${c.id}` as MessageKey)])} error={err("courier")} />
            <Field name="weight" label={t("couriers.book.weight")} value={values.weight ?? ""} inputMode="decimal" autoComplete="off" dir="ltr" maxLength={bookCaps.weight} hint={t("couriers.book.weightHint")} error={err("weight")} />
            <Field
              name="cod"
              label={t("couriers.book.cod")}
              value={values.cod ?? ""}
              inputMode="numeric"
              autoComplete="off"
              dir="ltr"
              maxLength={bookCaps.cod}
              hint={`${t("couriers.book.codHint")} ${formatMoney(order.total, order.currency, m.locale)}`}
              error={err("cod")}
            />
            <Field name="tracking" label={t("couriers.book.tracking")} value={values.tracking ?? ""} autoComplete="off" dir="ltr" maxLength={bookCaps.tracking} error={err("tracking")} />
            <button class="btn block" type="submit">
              {t("couriers.book.submit")}
            </button>
          </Form>
        </section>
      )}
      <p>
        <a href={`${base}/settings`}>{t("couriers.book.settings")}</a>
      </p>
    </AdminShell>
  );
}
