/** zod schemas for the cart and checkout forms. Issue messages are catalogue keys. */
import { z } from "zod";
import { PAYMENT_METHODS } from "../payments";
import { idField, optionalText, phoneField, requiredText } from "../lib/form-fields";
import { CODE_MAX, normalizeCode } from "../pricing/code";
import { BASIS_CHARS } from "../pricing/facts";
import { MAX_QTY } from "./cart";

const TOO_LONG = "checkout.error.tooLong";
const text = (max: number, key: string) => requiredText(max, key, TOO_LONG);
const optional = (max: number) => optionalText(max, TOO_LONG);

const variantId = idField("checkout.error.variant");

/** A quantity typed by a customer: digits only, so "1e9", "-1" and "abc" are refused. */
const quantity = (min: number) =>
  z
    .string({ message: "checkout.error.quantity" })
    .trim()
    .max(3, "checkout.error.quantity")
    .regex(/^\d{1,3}$/, "checkout.error.quantity")
    .transform(Number)
    .pipe(z.number().int().min(min, "checkout.error.quantity").max(MAX_QTY, "checkout.error.quantity"));

export const addSchema = z.object({ variant: variantId, quantity: quantity(1).optional().default(1) });
/** Quantity 0 removes the line (the cart page's number input allows 0). */
export const updateSchema = z.object({ variant: variantId, quantity: quantity(0) });
export const removeSchema = z.object({ variant: variantId });

/** The cart's discount code form; empty removes the code. */
export const codeSchema = z.object({
  code: z
    .string()
    .max(CODE_MAX, "pricing.code.invalid")
    .optional()
    .transform((s) => s?.trim() ?? "")
    .refine((s) => s === "" || normalizeCode(s) !== null, "pricing.code.invalid"),
});

export const IDEMPOTENCY_RE = /^[A-Za-z0-9_-]{22,64}$/;

export const checkoutSchema = z.object({
  key: z.string({ message: "checkout.error.expired" }).max(64, "checkout.error.expired").regex(IDEMPOTENCY_RE, "checkout.error.expired"),
  name: text(80, "checkout.error.name"),
  phone: phoneField("checkout.error.phone"),
  city: text(60, "checkout.error.city"),
  address: text(300, "checkout.error.address"),
  note: optional(500),
  zone: idField("checkout.error.zone"),
  payment: z.enum(PAYMENT_METHODS, { message: "checkout.error.payment" }),
  reference: optional(60),
  /**
   * The facts the page priced the order with (src/pricing/facts.ts): placing the order prices
   * them again and the batch verifies them. A value no form sends (past its cap) is one she was
   * not shown: she sees the total again.
   */
  basis: z.string().max(BASIS_CHARS).optional().default("").catch("-"),
});

export type CheckoutInput = z.infer<typeof checkoutSchema>;
