import type { Messages, MessageKey } from "../../i18n";
import { fieldMessage, type FieldErrors, type FormValues } from "../../lib/form";
import { Field } from "../../ui/Field";
import { onceFor } from "../../ui/html";

export interface ExportFormProps {
  m: Messages;
  base: string;
  values?: FormValues;
  errors?: FieldErrors;
}

/** A GET form: the CSV downloads straight away, nothing changes on the server. Empty (under every orders list) it is the same for her language and shop: rendered once. */
export function ExportForm(p: ExportFormProps) {
  if (!p.values && !p.errors) return onceFor(`orders-export:${p.m.locale}:${p.base}`, () => <ExportFormView m={p.m} base={p.base} />);
  return <ExportFormView {...p} />;
}

function ExportFormView({ m, base, values = {}, errors = {} }: ExportFormProps) {
  const { t } = m;
  const open = Object.keys(errors).length > 0;
  const err = (k: string) => fieldMessage(t, errors, k);
  return (
    <details class="card" open={open}>
      <summary>{t("orders.export.title")}</summary>
      <form method="get" action={`${base}/export`}>
        <Field name="from" type="text" label={t("orders.export.from")} value={values.from} error={err("from")} attrs={{ type: "date" } as object} />
        <Field name="to" type="text" label={t("orders.export.to")} value={values.to} error={err("to")} attrs={{ type: "date" } as object} />
        <p class="muted">{t("orders.export.hint")}</p>
        <button class="btn block" type="submit">
          {t("orders.export.button")}
        </button>
      </form>
    </details>
  );
}
