/**
 * Message catalogues and formatting. Every string a user sees comes from en/ and ur/;
 * ur/ is typed against en/, so a missing Urdu string (or plural form) fails the type-check.
 */
import { en, type MessageKey } from "./en";
import type { Message, PluralForms, PluralKey } from "./plural";
import { ur } from "./ur";

export const LOCALES = ["en", "ur"] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };
export type { Message, PluralForms };

const catalogues: Record<Locale, Record<MessageKey, Message>> = { en, ur };

export type TParams = Record<string, string | number>;
/** A plural message (src/i18n/plural.ts) needs its `count`; any other message takes optional params. */
export type TFunction = <K extends MessageKey>(
  key: K,
  ...params: K extends PluralKey<typeof en> ? [params: TParams & { count: number }] : [params?: TParams]
) => string;

export interface Messages {
  locale: Locale;
  dir: "ltr" | "rtl";
  t: TFunction;
}

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "ur";
}

/** The form of a plural message for `count`; without a numeric count, `other`. */
function pick(forms: PluralForms, rules: Intl.PluralRules, count: unknown): string {
  return typeof count === "number" ? (forms[rules.select(count)] ?? forms.other) : forms.other;
}

function build(locale: Locale): Messages {
  const cat = catalogues[locale];
  // One PluralRules a locale, made on the first plural message (t() is on every page's path).
  let rules: Intl.PluralRules | undefined;
  const t = (key: MessageKey, params?: TParams): string => {
    const message = cat[key] ?? en[key] ?? key;
    const text = typeof message === "string" ? message : pick(message, (rules ??= new Intl.PluralRules(locale)), params?.count);
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
  return { locale, dir: locale === "ur" ? "rtl" : "ltr", t: t as TFunction };
}

/** Built once a locale per isolate: `messages()` is called several times a request. */
const built: Partial<Record<Locale, Messages>> = {};

export function messages(locale: Locale): Messages {
  return (built[locale] ??= build(locale));
}

export { formatMoney, formatDate, formatNumber, minorUnits } from "./format";
