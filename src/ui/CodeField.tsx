/**
 * A one-time code's field (a password reset, proving a phone): the digit pad, the browser's
 * one-time-code autofill (Android offers the code from the message), left to right in Urdu.
 */
import type { CheckResult } from "../auth/codes";
import type { TFunction } from "../i18n";
import { Field } from "./Field";

export function CodeField(p: { t: TFunction; value?: string; error?: string; maxLength?: number }) {
  return (
    <Field
      name="code"
      label={p.t("code.label")}
      hint={p.t("code.hint")}
      value={p.value}
      error={p.error}
      inputMode="numeric"
      autoComplete="one-time-code"
      dir="ltr"
      maxLength={p.maxLength}
      required
    />
  );
}

/** Why a typed code was refused, in her words, for beside the field. */
export function codeRefusal(t: TFunction, r: Exclude<CheckResult, { ok: true }>): string {
  if (r.reason === "wrong") return t("code.wrong", { count: r.triesLeft });
  return t(r.reason === "dead" ? "code.dead" : "code.expired");
}
