/**
 * A mobile number or an email address in one field (sign-up, log-in, a staff invitation): the
 * phone pad first, and a link that swaps it for the email keyboard and back (a page reload, no
 * JavaScript needed); what she typed with an @ keeps the email keyboard.
 */
import type { TFunction } from "../i18n";
import { identityKeyboard } from "../lib/form-fields";
import { Field, type FieldProps } from "./Field";

export interface IdentityFieldProps extends Omit<FieldProps, "type" | "inputMode" | "autoComplete" | "dir"> {
  t: TFunction;
  /** She asked for the email keyboard (`?with=email`). */
  email?: boolean;
  /** The page again with the other keyboard. */
  switchTo: (email: boolean) => string;
  /** "off" where the contact is someone else's. */
  autoComplete?: "username" | "off";
}

export function IdentityField({ t, email: asked, switchTo, autoComplete, ...field }: IdentityFieldProps) {
  const email = !!asked || !!field.value?.includes("@");
  return (
    <>
      <Field {...field} {...identityKeyboard(email, autoComplete)} dir="ltr" />
      <p class="field-switch">
        <a href={switchTo(!email)}>{t(email ? "identity.usePhone" : "identity.useEmail")}</a>
      </p>
    </>
  );
}
