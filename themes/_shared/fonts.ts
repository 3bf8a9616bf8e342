import { language, type Locale } from "../../src/i18n";

/**
 * Font stacks from fonts already on the phone or computer (no web font is downloaded; see
 * docs/themes-type.md for what Android, iOS and Windows ship and why). Each stack names the
 * fonts in the order a shopper's device most likely has them: Apple first (their names only
 * match there), then Windows, then Linux, then a family Android declares by name (Android maps
 * Georgia, Times and Palatino to its `serif`, Noto Serif, and Arial and Helvetica to Roboto).
 * Urdu text gets the language's Nastaliq/Naskh stack first (src/i18n): stock Android draws
 * Arabic script with Noto Naskh Arabic whatever the page asks for.
 */
export const FONT_CHOICES = ["serif", "sans", "rounded", "mono", "humanist", "display"] as const;
export type FontChoice = (typeof FONT_CHOICES)[number];

export const FONT_LABELS = {
  serif: { en: "Elegant (serif)", ur: "نفیس (سیرف)" },
  sans: { en: "Clean (sans-serif)", ur: "صاف (سینز سیرف)" },
  rounded: { en: "Friendly (rounded)", ur: "دوستانہ (گول)" },
  mono: { en: "Typewriter (mono)", ur: "ٹائپ رائٹر (مونو)" },
  humanist: { en: "Warm (humanist)", ur: "گرم جوش (ہیومنسٹ)" },
  display: { en: "Fine display (thin serif)", ur: "نمایاں (باریک سیرف)" },
} as const;

const STACKS: Record<FontChoice, string> = {
  serif: 'Charter,"Iowan Old Style","Palatino Linotype",Georgia,"Noto Serif","DejaVu Serif",serif',
  sans: 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif',
  rounded: 'ui-rounded,"SF Pro Rounded","Hiragino Maru Gothic ProN",Quicksand,Comfortaa,Nunito,"Arial Rounded MT Bold",Calibri,source-sans-pro,sans-serif',
  mono: 'ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace',
  humanist: 'Seravek,"Gill Sans Nova","Segoe UI",Ubuntu,Calibri,source-sans-pro,Roboto,sans-serif',
  display: 'Didot,"Bodoni 72","Bodoni MT","Noto Serif Display",Constantia,Georgia,"Noto Serif",serif',
};

/** The theme's stack, after the fonts the language asks for first (src/i18n: Urdu's Nastaliq). */
export function fontStack(choice: string, locale: Locale): string {
  const base = STACKS[choice as FontChoice] ?? STACKS.sans;
  const first = language(locale).fonts;
  return first ? `${first},${base}` : base;
}
