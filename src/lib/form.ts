/**
 * Form helpers: read a urlencoded/multipart body into plain strings, validate it with zod,
 * and turn zod's issues into one message per field (z.flattenError groups them; the first is
 * shown).
 *
 * Not Hono's validator("form") middleware: a refused form is drawn again by its own route,
 * with what was typed and a message beside each field, from data only that route loads; a
 * validator hook would have to render the route's page or hand the failure back to it.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { MessageKey, TFunction } from "../i18n";

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

/** NUL bytes are never meaningful in typed text (and break C-string tools downstream): dropped. */
export const stripNul = (s: string) => (s.includes("\0") ? s.replace(/\0/g, "") : s);

/** Form fields as strings (files and the CSRF token left out, NULs dropped); repeated names keep the last. */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody();
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    const value = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof value === "string") out[k] = stripNul(value);
  }
  return out;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export interface FieldErrorOptions {
  /** The field a posted name's message is shown beside (several names may share one field). */
  field?: (name: string) => string;
  /** The catalogue key shown for an issue (default: its message, which the schema set to a key). */
  message?: (issue: z.core.$ZodIssue) => string;
}

/**
 * One catalogue key per field, the first of its issues; a field over its cap also carries the
 * cap (`errors["name.max"]`), so the message can say it. Issues of no field go under "_form".
 */
export function fieldErrors(error: z.ZodError, opts: FieldErrorOptions = {}): FieldErrors {
  const flat = z.flattenError(error, (issue) => issue);
  const byName = flat.fieldErrors as Record<string, z.core.$ZodIssue[]>;
  const errors: FieldErrors = {};
  const show = (field: string, issue: z.core.$ZodIssue) => {
    if (field in errors) return;
    errors[field] = opts.message ? opts.message(issue) : issue.message;
    if (issue.code === "too_big") errors[`${field}.max`] = String(issue.maximum);
  };
  for (const [name, issues] of Object.entries(byName)) show(opts.field ? opts.field(name) : name, issues[0]!);
  if (flat.formErrors[0]) show("_form", flat.formErrors[0]);
  return errors;
}

/** Validates with zod; issue messages are catalogue keys, translated by the caller's view. */
export function validate<S extends z.ZodType>(schema: S, values: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(values);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

/** The message beside a field, translated, with the field's cap when it was too long. */
export function fieldMessage(t: TFunction, errors: FieldErrors | undefined, field: string): string | undefined {
  const key = errors?.[field];
  return key ? t(key as MessageKey, { max: errors[`${field}.max`] ?? "" }) : undefined;
}
