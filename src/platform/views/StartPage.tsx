import type { Messages } from "../../i18n";
import type { FieldErrors, FormValues } from "../../lib/form";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import { AuthShell } from "./AuthShell";
import { fieldMessage as fieldError } from "../../lib/form";
import { caps } from "../../lib/form-fields";
import { shopStartSchema } from "../schemas";
import { slugScript } from "./slug-script";

export interface StartProps {
  m: Messages;
  csrf: string;
  rootDomain: string;
  values?: FormValues;
  errors?: FieldErrors;
  suggestion?: string;
  /** A problem with the account rather than a field (e.g. too many shops). */
  alert?: string;
}

const cap = caps(shopStartSchema);

/** Wizard screens 2 and 3 in one: the shop's name, and its address suggested from it. */
export function StartPage({ m, csrf, rootDomain, values = {}, errors, suggestion, alert }: StartProps) {
  const { t } = m;
  const slugError = fieldError(t, errors, "slug");
  return (
    <AuthShell m={m} title={t("wizard.name.title")} script={slugScript}>
      <p class="step">{t("wizard.name.step")}</p>
      <h1>{t("wizard.name.title")}</h1>
      {alert && (
        <p class="alert" role="alert">
          {alert}
        </p>
      )}
      <Form action="/start" csrf={csrf} id="start">
        <Field name="name" label={t("wizard.name.label")} value={values.name} hint={t("wizard.name.hint")} error={fieldError(t, errors, "name")} maxLength={cap.name} required />
        <Field
          name="slug"
          label={t("wizard.address.label")}
          value={values.slug}
          hint={t("wizard.address.hint")}
          error={slugError}
          suffix={`.${rootDomain}`}
          dir="ltr"
          maxLength={cap.slug}
          autoComplete="off"
          attrs={{ autoCapitalize: "none", spellcheck: false }}
        />
        {suggestion && (
          <p class="suggest">
            {/* A link that fills the address in (the page again, with her name kept): works without JavaScript; the script fills it in place. */}
            <a class="btn ghost" href={`/start?${new URLSearchParams({ name: values.name ?? "", slug: suggestion })}`} data-slug={suggestion} dir="ltr">
              {t("slug.suggest", { suggestion })}
            </a>
          </p>
        )}
        <p
          id="slug-status"
          class="muted"
          aria-live="polite"
          data-available={t("wizard.address.available", { host: `{slug}.${rootDomain}` })}
          data-checking={t("wizard.address.checking")}
          data-invalid={t("slug.invalid")}
          data-reserved={t("slug.reserved")}
          data-taken={t("slug.taken")}
          data-suggest={t("slug.suggest", { suggestion: "{suggestion}" })}
        />
        <button class="btn block" type="submit">
          {t("common.next")}
        </button>
      </Form>
    </AuthShell>
  );
}
