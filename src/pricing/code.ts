/**
 * A discount code as customers type it and links carry it (`/?code=EID10`): case-insensitive,
 * so kept upper case; letters, digits, `-` and `_`, CODE_MIN to CODE_MAX of them. The admin's
 * form (src/discounts) and the cart read the rule here.
 */
const CODE_MIN = 3;
export const CODE_MAX = 24;
const CODE_RE = new RegExp(`^[A-Z0-9_-]{${CODE_MIN},${CODE_MAX}}$`);

/** The code in its stored form, or null when it cannot be one. */
export function normalizeCode(raw: string | null | undefined): string | null {
  if (!raw || raw.length > CODE_MAX + 8) return null;
  const code = raw.trim().toUpperCase();
  return CODE_RE.test(code) ? code : null;
}
