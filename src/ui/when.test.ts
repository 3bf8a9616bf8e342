/**
 * A date and time as markup (whenHtml, src/ui/bits.tsx): its `datetime` is the moment's ISO text,
 * and its words, kept by minute (src/i18n/format.ts dateAndTime), are exactly that moment's own.
 */
import { describe, expect, it } from "vitest";
import { dateAndTime, formatDate } from "../i18n";
import { whenHtml } from "./bits";

describe("whenHtml", () => {
  it("writes the moment's ISO time and its own words at every second of a minute, across days, years and both locales", () => {
    const moments = [
      0, 1, 999, 1_000, 59_999, 60_000, -1, -60_001, 951_782_400_000 /* 29 Feb 2000 */, 4_102_444_799_999 /* the last ms of 2099 */,
      ...Array.from({ length: 2_000 }, (_, k) => 1_750_000_000_000 + k * 7_919),
      ...Array.from({ length: 1_000 }, (_, k) => 1_764_633_600_000 + k * 86_399_999), // across days, from 2 Dec 2025
    ];
    for (const ms of moments) {
      for (const locale of ["en", "ur"] as const) {
        const { date, time } = dateAndTime(ms, locale);
        expect(whenHtml(ms, locale).markup).toBe(`<time datetime="${new Date(ms).toISOString()}">${date}<bdi dir="ltr">${time}</bdi></time>`);
        expect(date + time, `${ms} ${locale}`).toBe(formatDate(ms, locale));
      }
    }
  });
});
