import { language, type Locale } from "./index";

const intlLocale = (locale: Locale) => language(locale).intl;
/** Formatters by (locale, currency, whole), each with the strings it has made (prices repeat). */
const cache = new Map<string, { fmt: Intl.NumberFormat; made: Map<number, string> }>();
const MAX_MADE = 2_000;

/**
 * ISO 4217 exponents that are not 2. Intl's fraction digits follow CLDR display rules (it shows
 * PKR with 0 decimals) and must not be used to convert the stored minor units (paisa).
 */
const ISO_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XAF: 0, XOF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3 };

/** Minor units per major unit for a currency (PKR: 100 paisa). */
export function minorUnits(currency: string): number {
  return 10 ** (ISO_DIGITS[currency.toUpperCase()] ?? 2);
}

/** Formats an amount in minor units, e.g. 150000 PKR -> "Rs 1,500". Whole amounts drop decimals. */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const scale = minorUnits(currency);
  const whole = amountMinor % scale === 0;
  const key = `${locale}|${currency}|${whole}`;
  let entry = cache.get(key);
  if (!entry) {
    const fmt = new Intl.NumberFormat(intlLocale(locale), {
      style: "currency",
      currency,
      minimumFractionDigits: whole ? 0 : Math.log10(scale),
      maximumFractionDigits: whole ? 0 : Math.log10(scale),
    });
    cache.set(key, (entry = { fmt, made: new Map() }));
  }
  let text = entry.made.get(amountMinor);
  if (text === undefined) {
    text = entry.fmt.format(amountMinor / scale);
    if (entry.made.size >= MAX_MADE) entry.made.clear();
    entry.made.set(amountMinor, text);
  }
  return text;
}


/**
 * Date formatters by (locale, with time), built once per isolate: an Intl.DateTimeFormat costs
 * far more to build than to use (building one per row was 40% of the admin orders list's CPU).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let fmt = dateFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: withTime ? "short" : undefined, timeZone: "Asia/Karachi" });
    dateFormats.set(key, fmt);
  }
  return fmt;
}

/**
 * A date and its time apart, in the locale's own words and separator: the time (digits and
 * AM/PM) is shown as a left-to-right island in Urdu, where the bidi algorithm would otherwise
 * draw "8:20 PM" as "PM 8:20".
 */
export function dateAndTime(ms: number, locale: Locale): { date: string; time: string } {
  // The text shows minutes, so every moment of a minute reads the same: kept by minute (a list
  // shows the same orders' dates again on every visit), the kept texts bounded like the prices'.
  const key = `${locale}|${Math.floor(ms / 60_000)}`;
  let made = datesMade.get(key);
  if (!made) {
    const parts = dateFormat(locale, true).formatToParts(new Date(ms));
    const at = parts.findIndex((p) => p.type === "hour");
    const text = (ps: Intl.DateTimeFormatPart[]) => ps.map((p) => p.value).join("");
    made = Object.freeze({ date: text(parts.slice(0, at)), time: text(parts.slice(at)) });
    if (datesMade.size >= MAX_MADE) datesMade.clear();
    datesMade.set(key, made);
  }
  return made;
}
const datesMade = new Map<string, { date: string; time: string }>();

export function formatDate(ms: number, locale: Locale, withTime = true): string {
  return dateFormat(locale, withTime).format(new Date(ms));
}
