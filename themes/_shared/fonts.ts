import { language, type Locale } from "../../src/i18n";

/**
 * Font stacks from fonts already on the phone (no web fonts are downloaded). Urdu text gets a
 * Nastaliq/Naskh stack first: Android ships Noto Naskh/Nastaliq Urdu, Windows has Urdu
 * Typesetting and Segoe UI, iOS has Noto Nastaliq Urdu; many Urdu readers' computers have
 * Jameel Noori Nastaleeq or Nafees.
 */
export const FONT_CHOICES = ["serif", "sans", "rounded", "mono"] as const;
export type FontChoice = (typeof FONT_CHOICES)[number];

export const FONT_LABELS = {
  serif: { en: "Elegant (serif)", ur: "نفیس (سیرف)" },
  sans: { en: "Clean (sans-serif)", ur: "صاف (سینز سیرف)" },
  rounded: { en: "Friendly (rounded)", ur: "دوستانہ (گول)" },
  mono: { en: "Typewriter (mono)", ur: "ٹائپ رائٹر (مونو)" },
} as const;

const STACKS: Record<FontChoice, string> = {
  serif: 'Georgia,"Iowan Old Style","Times New Roman",serif',
  sans: 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif',
  rounded: 'ui-rounded,"SF Pro Rounded","Nunito","Varela Round",system-ui,sans-serif',
  mono: 'ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace',
};

/** The theme's stack, after the fonts the language asks for first (src/i18n: Urdu's Nastaliq). */
export function fontStack(choice: string, locale: Locale): string {
  const base = STACKS[choice as FontChoice] ?? STACKS.sans;
  const first = language(locale).fonts;
  return first ? `${first},${base}` : base;
}
