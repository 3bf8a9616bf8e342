/** isoAt writes exactly what Date's toISOString does, from dateAndTime's kept minute (src/i18n/format.ts). */
import { describe, expect, it } from "vitest";
import { dateAndTime, isoAt } from "./format";

describe("isoAt", () => {
  it("is toISOString at every second and millisecond of a minute, across days, years and both locales", () => {
    const moments = [
      0, 1, 999, 1_000, 59_999, 60_000, -1, -60_001, 951_782_400_000 /* 29 Feb 2000 */, 4_102_444_799_999 /* the last ms of 2099 */,
      ...Array.from({ length: 2_000 }, (_, k) => 1_750_000_000_000 + k * 7_919),
      ...Array.from({ length: 1_000 }, (_, k) => 1_764_633_600_000 + k * 86_399_999), // across days, from 2 Dec 2025
    ];
    for (const ms of moments) for (const locale of ["en", "ur"] as const) expect(isoAt(ms, dateAndTime(ms, locale))).toBe(new Date(ms).toISOString());
  });
});
