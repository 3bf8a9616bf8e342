/**
 * Log-in identities: a Pakistani mobile number normalised to E.164 (+92...), or an email.
 * Accepts 03001234567, 0300-1234567, 0300 1234567, 3001234567, 923001234567, +92 300 1234567,
 * 0092300...; Urdu/Arabic-Indic digits too.
 */
export type Identity = { kind: "phone"; value: string } | { kind: "email"; value: string };

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Converts Urdu (Extended Arabic-Indic) and Arabic-Indic digits to ASCII. */
export function asciiDigits(s: string): string {
  return s
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** +923001234567 for a Pakistani mobile number, else null. */
export function normalizePakPhone(input: string): string | null {
  let s = asciiDigits(input).trim().replace(/[\s\-().]/g, "");
  if (s.startsWith("00")) s = `+${s.slice(2)}`;
  if (s.startsWith("+92")) s = s.slice(3);
  else if (s.startsWith("92") && s.length === 12) s = s.slice(2);
  else if (s.startsWith("0")) s = s.slice(1);
  // Mobile numbers: 3xx followed by 7 digits.
  return /^3\d{9}$/.test(s) ? `+92${s}` : null;
}

export function normalizeEmail(input: string): string | null {
  const s = input.trim().toLowerCase();
  return s.length <= 254 && EMAIL_RE.test(s) ? s : null;
}

export function parseIdentity(input: string): Identity | null {
  const trimmed = input.trim();
  if (trimmed.includes("@")) {
    const email = normalizeEmail(trimmed);
    return email ? { kind: "email", value: email } : null;
  }
  const phone = normalizePakPhone(trimmed);
  return phone ? { kind: "phone", value: phone } : null;
}
