import type { Messages } from "../../i18n";
import type { FormValues } from "../../lib/form";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import { IdentityField } from "../../ui/IdentityField";
import { caps } from "../../lib/form-fields";
import { loginSchema } from "../schemas";
import { AuthShell } from "./AuthShell";
import { LanguageSwitch } from "../../ui/LanguageSwitch";

export interface LoginProps {
  m: Messages;
  csrf: string;
  values?: FormValues;
  /** One generic message: never says whether the account exists. */
  error?: string;
  next?: string;
  /** She asked for the email keyboard. */
  email?: boolean;
}

const cap = caps(loginSchema);

export function LoginPage({ m, csrf, values = {}, error, next, email }: LoginProps) {
  const { t } = m;
  const action = next ? `/login?next=${encodeURIComponent(next)}` : "/login";
  return (
    <AuthShell m={m} title={t("login.title")} nav={<LanguageSwitch m={m} back="/login" />}>
      <h1>{t("login.title")}</h1>
      {error && (
        <p class="alert" role="alert" id="login-error">
          {error}
        </p>
      )}
      <Form action={action} csrf={csrf}>
        <IdentityField t={t} email={email} switchTo={(e) => `/login?${new URLSearchParams({ ...(next ? { next } : {}), ...(e ? { with: "email" } : {}) })}`} name="login" label={t("login.login")} value={values.login} maxLength={cap.login} required />
        <Field name="password" type="password" label={t("login.password")} autoComplete="current-password" dir="ltr" maxLength={cap.password} required />
        <p class="field-switch">
          <a href="/forgot" id="forgot-link">{t("login.forgot")}</a>
        </p>
        <button class="btn block" type="submit">
          {t("login.submit")}
        </button>
      </Form>
      <p class="center">
        {t("login.noAccount")} <a href="/signup">{t("nav.signup")}</a>
      </p>
    </AuthShell>
  );
}
