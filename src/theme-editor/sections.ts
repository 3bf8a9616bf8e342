/**
 * The sections lists in the theme form: the home page's and the product page's (below its buy
 * box), each described once in LISTS. Each instance's settings are form fields like the theme's
 * own, named by the list's prefix and the instance's place: `s_sec<i>_<key>` (product page:
 * `s_psec<i>_<key>`), a list's items `s_sec<i>_<key>_<j>_<sub>`, and `sec<i>_type`; so the theme
 * form's readers (caps, values, photos) read them as they read the rest. Buttons post `op` as
 * `[<prefix>:]<verb>[:<n>...]`: the home list's without a prefix (up:<i>, down:<i>, remove:<i>,
 * add with `add_type`), the product page's with one (psec:up:<i>, psec:add with
 * `psec_add_type`). The page comes back with the change, saved only by Save.
 */
import { z } from "zod";
import type { Locale } from "../i18n";
import type { FieldErrors } from "../lib/form";
import type { SectionDef, SectionInstance } from "../storefront/section";
import { inLocale } from "../storefront/theme";
import type { SectionList, SectionsKey } from "../storefront/theme-settings";
import { fieldsOf, settingMessage, toFormValues, type SettingField } from "./fields";

/** A sections list of the form: its settings field, the prefix of its form names and ops, its type picker. */
export interface ListForm {
  key: SectionsKey;
  prefix: string;
  /** The type picker's form name. */
  addName: string;
}

/** The lists, home first: its form names and ops keep their prefix-less form. */
export const LISTS: readonly ListForm[] = [
  { key: "sections", prefix: "sec", addName: "add_type" },
  { key: "productSections", prefix: "psec", addName: "psec_add_type" },
];
const HOME = LISTS[0]!;

/** A button's change as posted: the list it is for, its verb and its numbers. */
export interface Op {
  list: ListForm;
  verb: string;
  args: number[];
}

/** `op` -> its list, verb and numbers: `up:3` is the home list's, `psec:up:3` the product page's. */
export function parseOp(op: string | undefined): Op | null {
  if (!op) return null;
  const parts = op.split(":");
  const list = LISTS.find((l) => l !== HOME && l.prefix === parts[0]);
  if (list) parts.shift();
  const [verb = "", ...args] = parts;
  return { list: list ?? HOME, verb, args: args.map(Number) };
}

/** The op value of a button of `list` (`opValue(list, "up", 3)`). */
export const opValue = (list: ListForm, verb: string, ...args: number[]) => [...(list === HOME ? [] : [list.prefix]), verb, ...args].join(":");

/** Every op value a list's buttons post, for the form's schema. */
const opValues = (list: ListForm, max: number) => {
  const places = Array.from({ length: max }, (_, i) => i);
  return [
    opValue(list, "add"),
    ...places.flatMap((i) => ["up", "down", "remove"].map((verb) => opValue(list, verb, i))),
    // A drag's (src/client/section-order.ts): move:<from>:<to>.
    ...places.flatMap((i) => places.map((j) => opValue(list, "move", i, j))),
  ];
};

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
  /** Its form names' start: `sec<i>_` (product page: `psec<i>_`). */
  prefix: string;
  def: SectionDef;
  label: string;
  fields: (SettingField | ListField)[];
}

const key = (list: ListForm, i: number, k: string) => `${list.prefix}${i}_${k}`;
const itemKey = (list: ListForm, i: number, k: string, j: number, sub: string) => `${list.prefix}${i}_${k}_${j}_${sub}`;

const isList = (f: SettingField | ListField): f is ListField => "items" in f;

const itemShape = (field: z.ZodType) => ((field as unknown as { def: { innerType: z.ZodArray } }).def.innerType.element as unknown as z.ZodObject).shape;

/**
 * The form of each instance. `slots(count, max)`: how many item rows a list gets, from the items
 * it holds (drawn: one empty row more, under the cap; read: one past the cap, so it is refused).
 */
export function instanceForms(list: ListForm, defs: readonly SectionDef[], types: readonly { type: string; settings?: Record<string, unknown> }[], locale: Locale, slots: (count: number, max: number) => number): InstanceForm[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  return types.flatMap((inst, index) => {
    const def = byId.get(inst.type);
    if (!def) return [];
    const fields = fieldsOf(def.settings.shape, locale).map((f): SettingField | ListField => {
      if (f.meta.input !== "list") return { ...f, key: key(list, index, f.key), inSection: true };
      const held = Array.isArray(inst.settings?.[f.key]) ? (inst.settings[f.key] as unknown[]).length : 0;
      const rows = fieldsOf(itemShape(def.settings.shape[f.key]!), locale);
      const items = Array.from({ length: slots(held, f.max!) }, (_, j) => rows.map((r) => ({ ...r, key: itemKey(list, index, f.key, j, r.key), inSection: true as const })));
      return { key: key(list, index, f.key), label: f.label, max: f.max!, items };
    });
    return [{ index, prefix: key(list, index, ""), def, label: inLocale(def.label, locale), fields }];
  });
}

/** Every field of the instances, list items included (for the form's caps and readers). */
export const flatFields = (forms: InstanceForm[]): SettingField[] => forms.flatMap((f) => f.fields.flatMap((x) => (isList(x) ? x.items.flat() : [x])));

/** A list's instance types as posted (`sec<i>_type`), at most one past its cap (refused then). */
export function postedTypes(list: ListForm, max: number, values: Record<string, string>): { type: string }[] {
  const out: { type: string }[] = [];
  for (let i = 0; i <= max && values[key(list, i, "type")] !== undefined; i++) out.push({ type: values[key(list, i, "type")]! });
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
    const plain = (k: string) => k.slice(form.prefix.length);
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
    out[`${form.prefix}type`] = form.def.id;
    for (const f of form.fields) {
      const k = f.key.slice(form.prefix.length);
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
 * A button's change to a list (its op, parsed): move one place up or down, move from one place to
 * another (a drag: src/client/section-order.ts), remove, or add (a type offered, under the list's
 * cap). A place outside the list changes nothing.
 */
export function applyOp(op: Op | null, addType: string | undefined, list: SectionInstance[], offered: SectionList): { list: SectionInstance[]; error?: string } {
  if (!op) return { list };
  const { verb, args } = op;
  const [i = NaN, dest = NaN] = args;
  const next = [...list];
  const place = (n: number) => Number.isInteger(n) && n >= 0 && n < next.length;
  const to = verb === "up" ? i - 1 : verb === "down" ? i + 1 : verb === "move" ? dest : NaN;
  if (place(i) && place(to)) next.splice(to, 0, next.splice(i, 1)[0]!);
  else if (verb === "remove" && place(i)) next.splice(i, 1);
  else if (verb === "add") {
    const def = offered.defs.find((d) => d.id === addType);
    if (!def) return { list };
    if (next.length >= offered.max) return { list, error: offered.tooMany };
    next.push({ type: def.id, settings: def.settings.parse({}) as Record<string, unknown> });
  }
  return { list: next };
}

/**
 * zod issues of the sections lists -> messages beside the instance's fields
 * (`sec<i>_<key>[_<j>_<sub>]`, `psec<i>_...`), or the list's (`sections`, `productSections`).
 */
export function sectionErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const [top, i, , k, j, sub] = issue.path as (string | number)[];
    const list = LISTS.find((l) => l.key === top);
    if (!list) continue;
    const field = i === undefined ? list.key : k === undefined ? key(list, Number(i), "type") : j === undefined || sub === undefined ? key(list, Number(i), String(k)) : itemKey(list, Number(i), String(k), Number(j), String(sub));
    if (field in errors) continue;
    errors[field] = settingMessage(issue);
    if (issue.code === "too_big") errors[`${field}.max`] = String(issue.maximum);
  }
  return errors;
}

/** A list of the form as a theme offers it: its form names and its section types, its cap. */
export type OfferedList = { list: ListForm } & SectionList;

/**
 * The form names of the lists (for the theme form's schema): each list's `has_<key>`, its
 * instances' types (one past its cap, refused then as too many), its type picker, and `op`, one
 * of every list's buttons' values.
 */
export function sectionsFormShape(lists: readonly OfferedList[]): Record<string, z.ZodType> {
  const form: Record<string, z.ZodType> = {};
  const ops: string[] = [];
  for (const { list, defs, max } of lists) {
    if (!defs.length) continue;
    const types = z.enum(defs.map((d) => d.id) as [string, ...string[]]).optional();
    form[`has_${list.key}`] = z.enum(["1"]).optional();
    for (let i = 0; i <= max; i++) form[key(list, i, "type")] = types;
    form[list.addName] = types;
    ops.push(...opValues(list, max));
  }
  if (ops.length) form.op = z.enum(ops as [string, ...string[]]).optional();
  return form;
}
