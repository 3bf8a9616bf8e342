import type { Locale } from "./index";

const intlLocale = (locale: Locale) => (locale === "ur" ? "ur-PK" : "en-PK");
const cache = new Map<string, Intl.NumberFormat>();

/** Minor units per major unit for a currency (PKR: 100 paisa). */
export function minorUnits(currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** Formats an amount in minor units, e.g. 150000 PKR -> "Rs 1,500". Whole amounts drop decimals. */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const scale = minorUnits(currency);
  const whole = amountMinor % scale === 0;
  const key = `${locale}|${currency}|${whole}`;
  let fmt = cache.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(intlLocale(locale), {
      style: "currency",
      currency,
      minimumFractionDigits: whole ? 0 : undefined,
      maximumFractionDigits: whole ? 0 : undefined,
    });
    cache.set(key, fmt);
  }
  return fmt.format(amountMinor / scale);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

export function formatDate(ms: number, locale: Locale, withTime = true): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: withTime ? "short" : undefined,
    timeZone: "Asia/Karachi",
  }).format(new Date(ms));
}
