/**
 * Builders for theme settings. Each field is a zod schema with a default and `.meta()`
 * describing how the admin's generated form shows it (input kind, label in every locale).
 * A theme's settings schema is a z.object of these fields.
 */
import { z } from "zod";
import type { Localized } from "./theme";

type SettingInput = "colour" | "image" | "text" | "textarea" | "toggle" | "choice" | "sections" | "number";

export interface SettingMeta {
  input: SettingInput;
  label: Localized;
  /** Labels of the values of a choice or sections field. */
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
  sections: <T extends string>(values: readonly [T, ...T[]], def: T[], label: Localized, options: Record<T, Localized>) =>
    z
      .array(z.enum(values))
      .max(values.length)
      .default(def as never)
      .meta(meta({ input: "sections", label, options })),
  image: (label: Localized) => imageRef.nullable().default(null).meta(meta({ input: "image", label })),
};

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
