/** Calendar days in Asia/Karachi (UTC+5 all year: Pakistan has no daylight saving time). */
export const PKT_OFFSET_MS = 5 * 3600_000;
export const DAY_MS = 86_400_000;

/** "2026-11-28" -> the instant that day starts in Karachi; null for a date that does not exist. */
export function karachiDayStart(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms - PKT_OFFSET_MS;
}

/** The Karachi calendar day of an instant, as "YYYY-MM-DD". */
export function karachiDate(ms: number): string {
  return new Date(ms + PKT_OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:mm" in Karachi time. */
export function karachiDateTime(ms: number): string {
  return new Date(ms + PKT_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** Day number (days since the epoch, Karachi calendar) of an instant. */
export function karachiDayIndex(ms: number): number {
  return Math.floor((ms + PKT_OFFSET_MS) / DAY_MS);
}
