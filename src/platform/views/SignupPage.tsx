import type { Messages } from "../../i18n";
import type { FieldErrors, FormValues } from "../../lib/form";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import { IdentityField } from "../../ui/IdentityField";
import { AuthShell } from "./AuthShell";
import { fieldMessage as fieldError } from "../../lib/form";
import { caps } from "../../lib/form-fields";
import { signupSchema } from "../schemas";
import { LanguageSwitch } from "../../ui/LanguageSwitch";

export interface SignupProps {
  m: Messages;
  csrf: string;
  values?: FormValues;
  errors?: FieldErrors;
  /** A slug the visitor arrived with (from an unknown-shop page), carried to the wizard. */
  slug?: string;
  alert?: string;
  /** She asked for the email keyboard. */
  email?: boolean;
}

const cap = caps(signupSchema);

export function SignupPage({ m, csrf, values = {}, errors, slug, alert, email }: SignupProps) {
  const { t } = m;
  const action = slug ? `/signup?slug=${encodeURIComponent(slug)}` : "/signup";
  return (
    <AuthShell m={m} title={t("signup.title")} nav={<LanguageSwitch m={m} back="/signup" />}>
      <p class="step">{t("signup.step")}</p>
      <h1>{t("signup.title")}</h1>
      {alert && <p class="alert" role="alert">{alert}</p>}
      {errors && !alert && <p class="alert" role="alert">{t("common.fixErrors")}</p>}
      <Form action={action} csrf={csrf}>
        <Field name="name" label={t("signup.name")} value={values.name} error={fieldError(t, errors, "name")} autoComplete="name" maxLength={cap.name} required />
        <IdentityField
          t={t}
          email={email}
          switchTo={(e) => `/signup?${new URLSearchParams({ ...(slug ? { slug } : {}), ...(e ? { with: "email" } : {}) })}`}
          name="login"
          label={t("signup.login")}
          value={values.login}
          hint={t("signup.loginHint")}
          error={fieldError(t, errors, "login")}
          maxLength={cap.login}
          required
        />
        <Field
          name="password"
          type="password"
          label={t("signup.password")}
          hint={t("signup.passwordHint")}
          error={fieldError(t, errors, "password")}
          autoComplete="new-password"
          dir="ltr"
          maxLength={cap.password}
          required
        />
        <button class="btn block" type="submit">
          {t("signup.submit")}
        </button>
      </Form>
      <p class="center">
        {t("signup.haveAccount")} <a href="/login">{t("nav.login")}</a>
      </p>
    </AuthShell>
  );
}
