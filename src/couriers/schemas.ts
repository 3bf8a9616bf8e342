/** zod schemas for the couriers' forms (issue messages are catalogue keys); each cap declared once, here. */
import { z } from "zod";
import { optionalText } from "../lib/form-fields";
import { COURIER_IDS } from "./index";
import { ID_DIGITS, ID_SOURCE } from "../lib/ids";

const courier = z.enum(COURIER_IDS, { message: "couriers.error.courier" });

/** Kilograms as typed ("0.5", "1,25", at most "50.000"), to grams: 10 g to 50 kg. */
const weight = z
  .string({ message: "couriers.error.weight" })
  .max(6, "couriers.error.weight")
  .transform((s, ctx) => {
    const kg = Number(s.trim().replace(",", "."));
    const grams = Math.round(kg * 1000);
    if (!/^\d{1,2}([.,]\d{1,3})?$/.test(s.trim()) || grams < 10 || grams > 50_000) {
      ctx.addIssue({ code: "custom", message: "couriers.error.weight" });
      return z.NEVER;
    }
    return grams;
  });

/** Whole rupees as typed ("5,200", at most "9,999,999"), to paisa. */
const cod = z
  .string({ message: "couriers.error.cod" })
  .max(9, "couriers.error.cod")
  .transform((s, ctx) => {
    const digits = s.trim().replace(/,/g, "");
    if (!/^\d{1,7}$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: "couriers.error.cod" });
      return z.NEVER;
    }
    return Number(digits) * 100;
  });

export const bookSchema = z.object({
  courier,
  weight,
  cod,
  tracking: optionalText(60),
});

/** The orders one tap on the list may book at once (one job each). */
export const bulkSchema = z.object({
  courier,
  weight,
  order: z.array(z.string().max(ID_DIGITS).regex(new RegExp(`^${ID_SOURCE}$`)).transform(Number)).max(50, "couriers.list.none").min(1, "couriers.list.none"),
});

/** Every credential field any courier asks for: each secret, each at most 200 characters as typed. */
export const credentialsSchema = z.object({
  courier,
  token: optionalText(200),
  pickupAddressCode: optionalText(200),
  apiKey: optionalText(200),
  apiPassword: optionalText(200),
  pickupAddressId: optionalText(200),
});
export type CredentialField = Exclude<keyof z.infer<typeof credentialsSchema>, "courier">;
