import { LOCALES, type Messages } from "../i18n";
import type { FieldErrors } from "../lib/form";
import { Document } from "../ui/Document";
import { TopBar } from "../ui/TopBar";
import { Field } from "../ui/Field";
import { Form } from "../ui/Form";
import { fieldMessage as fieldError } from "../lib/form";
import { caps } from "../lib/form-fields";
import { passwordChangeSchema } from "../platform/schemas";
import { localPhone } from "../lib/phone";

export interface AccountProps {
  m: Messages;
  csrf: string;
  sessions: number;
  /** Her phone and whether she proved it (null: she signed up with an email). */
  phone: { number: string; proven: boolean } | null;
  errors?: FieldErrors;
  notice?: string;
}

/** The seller's own account: admin language, password, devices. */
const cap = caps(passwordChangeSchema);

export function AccountPage({ m, csrf, sessions, phone, errors, notice }: AccountProps) {
  const { t } = m;
  return (
    <Document m={m} title={t("account.title")} robots="noindex">
      <TopBar m={m} csrf={csrf} brand={t("app.name")} href="/admin" here="/admin/account" />
      <main class="wrap">
        <h1>{t("account.title")}</h1>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <section class="card">
          <Form action="/admin/account/language" csrf={csrf}>
            <fieldset class="choices">
              <legend class="legend">{t("account.language")}</legend>
              {LOCALES.map((l) => (
                <label class="choice" key={l} lang={l}>
                  <input type="radio" name="locale" value={l} checked={m.locale === l} />
                  {t(`common.language.${l}`)}
                </label>
              ))}
            </fieldset>
            <button class="btn block" type="submit">
              {t("common.save")}
            </button>
          </Form>
        </section>
        {phone && (
          <section class="card" id="phone">
            <h2>{t("account.phone.title")}</h2>
            <p>
              <bdi dir="ltr">{localPhone(phone.number)}</bdi>{" "}
              {phone.proven ? (
                <strong class="proven">
                  <span aria-hidden="true">✓ </span>
                  {t("account.phone.proven")}
                </strong>
              ) : (
                <span class="muted">{t("account.phone.notProven")}</span>
              )}
            </p>
            {!phone.proven && (
              <Form action="/admin/account/phone/send" csrf={csrf}>
                <button class="btn block" type="submit">
                  {t("prove.send")}
                </button>
              </Form>
            )}
          </section>
        )}
        <section class="card">
          <h2>{t("account.password.title")}</h2>
          <Form action="/admin/account/password" csrf={csrf}>
            <Field name="current" type="password" label={t("account.password.current")} error={fieldError(t, errors, "current")} autoComplete="current-password" dir="ltr" maxLength={cap.current} required />
            <Field name="password" type="password" label={t("account.password.new")} hint={t("signup.passwordHint")} error={fieldError(t, errors, "password")} autoComplete="new-password" dir="ltr" maxLength={cap.password} required />
            <button class="btn block" type="submit">
              {t("account.password.submit")}
            </button>
          </Form>
        </section>
        <section class="card">
          <h2>{t("account.sessions.title")}</h2>
          <p>{t("account.sessions.body", { count: sessions })}</p>
          <div class="stack">
            <Form action="/admin/account/sessions/others" csrf={csrf}>
              <button class="btn ghost block" type="submit">
                {t("account.sessions.others")}
              </button>
            </Form>
            <Form action="/admin/account/sessions/all" csrf={csrf}>
              <button class="btn ghost block" type="submit">
                {t("account.sessions.all")}
              </button>
            </Form>
          </div>
        </section>
      </main>
    </Document>
  );
}
