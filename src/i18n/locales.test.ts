/**
 * The languages are one list: every catalogue folder under src/i18n is registered, and every
 * registered language has a catalogue with every message, its plural forms, a name in every
 * language, a direction, an Intl tag that formats in that language, and the fonts it asks for.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { formatMoney, isLocale, language, LOCALES, messages, type Locale } from "./index";

describe("languages", () => {
  it("every catalogue folder is a registered language, and every language has its folder", () => {
    expect([...env.LOCALE_FOLDERS].sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)("%s: every message, with English's plural forms", (l) => {
    const cat = language(l).catalogue;
    for (const [key, message] of Object.entries(en)) {
      const own = cat[key as keyof typeof en];
      expect(own, `${l} lacks ${key}`).toBeDefined();
      expect(typeof own, `${l} ${key}`).toBe(typeof message);
      // A plural message has English's forms; a plain one is a string in every language.
      const forms = (m: unknown) => (typeof m === "object" && m ? Object.keys(m).sort() : typeof m);
      expect(forms(own), `${l} ${key}`).toEqual(forms(message));
    }
  });

  it.each(LOCALES)("%s: named in every language, a direction, Intl formatting in itself", (l) => {
    for (const other of LOCALES) expect(messages(other).t(`common.language.${l}` as "common.language.en")).not.toMatch(/^common\./);
    expect(["ltr", "rtl"]).toContain(language(l).dir);
    expect(new Intl.NumberFormat(language(l).intl).resolvedOptions().locale.split("-")[0]).toBe(l);
    expect(formatMoney(150_000, "PKR", l)).toMatch(/1[,٬]?500|۱٬?۵۰۰/);
    expect(isLocale(l)).toBe(true);
  });

  it("knows nothing else as a language", () => {
    for (const x of ["", "EN", "fr", "toString", "__proto__", "constructor"]) expect(isLocale(x as Locale)).toBe(false);
  });
});
