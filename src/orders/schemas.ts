/** zod schemas for the seller's order forms and list query. Issue messages are catalogue keys. */
import { z } from "zod";
import { ORDER_STATUSES } from "../db/schema";
import { clean, optionalText, requiredText } from "../lib/form-fields";
import { isOwnRider, normaliseCourier } from "./courier";
import { karachiDayStart } from "./dates";
import { ID_SOURCE } from "../lib/ids";

const status = z.enum(ORDER_STATUSES);

/** The order search box's cap (its input's maxlength). */
export const ORDER_SEARCH_MAX = 80;

/**
 * The list's query string. A search past its cap can only come from an edited URL (the box's
 * maxlength stops typing and pasting there): it is cut to the cap, as the browser would, and
 * the box shows what was searched.
 */
export const listQuerySchema = z.object({
  status: status.optional().catch(undefined),
  q: z
    .string()
    .max(ORDER_SEARCH_MAX)
    .optional()
    .catch((ctx) => (typeof ctx.value === "string" ? ctx.value.slice(0, ORDER_SEARCH_MAX) : undefined))
    .transform((s) => (s ? clean(s) : undefined)),
  before: z.string().regex(new RegExp(`^${ID_SOURCE}$`)).transform(Number).optional().catch(undefined),
  /** "1": only the orders not confirmed by their customer after the shop's hours. */
  late: z.enum(["1"]).optional().catch(undefined),
});

export const statusSchema = z
  .object({
    from: status,
    to: status,
    courier: optionalText(60).transform(normaliseCourier),
    tracking: optionalText(60),
  })
  .superRefine((v, ctx) => {
    if (v.to !== "shipped") return;
    if (!v.courier) ctx.addIssue({ code: "custom", path: ["courier"], message: "orders.error.courier" });
    // A courier company always gives a tracking number; her own rider never does.
    if (!v.tracking && !isOwnRider(v.courier)) ctx.addIssue({ code: "custom", path: ["tracking"], message: "orders.error.tracking" });
  });

export const noteSchema = z.object({
  note: requiredText(1000, "orders.error.note"),
});

const day = z.string({ message: "orders.export.badDate" }).trim().max(10, "orders.export.badDate").transform((s, ctx) => {
  const ms = karachiDayStart(s);
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: "orders.export.badDate" });
    return z.NEVER;
  }
  return ms;
});

/** An inclusive range of Karachi days, at most about a year long. */
export const exportSchema = z
  .object({ from: day, to: day })
  .transform((v) => ({ from: v.from, to: v.to + 86_400_000 }))
  .refine((v) => v.to > v.from && v.to - v.from <= 367 * 86_400_000, { path: ["to"], message: "orders.export.badRange" });

/** The payment buttons of the order page: one field, the move (a form without it is "Payment received", as before). */
export const paymentMoveSchema = z.object({
  move: z.enum(["received", "notReceived", "refunded"]).default("received"),
});
