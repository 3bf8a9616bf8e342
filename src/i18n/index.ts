/**
 * The languages Hatti speaks, their catalogues and formatting. Every string a user sees comes
 * from a catalogue folder (en/, ur/); each is typed against en/, so a missing string (or plural
 * form) fails the type-check. A third language is a catalogue folder and one line in LANGUAGES.
 */
import { en, type MessageKey } from "./en";
import type { Message, PluralForms, PluralKey } from "./plural";
import { ur } from "./ur";

export interface Language {
  catalogue: Record<MessageKey, Message>;
  dir: "ltr" | "rtl";
  /** The BCP 47 tag Intl formats numbers, money and dates with (Pakistan's conventions). */
  intl: string;
  /** The Open Graph locale of shared links. */
  og: string;
  /** Fonts put before a theme's own, for a script its stack may lack (Urdu's Nastaliq). */
  fonts: string;
}

/** One line a language: the rest of the app (types, schema enums, dir, Intl, fonts) reads it from here. */
const LANGUAGES = {
  en: { catalogue: en, dir: "ltr", intl: "en-PK", og: "en_PK", fonts: "" },
  ur: { catalogue: ur, dir: "rtl", intl: "ur-PK", og: "ur_PK", fonts: '"Noto Nastaliq Urdu","Jameel Noori Nastaleeq","Urdu Typesetting","Noto Naskh Arabic","Nafees Web Naskh","Noto Sans Arabic","Segoe UI",Tahoma' },
} as const satisfies Record<string, Language>;

export type Locale = keyof typeof LANGUAGES;
/** Every locale, the default first (a tuple, for zod and drizzle enums). */
export const LOCALES = Object.keys(LANGUAGES) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = "en";
export type { MessageKey };
export type { Message };

/** What the app knows of a language. */
export const language = (locale: Locale): Language => LANGUAGES[locale];

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
  return typeof value === "string" && Object.hasOwn(LANGUAGES, value);
}

/** The form of a plural message for `count`; without a numeric count, `other`. */
function pick(forms: PluralForms, rules: Intl.PluralRules, count: unknown): string {
  return typeof count === "number" ? (forms[rules.select(count)] ?? forms.other) : forms.other;
}

function build(locale: Locale): Messages {
  const cat = LANGUAGES[locale].catalogue;
  // One PluralRules a locale, made on the first plural message (t() is on every page's path).
  let rules: Intl.PluralRules | undefined;
  const t = (key: MessageKey, params?: TParams): string => {
    const message = cat[key] ?? en[key] ?? key;
    const text = typeof message === "string" ? message : pick(message, (rules ??= new Intl.PluralRules(locale)), params?.count);
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
  return { locale, dir: LANGUAGES[locale].dir, t: t as TFunction };
}

/** Built once a locale per isolate: `messages()` is called several times a request. */
const built: Partial<Record<Locale, Messages>> = {};

export function messages(locale: Locale): Messages {
  return (built[locale] ??= build(locale));
}

export { formatMoney, formatDate, dateAndTime, minorUnits } from "./format";
