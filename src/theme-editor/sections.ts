/**
 * The home page's sections in the theme form. Each instance's settings are form fields like the
 * theme's own, named by the instance's place: `s_sec<i>_<key>`, a list's items
 * `s_sec<i>_<key>_<j>_<sub>`, and `sec<i>_type`; so the theme form's readers (caps, values,
 * photos) read them as they read the rest. Buttons post `op` (up:<i>, down:<i>, remove:<i>, add
 * with `add_type`): the page comes back with the change, saved only by Save.
 */
import type { z } from "zod";
import type { Locale } from "../i18n";
import type { FieldErrors } from "../lib/form";
import { MAX_SECTIONS, type SectionDef, type SectionInstance } from "../storefront/section";
import { inLocale } from "../storefront/theme";
import { fieldsOf, settingMessage, toFormValues, type SettingField } from "./fields";

/** A list setting (testimonials, questions): its item slots, each a row of fields. */
export interface ListField {
  key: string;
  label: string;
  max: number;
  items: SettingField[][];
}

/** One instance as the form draws and reads it. */
export interface InstanceForm {
  index: number;
  def: SectionDef;
  label: string;
  fields: (SettingField | ListField)[];
}

const key = (i: number, k: string) => `sec${i}_${k}`;
const itemKey = (i: number, k: string, j: number, sub: string) => `sec${i}_${k}_${j}_${sub}`;

const isList = (f: SettingField | ListField): f is ListField => "items" in f;

const itemShape = (field: z.ZodType) => ((field as unknown as { def: { innerType: z.ZodArray } }).def.innerType.element as unknown as z.ZodObject).shape;

/**
 * The form of each instance. `slots(count, max)`: how many item rows a list gets, from the items
 * it holds (drawn: one empty row more, under the cap; read: one past the cap, so it is refused).
 */
export function instanceForms(defs: readonly SectionDef[], types: readonly { type: string; settings?: Record<string, unknown> }[], locale: Locale, slots: (count: number, max: number) => number): InstanceForm[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  return types.flatMap((inst, index) => {
    const def = byId.get(inst.type);
    if (!def) return [];
    const fields = fieldsOf(def.settings.shape, locale).map((f): SettingField | ListField => {
      if (f.meta.input !== "list") return { ...f, key: key(index, f.key), inSection: true };
      const held = Array.isArray(inst.settings?.[f.key]) ? (inst.settings[f.key] as unknown[]).length : 0;
      const rows = fieldsOf(itemShape(def.settings.shape[f.key]!), locale);
      const items = Array.from({ length: slots(held, f.max!) }, (_, j) => rows.map((r) => ({ ...r, key: itemKey(index, f.key, j, r.key), inSection: true as const })));
      return { key: key(index, f.key), label: f.label, max: f.max!, items };
    });
    return [{ index, def, label: inLocale(def.label, locale), fields }];
  });
}

/** Every field of the instances, list items included (for the form's caps and readers). */
export const flatFields = (forms: InstanceForm[]): SettingField[] => forms.flatMap((f) => f.fields.flatMap((x) => (isList(x) ? x.items.flat() : [x])));

/** The instances' types as posted (`sec<i>_type`), at most one past the cap (refused then). */
export function postedTypes(values: Record<string, string>): { type: string }[] {
  const out: { type: string }[] = [];
  for (let i = 0; i <= MAX_SECTIONS && values[`sec${i}_type`] !== undefined; i++) out.push({ type: values[`sec${i}_type`]! });
  return out;
}

const blank = (v: unknown) => v === "" || v === null || v === undefined || v === false;

/**
 * The instances from a form's candidate values (list rows left empty are dropped). A setting not
 * posted at all takes its type's default (a checkbox left unticked is posted by its absence).
 */
export function instancesFrom(forms: InstanceForm[], candidate: Record<string, unknown>, posted: Record<string, string>): SectionInstance[] {
  return forms.map((form) => {
    const settings: Record<string, unknown> = {};
    const plain = (k: string) => k.slice(key(form.index, "").length);
    for (const f of form.fields) {
      if (!isList(f)) {
        if (f.meta.input === "toggle" || posted[`s_${f.key}`] !== undefined) settings[plain(f.key)] = candidate[f.key];
      }
      else
        settings[plain(f.key)] = f.items
          .map((row) => Object.fromEntries(row.map((r) => [r.key.slice(r.key.lastIndexOf("_") + 1), candidate[r.key]])))
          .filter((item) => !Object.values(item).every(blank));
    }
    return { type: form.def.id, settings };
  });
}

/** The form's values of the instances (what the page shows), by their place. */
export function instanceValues(forms: InstanceForm[], instances: SectionInstance[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  forms.forEach((form, n) => {
    const s = instances[n]?.settings ?? {};
    out[`sec${form.index}_type`] = form.def.id;
    for (const f of form.fields) {
      const k = f.key.slice(key(form.index, "").length);
      if (!isList(f)) Object.assign(out, toFormValues([{ ...f, key: f.key }], { [f.key]: s[k] }));
      else {
        const items = Array.isArray(s[k]) ? (s[k] as Record<string, unknown>[]) : [];
        f.items.forEach((row, j) => Object.assign(out, toFormValues(row, Object.fromEntries(row.map((r) => [r.key, items[j]?.[r.key.slice(r.key.lastIndexOf("_") + 1)]])))));
      }
    }
  });
  return out;
}

/**
 * A button's change to the list: move one place up or down, move from one place to another (a
 * drag: src/client/section-order.ts), remove, or add (a type the theme offers, under the cap).
 * A place outside the list changes nothing.
 */
export function applyOp(op: string | undefined, addType: string | undefined, list: SectionInstance[], defs: readonly SectionDef[]): { list: SectionInstance[]; error?: string } {
  if (!op) return { list };
  const [what, at, dest] = op.split(":");
  const i = Number(at);
  const next = [...list];
  const place = (n: number) => Number.isInteger(n) && n >= 0 && n < next.length;
  const to = what === "up" ? i - 1 : what === "down" ? i + 1 : what === "move" ? Number(dest) : NaN;
  if (place(i) && place(to)) next.splice(to, 0, next.splice(i, 1)[0]!);
  else if (what === "remove" && place(i)) next.splice(i, 1);
  else if (what === "add") {
    const def = defs.find((d) => d.id === addType);
    if (!def) return { list };
    if (next.length >= MAX_SECTIONS) return { list, error: "sections.tooMany" };
    next.push({ type: def.id, settings: def.settings.parse({}) as Record<string, unknown> });
  }
  return { list: next };
}

/** zod issues of the sections -> messages beside the instance's fields (`sec<i>_<key>[_<j>_<sub>]`), or the list's. */
export function sectionErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [top, i, , k, j, sub] = issue.path as (string | number)[];
    if (top !== "sections") continue;
    const field = i === undefined ? "sections" : k === undefined ? `sec${i}_type` : j === undefined || sub === undefined ? key(Number(i), String(k)) : itemKey(Number(i), String(k), Number(j), String(sub));
    if (field in errors) continue;
    errors[field] = settingMessage(issue);
    if (issue.code === "too_big") errors[`${field}.max`] = String(issue.maximum);
  }
  return errors;
}
