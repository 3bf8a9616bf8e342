/**
 * Form helpers: read a urlencoded/multipart body into plain strings, validate it with zod,
 * and turn zod issues into one message per field (the first).
 */
import type { Context } from "hono";
import type { z } from "zod";
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

/**
 * Validates with zod; issue messages are catalogue keys, translated by the caller's view. A
 * field over its cap also carries the cap (`errors["name.max"]`), so the message can say it.
 */
export function validate<S extends z.ZodType>(schema: S, values: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (field in errors) continue;
    errors[field] = issue.message;
    if (issue.code === "too_big") errors[`${field}.max`] = String(issue.maximum);
  }
  return { ok: false, errors };
}

/** The message beside a field, translated, with the field's cap when it was too long. */
export function fieldMessage(t: TFunction, errors: FieldErrors | undefined, field: string): string | undefined {
  const key = errors?.[field];
  return key ? t(key as MessageKey, { max: errors[`${field}.max`] ?? "" }) : undefined;
}
