/**
 * The cart cookie codec. The cart lives in a cookie on the shop's host as `12x2.40x1`
 * (variantId x quantity, joined by '.'): ids and quantities only, never prices. Whatever the
 * browser sends is parsed defensively: bad segments are dropped, quantities clamped to 1..99,
 * duplicates merged, at most MAX_LINES lines, and an oversized value is dropped whole.
 */
import { ID_DIGITS, ID_SOURCE } from "../lib/ids";
export const CART_COOKIE = "hatti_cart";
export const MAX_LINES = 30;
export const MAX_QTY = 99;
/** Longest value we read: 30 lines of the longest id, "x99" and a separator. */
const MAX_COOKIE_CHARS = MAX_LINES * (ID_DIGITS + 4);

export interface CartLine {
  variantId: number;
  quantity: number;
}

export interface ParsedCart {
  lines: CartLine[];
  /** True when what the browser sent was not already the canonical encoding of `lines`. */
  changed: boolean;
}

const SEGMENT = new RegExp(`^(${ID_SOURCE})x([0-9]{1,4})$`);

export function parseCart(raw: string | undefined | null): ParsedCart {
  if (!raw) return { lines: [], changed: false };
  if (raw.length > MAX_COOKIE_CHARS) return { lines: [], changed: true };
  const byId = new Map<number, number>();
  for (const seg of raw.split(".")) {
    const m = SEGMENT.exec(seg);
    if (!m) continue;
    const id = Number(m[1]);
    const qty = Number(m[2]);
    if (qty < 1) continue;
    if (!byId.has(id) && byId.size >= MAX_LINES) continue;
    byId.set(id, Math.min(MAX_QTY, (byId.get(id) ?? 0) + qty));
  }
  const lines = [...byId].map(([variantId, quantity]) => ({ variantId, quantity }));
  return { lines, changed: encodeCart(lines) !== raw };
}

export function encodeCart(lines: readonly CartLine[]): string {
  return lines.map((l) => `${l.variantId}x${l.quantity}`).join(".");
}

export type CartChange = { ok: true; lines: CartLine[] } | { ok: false; reason: "full" };

/** Adds `quantity` of a variant (merged with what is there, capped at MAX_QTY). */
export function addLine(lines: readonly CartLine[], variantId: number, quantity: number): CartChange {
  const existing = lines.find((l) => l.variantId === variantId);
  if (existing) {
    return {
      ok: true,
      lines: lines.map((l) => (l.variantId === variantId ? { variantId, quantity: Math.min(MAX_QTY, l.quantity + quantity) } : l)),
    };
  }
  if (lines.length >= MAX_LINES) return { ok: false, reason: "full" };
  return { ok: true, lines: [...lines, { variantId, quantity: Math.min(MAX_QTY, quantity) }] };
}

/** Sets a line's quantity; 0 removes it. A variant not in the cart is left alone. */
export function setLine(lines: readonly CartLine[], variantId: number, quantity: number): CartLine[] {
  if (quantity <= 0) return removeLine(lines, variantId);
  return lines.map((l) => (l.variantId === variantId ? { variantId, quantity: Math.min(MAX_QTY, quantity) } : l));
}

export function removeLine(lines: readonly CartLine[], variantId: number): CartLine[] {
  return lines.filter((l) => l.variantId !== variantId);
}

export function cartCount(lines: readonly CartLine[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}
