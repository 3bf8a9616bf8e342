/** zod schemas for the cart and checkout forms. Issue messages are catalogue keys. */
import { z } from "zod";
import { normalizePakPhone } from "../auth/identity";
import { PAYMENT_METHODS } from "../db/schema";
import { MAX_QTY } from "./cart";

const clean = (s: string) => s.replace(/\0/g, "").trim();
const text = (max: number, key: string) =>
  z.string({ message: key }).transform(clean).pipe(z.string().min(1, key).max(max, "checkout.error.tooLong"));
const optional = (max: number) =>
  z.string().optional().default("").transform(clean).pipe(z.string().max(max, "checkout.error.tooLong"));

const variantId = z
  .string({ message: "checkout.error.variant" })
  .regex(/^[1-9]\d{0,9}$/, "checkout.error.variant")
  .transform(Number);

/** A quantity typed by a customer: digits only, so "1e9", "-1" and "abc" are refused. */
const quantity = (min: number) =>
  z
    .string({ message: "checkout.error.quantity" })
    .trim()
    .regex(/^\d{1,3}$/, "checkout.error.quantity")
    .transform(Number)
    .pipe(z.number().int().min(min, "checkout.error.quantity").max(MAX_QTY, "checkout.error.quantity"));

export const addSchema = z.object({ variant: variantId, quantity: quantity(1).optional().default(1) });
/** Quantity 0 removes the line (the cart page's number input allows 0). */
export const updateSchema = z.object({ variant: variantId, quantity: quantity(0) });
export const removeSchema = z.object({ variant: variantId });

export const IDEMPOTENCY_RE = /^[A-Za-z0-9_-]{22,64}$/;

export const checkoutSchema = z.object({
  key: z.string({ message: "checkout.error.expired" }).regex(IDEMPOTENCY_RE, "checkout.error.expired"),
  name: text(80, "checkout.error.name"),
  phone: z
    .string({ message: "checkout.error.phone" })
    .max(40, "checkout.error.phone")
    .transform((s, ctx) => {
      const phone = normalizePakPhone(s);
      if (!phone) {
        ctx.addIssue({ code: "custom", message: "checkout.error.phone" });
        return z.NEVER;
      }
      return phone;
    }),
  city: text(60, "checkout.error.city"),
  address: text(300, "checkout.error.address"),
  note: optional(500),
  zone: z.string({ message: "checkout.error.zone" }).regex(/^\d{1,10}$/, "checkout.error.zone").transform(Number),
  payment: z.enum(PAYMENT_METHODS, { message: "checkout.error.payment" }),
  reference: optional(60),
  /** The subtotal the customer was shown; a different one means prices changed meanwhile. */
  seen: z.string().optional().default(""),
});

export type CheckoutInput = z.infer<typeof checkoutSchema>;
