/**
 * Message catalogues and formatting. Every string a user sees comes from en/ and ur/;
 * ur/ is typed against en/, so a missing Urdu string fails the type-check.
 */
import { en, type MessageKey } from "./en";
import { ur } from "./ur";

export const LOCALES = ["en", "ur"] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, ur };

export type TParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: TParams) => string;

export interface Messages {
  locale: Locale;
  dir: "ltr" | "rtl";
  t: TFunction;
}

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "ur";
}

export function messages(locale: Locale): Messages {
  const cat = catalogues[locale];
  const t: TFunction = (key, params) => {
    const text = cat[key] ?? en[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) =>
      name in params ? String(params[name]) : m,
    );
  };
  return { locale, dir: locale === "ur" ? "rtl" : "ltr", t };
}

export { formatMoney, formatDate, formatNumber, minorUnits } from "./format";
