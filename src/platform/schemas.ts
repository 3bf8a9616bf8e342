/** zod schemas for the platform's forms. Issue messages are catalogue keys. */
import { z } from "zod";
import { parseIdentity } from "../auth/identity";
import { slugProblem } from "../tenancy/slug";

const text = (max: number, key: string) =>
  z
    .string({ message: key })
    .transform((s) => s.replace(/\0/g, "").trim())
    .pipe(z.string().min(1, key).max(max, "validation.tooLong"));

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
  });

export const passwordField = z
  .string({ message: "validation.passwordShort" })
  .min(8, "validation.passwordShort")
  .max(200, "validation.passwordLong");

export const signupSchema = z.object({
  name: text(80, "validation.name"),
  login: identityField,
  password: passwordField,
});

export const loginSchema = z.object({
  login: identityField,
  password: z.string({ message: "login.failed" }).min(1, "login.failed").max(200, "login.failed"),
});

export const slugField = z
  .string({ message: "slug.invalid" })
  .transform((s) => s.trim().toLowerCase())
  .superRefine((s, ctx) => {
    const problem = slugProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem === "reserved" ? "slug.reserved" : "slug.invalid" });
  });

export const shopNameField = z
  .string({ message: "wizard.name.error" })
  .transform((s) => s.replace(/\0/g, "").trim())
  .pipe(z.string().min(2, "wizard.name.error").max(60, "wizard.name.error"));

export const shopStartSchema = z.object({ name: shopNameField, slug: slugField });

/** Shops one account may own, checked by the wizard (staff of other shops is not counted). */
export const MAX_SHOPS_OWNED = 5;
