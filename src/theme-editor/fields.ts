/**
 * The theme settings form, generated from the theme's zod schema: each field's `.meta()`
 * (src/storefront/theme-settings.ts) says how to draw it. Form values -> settings object,
 * and zod issues -> messages per field.
 */
import { z } from "zod";
import type { Locale } from "../i18n";
import { MAX_ORIGINAL_BYTES } from "../media/store";
import { en } from "../i18n/en";
import { fieldErrors, type FieldErrors } from "../lib/form";
import { imageRef, settingMeta, type ImageRef, type SettingMeta } from "../storefront/theme-settings";
import { inLocale, type Theme } from "../storefront/theme";
import { storedSettings } from "../../themes/_shared/sections/upgrade";

export interface SettingField {
  key: string;
  meta: SettingMeta;
  label: string;
  /** Value labels of a choice/sections field, in the schema's order. */
  options: [string, string][];
  /** A text setting's cap (a list's: its most items), as its schema declares it. */
  max?: number;
  /** A section instance's setting (read with the sections' list, not by a `has_` flag). */
  inSection?: true;
}

/** The fields of a theme's settings that carry form metadata, in schema order. */
export function settingFields(theme: Theme, locale: Locale): SettingField[] {
  return fieldsOf((theme.settings as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {}, locale);
}

/** The fields of a settings shape (a theme's, a section type's, a list's item) that carry form metadata. */
export function fieldsOf(shape: Record<string, z.ZodType>, locale: Locale): SettingField[] {
  const out: SettingField[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const meta = settingMeta(schema);
    if (!meta?.input) continue;
    const options = Object.entries(meta.options ?? {}).map(([v, l]) => [v, inLocale(l, locale)] as [string, string]);
    const max = (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { maxLength?: number; maxItems?: number });
    out.push({ key, meta, label: inLocale(meta.label, locale), options, max: max.maxLength ?? max.maxItems });
  }
  return out;
}

/** The shop's stored settings validated against the theme; invalid fields fall back to defaults. */
export function currentSettings(theme: Theme, saved: Record<string, unknown>): Record<string, unknown> {
  const stored = storedSettings(theme, saved);
  const whole = theme.settings.safeParse(stored);
  if (whole.success) return whole.data as Record<string, unknown>;
  const defaults = theme.settings.parse({}) as Record<string, unknown>;
  const shape = (theme.settings as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const out = { ...defaults };
  for (const [k, schema] of Object.entries(shape)) {
    const one = schema.safeParse(stored[k]);
    if (one.success && k in stored) out[k] = one.data;
  }
  // Keep the combination valid (e.g. contrast): fall back to all defaults if it is not.
  return theme.settings.safeParse(out).success ? out : defaults;
}

/** Settings -> the strings the form shows (also what a re-rendered form keeps). */
export function toFormValues(fields: SettingField[], s: Record<string, unknown>): Record<string, string | string[]> {
  const v: Record<string, string | string[]> = {};
  for (const f of fields) {
    const x = s[f.key];
    if (f.meta.input === "toggle") v[f.key] = x ? "on" : "";
    else if (f.meta.input === "image") v[f.key] = x ? JSON.stringify(x) : "";
    else v[f.key] = x === undefined || x === null ? "" : String(x);
  }
  return v;
}

/** A collection's or product's web name from what the seller pasted: its link (of any host) or the name itself. */
function webName(raw: string, kind: "collection" | "product"): string {
  const m = raw.trim().match(new RegExp(`/${kind}s/([^/?#\\s]+)`));
  if (!m) return raw.trim();
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

const asRef = (json: string, shopId: number): ImageRef | null => {
  try {
    const r = imageRef.safeParse(JSON.parse(json));
    return r.success && r.data.key.startsWith(`shops/${shopId}/`) ? r.data : null;
  } catch {
    return null;
  }
};

/**
 * Reads the posted form (`s_<key>` inputs; image as the JSON of the stored ref) into a settings
 * candidate and the values to show again. Sections are read by ./sections.ts.
 */
export function fromForm(fields: SettingField[], values: Record<string, string>, shopId: number) {
  const candidate: Record<string, unknown> = {};
  const shown: Record<string, string | string[]> = {};
  for (const f of fields) {
    const raw = values[`s_${f.key}`] ?? "";
    switch (f.meta.input) {
      case "toggle":
        candidate[f.key] = raw === "on";
        shown[f.key] = raw === "on" ? "on" : "";
        break;
      case "number":
        candidate[f.key] = /^-?\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
        shown[f.key] = raw;
        break;
      case "collection":
      case "product":
        candidate[f.key] = webName(raw, f.meta.input);
        shown[f.key] = raw;
        break;
      case "image":
        candidate[f.key] = values[`rm_${f.key}`] === "on" ? null : asRef(raw, shopId);
        shown[f.key] = candidate[f.key] ? JSON.stringify(candidate[f.key]) : "";
        break;
      default:
        candidate[f.key] = raw;
        shown[f.key] = raw;
    }
  }
  return { candidate, shown };
}

/** A setting's message: its catalogue key, or a generic one for a message zod wrote itself. */
export const settingMessage = (issue: z.core.$ZodIssue) => (issue.message in en ? issue.message : "theme.invalid");

/** zod issues -> one catalogue key per field (unknown messages become a generic one). */
export function settingErrors(error: z.ZodError): FieldErrors {
  return fieldErrors(error, { message: settingMessage });
}

/** Characters of a number setting as typed (the reader takes at most 9 digits). */
const NUMBER_CHARS = 9;
/** A stored photo's reference as the form carries it (JSON of an imageRef): far under this. */
const IMAGE_REF_CHARS = 400;

const on = () => z.enum(["on"]).optional();

/**
 * The theme form as posted, field by field (`s_<key>`, `has_<key>`, `rm_<key>`, `file_<key>`,
 * `theme`; sections' fields are fields like the others, their lists' own names from
 * ./sections.ts), with each field's cap: a text setting's is the cap its
 * setting declares (read from its schema, not repeated), the others are fixed by their kind.
 * Checked before anything reads the values, so an over-long value is refused beside its field.
 */
export function themeFormSchema(fields: SettingField[], themeIds: readonly string[], sections: Record<string, z.ZodType> = {}) {
  // The sections lists' own names (./sections.ts sectionsFormShape): types, a button's change, the type to add.
  const form: Record<string, z.ZodType> = { theme: z.enum(themeIds as [string, ...string[]]).optional(), ...sections };
  for (const f of fields) {
    if (!f.inSection) form[`has_${f.key}`] = z.enum(["1"]).optional();
    const name = `s_${f.key}`;
    switch (f.meta.input) {
      case "text":
      case "textarea":
      case "link":
      case "collection":
      case "product":
        form[name] = z.string().max(f.max!, "validation.tooLong").optional();
        break;
      case "colour":
        form[name] = z.string().max(7, "theme.colourInvalid").optional();
        break;
      case "number":
        form[name] = z.string().max(NUMBER_CHARS, "validation.number").optional();
        break;
      case "toggle":
        form[name] = on();
        break;
      case "choice":
        form[name] = z.enum(f.options.map(([o]) => o) as [string, ...string[]]).optional();
        break;
      case "image":
        form[name] = z.string().max(IMAGE_REF_CHARS).optional();
        form[`rm_${f.key}`] = on();
        form[`file_${f.key}`] = z.file().max(MAX_ORIGINAL_BYTES).optional();
        break;
    }
  }
  return z.object(form);
}

/** Over-cap fields of a posted theme form, keyed by setting (as the page shows errors). */
export function themeFormErrors(schema: z.ZodType, fields: SettingField[], values: Record<string, string>): FieldErrors {
  const posted: Record<string, unknown> = { ...values };
  // A file input left empty arrives as an empty string; a picked file is checked by its bytes (media/store).
  for (const f of fields) if (f.meta.input === "image") delete posted[`file_${f.key}`];
  const result = schema.safeParse(posted);
  if (result.success) return {};
  const setting = (name: string) => name.replace(/^(s|has|rm|file)_/, "");
  return fieldErrors(result.error, { field: setting, message: settingMessage });
}
