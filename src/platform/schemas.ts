/** zod schemas for the platform's forms. Issue messages are catalogue keys. */
import { z } from "zod";
import { parseIdentity } from "../auth/identity";
import { LOCALES } from "../i18n";
import { THEMES } from "../../themes";
import { CODE_DIGITS } from "../auth/codes";
import { clean, requiredText, type Keyboard } from "../lib/form-fields";
import { asciiDigits } from "../lib/phone";
import { SLUG_MAX, slugProblem } from "../tenancy/slug";

/** The longest phone or email typed in any form (an email address is at most 254 characters). */
export const IDENTITY_MAX = 254;

export const identityField = z
  .string({ message: "validation.login" })
  .max(IDENTITY_MAX, "validation.login")
  .transform((s, ctx) => {
    const id = parseIdentity(s);
    if (!id) {
      ctx.addIssue({ code: "custom", message: "validation.login" });
      return z.NEVER;
    }
    return id;
  })
  .meta({ keyboard: "identity" satisfies Keyboard });

const passwordField = z
  .string({ message: "validation.passwordShort" })
  .min(8, "validation.passwordShort")
  .max(200, "validation.passwordLong");

export const signupSchema = z.object({
  name: requiredText(80, "validation.name"),
  login: identityField,
  password: passwordField,
});

export const loginSchema = z.object({
  login: identityField,
  password: z.string({ message: "login.failed" }).min(1, "login.failed").max(200, "login.failed"),
});

const slugField = z
  .string({ message: "slug.invalid" })
  .trim()
  .max(SLUG_MAX, "slug.invalid")
  .transform((s) => s.toLowerCase())
  .superRefine((s, ctx) => {
    const problem = slugProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem === "reserved" ? "slug.reserved" : "slug.invalid" });
  });

const shopNameField = z
  .string({ message: "wizard.name.error" })
  .max(60, "wizard.name.error")
  .transform(clean)
  .pipe(z.string().min(2, "wizard.name.error"));

export const shopStartSchema = z.object({ name: shopNameField, slug: slugField });

/** The wizard's theme screen: the name and address carried over, and the theme picked. */
export const startThemeSchema = shopStartSchema.extend({
  theme: z.enum(THEMES.map((t) => t.manifest.id) as [string, ...string[]], { message: "wizard.theme.error" }),
});

/** Shops one account may own, checked by the wizard (staff of other shops is not counted). */
export const MAX_SHOPS_OWNED = 5;

/** The account page's password change: the current password, then the new one. */
export const passwordChangeSchema = z.object({
  current: z.string({ message: "account.password.wrong" }).min(1, "account.password.wrong").max(200, "account.password.wrong"),
  password: passwordField,
});

/** The account page's language; `next`: the page to return to (the top bar's switch). */
export const languageSchema = z.object({ locale: z.enum(LOCALES), next: z.string().max(2000).optional() });

/** Forgot password, page 1: the phone or email of the account. */
export const forgotSchema = z.object({ login: identityField });

/**
 * A one-time code as she types it: spaces and dashes dropped ("123 456"), Urdu digits read
 * (۱۲۳۴۵۶); room for those on the raw input, six digits after.
 */
const codeField = z
  .string({ message: "code.format" })
  .max(CODE_DIGITS * 2, "code.format")
  .transform((s) => asciiDigits(s).replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[0-9]{${CODE_DIGITS}}$`), "code.format"));

/**
 * Forgot password, page 2: the code sent, and the new password twice (the sign-up rules). The
 * address it went to rides along in a hidden field, read as page 1 read it (parseIdentity).
 */
export const resetSchema = z
  .object({
    code: codeField,
    password: passwordField,
    confirm: z.string({ message: "reset.confirmMismatch" }).max(200, "reset.confirmMismatch"),
  })
  .superRefine((v, ctx) => {
    if (v.confirm !== v.password) ctx.addIssue({ code: "custom", path: ["confirm"], message: "reset.confirmMismatch" });
  });

/** Proving her phone: the code sent to it. */
export const proveSchema = z.object({ code: codeField });
