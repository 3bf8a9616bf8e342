/**
 * zod builders for the fields of every form. Each takes its cap and checks it on the raw input,
 * before any transform, so that the cap is declared once, here in the schema, and shows in
 * `z.toJSONSchema(schema, { io: "input" })` (maxLength, maxItems, enum): the boundary suite
 * (test/limits) reads every cap from there, and views read `maxLength` attributes with `caps()`.
 * Messages are catalogue keys; each area passes its own.
 */
import { z } from "zod";
import { normalizeEmail } from "../auth/identity";
import { normalizePakPhone } from "./phone";
import { stripNul } from "./form";
import { ID_DIGITS, ID_SOURCE } from "./ids";

/** NULs dropped, whitespace trimmed: what every text field stores. */
export const clean = (s: string) => stripNul(s).trim();

/** Required text of at most `max` characters as typed. */
export const requiredText = (max: number, required: string, tooLong = "validation.tooLong") =>
  z.string({ message: required }).max(max, tooLong).transform(clean).pipe(z.string().min(1, required));

/** Optional text of at most `max` characters as typed; missing is "". */
export const optionalText = (max: number, tooLong = "validation.tooLong") =>
  z.string().max(max, tooLong).optional().transform((s) => clean(s ?? ""));

/** A checkbox: "on" when ticked, absent when not. */
export const checkbox = () =>
  z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on");

/** Typed phone numbers are short; a longer value is not a phone number. */
const PHONE_CHARS = 40;
/** RFC 5321's limit on an address. */
const EMAIL_CHARS = 254;
/** A price as typed: "Rs. 10,00,00,000.00" is 19 characters; longer is not a price. */
export const MONEY_CHARS = 24;

/**
 * The keyboard and autofill a field asks of a phone, declared by its builder in the schema
 * (`keyboard` in its JSON Schema, so the boundary suite checks every form for it) and rendered
 * from there by `keyboards(schema)`: a phone number opens the phone pad, an email the email
 * keyboard. "identity" is a phone number or an email in one field: see identityKeyboard.
 */
export type Keyboard = "tel" | "email" | "identity";

const KEYBOARDS = {
  tel: { type: "tel", inputMode: "tel", autoComplete: "tel" },
  email: { type: "email", inputMode: "email", autoComplete: "email" },
} as const;

/**
 * A phone number or an email address in one field (log-in, sign-up, a staff invitation): plain
 * text, so the browser refuses neither; the phone pad (most sellers sign up with their mobile)
 * unless she asked for the email keyboard or typed an @; "username" so that a password manager
 * pairs it with the password (`off` where it is someone else's).
 */
export const identityKeyboard = (email: boolean, autoComplete: "username" | "off" = "username") =>
  ({ type: "text", inputMode: email ? "email" : "tel", autoComplete }) as const;

/** The attributes of each phone and email field of a form, from its schema: `<Field {...kb.phone} />`. */
export function keyboards(schema: z.ZodType): Record<string, (typeof KEYBOARDS)[keyof typeof KEYBOARDS] | undefined> {
  return Object.fromEntries(
    Object.entries(inputFields(schema)).flatMap(([k, f]) => (f.keyboard === "tel" || f.keyboard === "email" ? [[k, KEYBOARDS[f.keyboard]]] : [])),
  );
}

/** A Pakistani mobile number, normalised to +92...; "" when `optional` and left empty. */
export const phoneField = (message: string, opts: { optional?: boolean } = {}) =>
  z
    .string({ message })
    .max(PHONE_CHARS, message)
    .transform((s, ctx) => {
      if (opts.optional && !s.trim()) return "";
      const p = normalizePakPhone(s);
      if (!p) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return p;
    })
    .meta({ keyboard: "tel" satisfies Keyboard });

/** An email address, lower-cased; "" when `optional` and left empty. */
export const emailField = (message: string, opts: { optional?: boolean } = {}) =>
  z
    .string({ message })
    .max(EMAIL_CHARS, message)
    .transform((s, ctx) => {
      if (opts.optional && !s.trim()) return "";
      const e = normalizeEmail(s);
      if (!e) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return e;
    })
    .meta({ keyboard: "email" satisfies Keyboard });

/**
 * A search box's query. Past its cap it can only come from an edited URL (the box's maxlength
 * stops typing and pasting there): it is cut to the cap, as the browser would, never refused.
 */
export const searchField = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .catch((ctx) => (typeof ctx.value === "string" ? ctx.value.slice(0, max) : undefined))
    .transform((s) => (s ?? "").trim());

/** A page number in a query string, 1 to 1,000 (anything else is page 1). */
export const pageNumberField = () =>
  z
    .string()
    .max(4)
    .optional()
    .catch(undefined)
    .transform((v) => Math.max(1, Math.min(1000, Number(v) || 1)));

/** A positive integer id typed into a form (a select's value, a hidden input). */
export const idField = (message: string) =>
  z
    .string({ message })
    .max(ID_DIGITS, message)
    .regex(new RegExp(`^${ID_SOURCE}$`), message)
    .transform(Number);

type JsonField = { maxLength?: number; maxItems?: number; enum?: unknown[]; const?: unknown; type?: string; keyboard?: Keyboard };

const capsCache = new WeakMap<z.ZodType, Record<string, JsonField>>();

/**
 * Each input field of an object schema as JSON Schema describes it (merged over `allOf`); the
 * fields an object takes by any other name (a catch-all, e.g. `stock_<variantId>`) under "*".
 */
export function inputFields(schema: z.ZodType): Record<string, JsonField> {
  let fields = capsCache.get(schema);
  if (fields) return fields;
  fields = {};
  const walk = (node: { properties?: Record<string, JsonField>; additionalProperties?: JsonField | boolean; allOf?: unknown[]; anyOf?: unknown[] }) => {
    Object.assign(fields!, node.properties ?? {});
    if (typeof node.additionalProperties === "object") fields!["*"] = node.additionalProperties;
    for (const part of [...(node.allOf ?? []), ...(node.anyOf ?? [])]) walk(part as typeof node);
  };
  walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Parameters<typeof walk>[0]);
  capsCache.set(schema, fields);
  return fields;
}

/**
 * Every field's cap (maxLength, or maxItems for a list), for views and domain code:
 * `const cap = caps(schema)`, `maxLength={cap.name}`.
 */
export function caps(schema: z.ZodType): Record<string, number | undefined> {
  return Object.fromEntries(Object.entries(inputFields(schema)).map(([k, f]) => [k, f.maxLength ?? f.maxItems]));
}
