/** Log-in identities: a Pakistani mobile number normalised to E.164 (src/lib/phone.ts), or an email. */
import { normalizePakPhone } from "../lib/phone";

export type Identity = { kind: "phone"; value: string } | { kind: "email"; value: string };

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

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
