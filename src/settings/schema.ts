/** Zod schemas of the settings forms; messages are catalogue keys. */
import { z } from "zod";
import { parseRupees, parseStock } from "../lib/money";
import { asciiDigits } from "../lib/phone";
import { STOCK_MAX } from "../products/form";
import { MAX_ORIGINAL_BYTES } from "../media/store";
import { checkbox, emailField, MONEY_CHARS, optionalText, phoneField, requiredText } from "../lib/form-fields";
import { LOCALES } from "../i18n";
import { CURRENCIES } from "./shop";
import { ALERT_CHANNELS } from "../db/schema";
import { fieldName, METHODS } from "../payments";

export const detailsSchema = z.object({
  name: requiredText(80, "validation.required"),
  description: optionalText(500),
  whatsapp: phoneField("validation.phone", { optional: true }),
  phone: phoneField("validation.phone", { optional: true }),
  email: emailField("validation.email", { optional: true }),
  city: optionalText(60),
  currency: z.enum(CURRENCIES, { message: "validation.required" }),
  locale: z.enum(LOCALES, { message: "validation.required" }),
  /** Absent (a form from before the choice existed): left as it is. */
  alertChannel: z.enum(ALERT_CHANNELS, { message: "validation.required" }).optional(),
  /** The low-stock level as typed: blank turns the alert off; absent (a form from before it existed) leaves it. */
  lowStockAt: z
    .string()
    .max(STOCK_MAX, "validation.tooLong")
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      if (!s.trim()) return null;
      const r = parseStock(s);
      if (r.ok) return r.stock;
      ctx.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    }),
});

/** The live screen's "where orders reach you": the details form's number, but required. */
export const whatsappSchema = z.object({ whatsapp: phoneField("validation.phone") });

const money = (required: boolean) =>
  z.string().max(MONEY_CHARS, "validation.price").transform((s, ctx) => {
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

/** Delivery zones a shop may have: a city list for most sellers, with room to spare. */
export const MAX_ZONES = 30;

export const zoneSchema = z.object({
  name: requiredText(60, "validation.required"),
  fee: money(true),
  freeAbove: money(false),
});

/** A method's fields, flat: `<id>Enabled` and each of its texts (`<id><Key>`), with the caps its folder declares. */
const methodFields = (m: (typeof METHODS)[number]) => ({
  [`${m.id}Enabled`]: checkbox(),
  ...Object.fromEntries(Object.entries(m.form.shape).map(([k, s]) => [fieldName(m.id, k), s])),
});

/** "Flag an order not confirmed after N hours": at most a week (an order older than that is plainly stale). */
export const COD_CONFIRM_HOURS_MAX = 168;

/** Whole hours, 1 to COD_CONFIRM_HOURS_MAX, Urdu digits welcome; absent (a form from before it existed): unchanged. */
const confirmHours = z
  .string()
  .max(String(COD_CONFIRM_HOURS_MAX).length, "validation.tooLong")
  .optional()
  .transform((s, ctx) => {
    if (s === undefined) return undefined;
    const t = asciiDigits(s).trim();
    if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= COD_CONFIRM_HOURS_MAX) return Number(t);
    ctx.addIssue({ code: "custom", message: "payments.codConfirmHours.invalid" });
    return z.NEVER;
  });

/**
 * The payments form: flat fields (codEnabled, jazzcashTitle, ...) for every method of the registry
 * (src/payments); an enabled method needs its required texts, and the shop at least one method.
 */
export const paymentsForm = z
  .object(
    Object.assign({ codConfirm: checkbox(), codConfirmHours: confirmHours }, ...METHODS.map(methodFields)) as Record<
      string,
      z.ZodType<string | boolean | number | undefined>
    >,
  )
  .superRefine((v, ctx) => {
    for (const m of METHODS) {
      if (!v[`${m.id}Enabled`]) continue;
      for (const [k, f] of Object.entries(m.fields)) {
        const name = fieldName(m.id, k);
        if (f.required && !v[name]) ctx.addIssue({ code: "custom", path: [name], message: f.required });
      }
    }
    if (!METHODS.some((m) => v[`${m.id}Enabled`] === true)) ctx.addIssue({ code: "custom", path: ["_form"], message: "payments.oneRequired" });
  });

/** A payment method's image (Raast's QR code), one file as the phone sends it; its bytes are checked by src/media. */
export const paymentImageSchema = z.object({
  method: z.enum(METHODS.filter((m) => m.image).map((m) => m.id) as [string, ...string[]]),
  image: z.file({ message: "media.none" }).min(1, "media.none").max(MAX_ORIGINAL_BYTES, "media.tooBig"),
});
