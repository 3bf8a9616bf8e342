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

/** Language ranges read from one Accept-Language header (a browser sends a handful). */
const MAX_RANGES = 20;

/**
 * The language a browser asks for first among LOCALES, from its Accept-Language header
 * (`ur-PK,ur;q=0.9,en;q=0.8`): ranges by their q-value (1 when absent; 0 and malformed ones
 * dropped), equal ones in the header's order, each matched on its primary subtag. Null when none
 * matches, or a wildcard comes first (any language will do: the caller's default).
 */
export function preferredLocale(header: string | undefined | null): Locale | null {
  if (!header) return null;
  const ranges: { tag: string; q: number; at: number }[] = [];
  for (const [at, part] of header.split(",", MAX_RANGES).entries()) {
    const [range = "", ...params] = part.split(";").map((x) => x.trim());
    let q = 1;
    for (const p of params) {
      if (!/^q=/i.test(p)) continue;
      const m = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.exec(p);
      q = m ? Number(m[1]) : 0;
    }
    if (q > 0 && /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/i.test(range)) ranges.push({ tag: range.toLowerCase(), q, at });
  }
  ranges.sort((a, b) => b.q - a.q || a.at - b.at);
  for (const { tag } of ranges) {
    if (tag === "*") return null;
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return null;
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
