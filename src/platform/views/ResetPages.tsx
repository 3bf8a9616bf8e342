/**
 * Forgot password: page 1 asks for the phone or email, page 2 for the code sent to it and the
 * new password. Both say the same whether or not an account has that phone or email.
 */
import type { Identity } from "../../auth/identity";
import type { Messages } from "../../i18n";
import type { FieldErrors, FormValues } from "../../lib/form";
import { fieldMessage } from "../../lib/form";
import { caps } from "../../lib/form-fields";
import { localPhone } from "../../lib/phone";
import { Field } from "../../ui/Field";
import { Form } from "../../ui/Form";
import { IdentityField } from "../../ui/IdentityField";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { forgotSchema, resetSchema } from "../schemas";
import { AuthShell } from "./AuthShell";
import { CodeField } from "../../ui/CodeField";

const forgotCap = caps(forgotSchema);
const resetCap = caps(resetSchema);

export function ForgotPage(p: { m: Messages; csrf: string; values?: FormValues; errors?: FieldErrors; alert?: string; email?: boolean }) {
  const { t } = p.m;
  return (
    <AuthShell m={p.m} title={t("reset.title")} nav={<LanguageSwitch m={p.m} back="/forgot" />}>
      <h1>{t("reset.title")}</h1>
      <p>{t("reset.intro")}</p>
      {p.alert && (
        <p class="alert" role="alert">
          {p.alert}
        </p>
      )}
      <Form action="/forgot" csrf={p.csrf}>
        <IdentityField
          t={t}
          email={p.email}
          switchTo={(e) => (e ? "/forgot?with=email" : "/forgot")}
          name="login"
          label={t("login.login")}
          value={p.values?.login}
          error={fieldMessage(t, p.errors, "login")}
          maxLength={forgotCap.login}
          required
        />
        <button class="btn block" type="submit">
          {t("reset.send")}
        </button>
      </Form>
      <p class="center field-switch">
        <a href="/login">{t("reset.backToLogin")}</a>
      </p>
    </AuthShell>
  );
}

/** The phone or email as she would write it: a phone the local way, left to right. */
function AddressText({ to }: { to: Identity }) {
  return <bdi dir="ltr">{to.kind === "phone" ? localPhone(to.value) : to.value}</bdi>;
}

/** A button that sends a new code to `to` (page 1's form, filled in). */
function NewCodeButton({ m, csrf, to }: { m: Messages; csrf: string; to: Identity }) {
  return (
    <Form action="/forgot" csrf={csrf} id="new-code">
      <input type="hidden" name="login" value={to.value} />
      <button class="btn ghost block" type="submit">
        {m.t("code.askNew")}
      </button>
    </Form>
  );
}

export interface ResetCodeProps {
  m: Messages;
  csrf: string;
  to: Identity;
  values?: FormValues;
  errors?: FieldErrors;
  /** The code's own message (wrong with tries left, expired, too many tries), translated. */
  codeError?: string;
  /** Offer a new code (the code expired or took too many tries). */
  askNew?: boolean;
}

export function ResetCodePage(p: ResetCodeProps) {
  const { t } = p.m;
  const [before, after] = t(p.to.kind === "phone" ? "reset.sentPhone" : "reset.sentEmail", { to: "\u0000" }).split("\u0000");
  return (
    <AuthShell m={p.m} title={t("reset.codeTitle")} nav={<LanguageSwitch m={p.m} back={`/forgot/code?to=${encodeURIComponent(p.to.value)}`} />}>
      <h1>{t("reset.codeTitle")}</h1>
      <p id="code-sent">
        {before}
        <AddressText to={p.to} />
        {after}
      </p>
      {p.errors && (
        <p class="alert" role="alert">
          {t("common.fixErrors")}
        </p>
      )}
      <Form action="/forgot/code" csrf={p.csrf} id="reset-form">
        <input type="hidden" name="login" value={p.to.value} />
        <CodeField t={t} value={p.values?.code} error={p.codeError ?? fieldMessage(t, p.errors, "code")} maxLength={resetCap.code} />
        <Field
          name="password"
          type="password"
          label={t("reset.newPassword")}
          hint={t("signup.passwordHint")}
          error={fieldMessage(t, p.errors, "password")}
          autoComplete="new-password"
          dir="ltr"
          maxLength={resetCap.password}
          required
        />
        <Field
          name="confirm"
          type="password"
          label={t("reset.confirm")}
          error={fieldMessage(t, p.errors, "confirm")}
          autoComplete="new-password"
          dir="ltr"
          maxLength={resetCap.confirm}
          required
        />
        <button class="btn block" type="submit">
          {t("reset.submit")}
        </button>
      </Form>
      {p.askNew ? (
        <NewCodeButton m={p.m} csrf={p.csrf} to={p.to} />
      ) : (
        <p class="center field-switch">
          <a href="/forgot">{t("reset.otherAddress")}</a>
        </p>
      )}
    </AuthShell>
  );
}
