/** Zod schemas of the settings forms; messages are catalogue keys. */
import { z } from "zod";
import { normalizeEmail, normalizePakPhone } from "../../auth/identity";
import { parseRupees } from "../../catalog/admin-money";
import { CURRENCIES } from "../../settings/shop";

const phone = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (!s) return "";
    const p = normalizePakPhone(s);
    if (!p) {
      ctx.addIssue({ code: "custom", message: "validation.phone" });
      return z.NEVER;
    }
    return p;
  });

export const detailsSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(80, "validation.tooLong"),
  description: z.string().trim().max(500, "validation.tooLong").default(""),
  whatsapp: phone,
  phone: phone,
  email: z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (!s) return "";
      const e = normalizeEmail(s);
      if (!e) {
        ctx.addIssue({ code: "custom", message: "validation.email" });
        return z.NEVER;
      }
      return e;
    }),
  city: z.string().trim().max(60, "validation.tooLong"),
  currency: z.enum(CURRENCIES, { message: "validation.required" }),
  locale: z.enum(["en", "ur"], { message: "validation.required" }),
});

const money = (required: boolean) =>
  z.string().transform((s, ctx) => {
    if (!s.trim()) {
      if (required) ctx.addIssue({ code: "custom", message: "validation.priceRequired" });
      return required ? z.NEVER : null;
    }
    const r = parseRupees(s);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    }
    return r.minor;
  });

export const zoneSchema = z.object({
  name: z.string().trim().min(1, "validation.required").max(60, "validation.tooLong"),
  fee: money(true),
  freeAbove: money(false),
});

const account = (key: string) =>
  z
    .object({
      [`${key}Enabled`]: z.string().optional(),
      [`${key}Title`]: z.string().trim().max(100, "validation.tooLong").default(""),
      [`${key}Number`]: z.string().trim().max(60, "validation.tooLong").default(""),
      [`${key}Bank`]: z.string().trim().max(100, "validation.tooLong").default(""),
    })
    .superRefine((v, ctx) => {
      if (v[`${key}Enabled`] !== "on") return;
      if (!v[`${key}Title`]) ctx.addIssue({ code: "custom", path: [`${key}Title`], message: "payments.titleRequired" });
      if (!v[`${key}Number`]) ctx.addIssue({ code: "custom", path: [`${key}Number`], message: "payments.numberRequired" });
      if (key === "bank" && !v.bankBank) ctx.addIssue({ code: "custom", path: ["bankBank"], message: "payments.bankRequired" });
    });

/** The payments form: flat fields (codEnabled, jazzcashTitle, ...) checked per method. */
export const paymentsForm = z
  .object({ codEnabled: z.string().optional() })
  .and(account("jazzcash"))
  .and(account("easypaisa"))
  .and(account("bank"))
  .superRefine((v, ctx) => {
    const on = ["cod", "jazzcash", "easypaisa", "bank"].some((k) => (v as Record<string, unknown>)[`${k}Enabled`] === "on");
    if (!on) ctx.addIssue({ code: "custom", path: ["_form"], message: "payments.oneRequired" });
  });
