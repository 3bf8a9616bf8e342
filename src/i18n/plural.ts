/**
 * Plural messages. A catalogue entry is a string, or an object of CLDR plural forms selected by
 * the numeric `count` param through `Intl.PluralRules` (English and Urdu both have `one` and
 * `other`). Another locale mirrors English's shape: where English has plural forms, it has the
 * same forms, no more and no fewer; where English has a string, a string.
 */

/** A message's plural forms: `other` always, then the locale's other CLDR categories. */
export type PluralForms = { readonly other: string } & { readonly [C in Exclude<Intl.LDMLPluralRule, "other">]?: string };

export type Message = string | PluralForms;

/** The shape another locale's catalogue must have, given English's (`typeof en`). */
export type Mirror<T> = {
  [K in keyof T]: T[K] extends string ? string : { readonly [F in keyof T[K]]: string } & { readonly [F in Exclude<Intl.LDMLPluralRule, keyof T[K]>]?: never };
};

/** The keys of `T` whose message has plural forms: `t()` requires a numeric `count` for them. */
export type PluralKey<T> = { [K in keyof T]: T[K] extends string ? never : K }[keyof T];
