/**
 * Builders for theme settings. Each field is a zod schema with a default and `.meta()`
 * describing how the admin's generated form shows it (input kind, label in every locale).
 * A theme's settings schema is a z.object of these fields.
 */
import { z } from "zod";
import type { Localized } from "./theme";
import { MAX_SECTIONS, type SectionDef, type SectionInstance } from "./section";

type SettingInput = "colour" | "image" | "text" | "textarea" | "toggle" | "choice" | "sections" | "number" | "link" | "list" | "collection" | "product";

export interface SettingMeta {
  input: SettingInput;
  label: Localized;
  /** Labels of the values of a choice field (of a sections field: the types it offers). */
  options?: Record<string, Localized>;
}

/** A photo stored in R2 (logo, banner): same shape as a product photo. */
export const imageRef = z.object({
  key: z.string().regex(/^shops\/\d+\/[a-f0-9]{64}$/),
  widths: z.array(z.number().int().positive()).min(1).max(6),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.enum(["webp", "jpeg", "png"]),
});
export type ImageRef = z.infer<typeof imageRef>;

const meta = (m: SettingMeta) => m as unknown as Record<string, unknown>;

export const setting = {
  colour: (def: string, label: Localized) =>
    z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "theme.colourInvalid")
      .transform((s) => s.toLowerCase())
      .default(def)
      .meta(meta({ input: "colour", label })),
  text: (def: string, max: number, label: Localized) =>
    z.string().max(max, "validation.tooLong").default(def).meta(meta({ input: "text", label })),
  textarea: (def: string, max: number, label: Localized) =>
    z.string().max(max, "validation.tooLong").default(def).meta(meta({ input: "textarea", label })),
  toggle: (def: boolean, label: Localized) => z.boolean().default(def).meta(meta({ input: "toggle", label })),
  number: (min: number, max: number, def: number, label: Localized) =>
    z.number().int().min(min).max(max).default(def).meta(meta({ input: "number", label })),
  choice: <T extends string>(values: readonly [T, ...T[]], def: T, label: Localized, options: Record<T, Localized>) =>
    z.enum(values).default(def as never).meta(meta({ input: "choice", label, options })),
  /**
   * A page's section instances, in order (the home page's, the product page's below its buy box):
   * each `{ type, settings }` validated by its type's schema, a union built from `defs` (the types
   * offered), at most `max` (`tooMany`: the message past it).
   */
  sections: (defs: readonly SectionDef[], def: SectionInstance[], label: Localized, cap: { max: number; tooMany: string } = { max: MAX_SECTIONS, tooMany: "sections.tooMany" }) => {
    const schema = z
      .array(z.discriminatedUnion("type", defs.map((d) => z.object({ type: z.literal(d.id), settings: d.settings.prefault({}) })) as never))
      .max(cap.max, cap.tooMany)
      // Parsed like a stored list, so each default instance has every setting.
      .prefault(def as never)
      .meta(meta({ input: "sections", label, options: Object.fromEntries(defs.map((d) => [d.id, d.label])) }));
    offered.set(schema, { defs, ...cap });
    return schema as unknown as z.ZodDefault<z.ZodArray<z.ZodType<SectionInstance>>>;
  },
  /** A link a button leads to: a path of the shop ("/collections/lawn") or an https address. */
  link: (def: string, label: Localized) =>
    z
      .string()
      .trim()
      .max(300, "validation.tooLong")
      .refine((v) => v === "" || /^\/(?!\/)\S*$/.test(v) || isHttps(v), "sections.linkInvalid")
      .default(def)
      .meta(meta({ input: "link", label })),
  /** An https address on one of `hosts` (or a subdomain of one), or empty. */
  linkOn: (hosts: readonly string[], label: Localized) =>
    z
      .string()
      .trim()
      .max(200, "validation.tooLong")
      .refine((v) => v === "" || (isHttps(v) && hosts.some((h) => hostIs(v, h))), "sections.hostInvalid")
      .default("")
      .meta(meta({ input: "link", label })),
  /** Items the seller types (testimonials, questions): each an object of `setting.*` fields. */
  list: <T extends Record<string, z.ZodType>>(item: T, max: number, label: Localized) =>
    z
      .array(z.object(item))
      .max(max, "sections.listCap")
      .default([])
      .meta(meta({ input: "list", label })),
  /** One of the shop's collections by its slug; empty: the shop's first collection. */
  collection: (label: Localized) =>
    z.string().trim().max(120, "validation.tooLong").regex(SLUG, "sections.slugInvalid").default("").meta(meta({ input: "collection", label })),
  /** One of the shop's products by its slug (the editor also takes the product's link). */
  product: (label: Localized) =>
    z.string().trim().max(120, "validation.tooLong").regex(SLUG, "sections.slugInvalid").default("").meta(meta({ input: "product", label })),
  image: (label: Localized) => imageRef.nullable().default(null).meta(meta({ input: "image", label })),
};

const SLUG = /^[\p{L}\p{N}_-]*$/u;

function isHttps(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === "https:" && !/\s/.test(v) && !u.username && !u.password;
  } catch {
    return false;
  }
}

const hostIs = (v: string, host: string) => {
  const h = new URL(v).hostname.toLowerCase();
  return h === host || h.endsWith(`.${host}`);
};

/** The section types a sections field offers and its cap, by the field's schema (setting.sections). */
const offered = new WeakMap<z.ZodType, SectionList>();

/** A sections field: the types it offers, its cap and the message past it. */
export interface SectionList {
  defs: readonly SectionDef[];
  max: number;
  tooMany: string;
}

/** The sections fields of every theme: the home page's, and the product page's below its buy box. */
export type SectionsKey = "sections" | "productSections";

/** A sections field of a theme's settings schema: the types it offers and its cap (none: nothing). */
export function sectionListOf(settings: z.ZodType, key: SectionsKey = "sections"): SectionList {
  const shape = (settings as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const field = shape[key];
  return (field && offered.get(field)) || { defs: [], max: 0, tooMany: "sections.tooMany" };
}

/** The section types of a theme's sections field (the home page's unless `key` says otherwise). */
export const sectionDefsOf = (settings: z.ZodType, key: SectionsKey = "sections"): readonly SectionDef[] => sectionListOf(settings, key).defs;

/** The form metadata of a settings field, if it was built with `setting.*`. */
export function settingMeta(schema: z.ZodType): SettingMeta | undefined {
  return schema.meta() as SettingMeta | undefined;
}

/** WCAG relative luminance contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const n = parseInt(hex.slice(1), 16);
    const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/**
 * Refuses settings whose colour pairs (foreground, background) fall below 4.5:1.
 * The issue is reported on the foreground field with the message key "theme.contrast".
 */
export function withContrast<T extends z.ZodObject>(schema: T, pairs: readonly (readonly [string, string])[]) {
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    for (const [fg, bg] of pairs) {
      const a = v[fg];
      const b = v[bg];
      if (typeof a === "string" && typeof b === "string" && contrastRatio(a, b) < 4.5) {
        ctx.addIssue({ code: "custom", path: [fg], message: "theme.contrast" });
      }
    }
  });
}

/** Mixes two #rrggbb colours: `amount` of `a`, the rest of `b`. */
export function mixColour(a: string, b: string, amount: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const ch = (shift: number) =>
    Math.round(((pa >> shift) & 255) * amount + ((pb >> shift) & 255) * (1 - amount))
      .toString(16)
      .padStart(2, "0");
  return `#${ch(16)}${ch(8)}${ch(0)}`;
}

/**
 * A softer text colour (prices struck through, captions) that still reads at 4.5:1 on `bg`:
 * the ink mixed toward the background as far as contrast allows (never below 4.5:1 when the
 * ink itself passes, which withContrast guarantees).
 */
export function mutedColour(ink: string, bg: string): string {
  for (let amount = 0.6; amount < 1; amount += 0.05) {
    const c = mixColour(ink, bg, amount);
    if (contrastRatio(c, bg) >= 4.5) return c;
  }
  return ink;
}
