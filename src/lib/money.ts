/**
 * Money typed by a seller, in rupees ("1,499", "1,00,000", "1499.50", Urdu digits too),
 * converted to paisa. Problems come back as catalogue keys for the form.
 */
import { asciiDigits } from "./phone";

/** 10 crore rupees: the largest price a seller may type. */
const MAX_PRICE_RUPEES = 100_000_000;
const MAX_PRICE_MINOR = MAX_PRICE_RUPEES * 100;

export type MoneyResult = { ok: true; minor: number } | { ok: false; error: "validation.priceNegative" | "validation.price" | "validation.priceTooHigh" };

export function parseRupees(input: string): MoneyResult {
  const s = asciiDigits(input).trim().replace(/^(rs\.?|pkr|₨)\s*/i, "").replace(/\s/g, "");
  if (s.startsWith("-")) return { ok: false, error: "validation.priceNegative" };
  if (!/^\d[\d,]*(\.\d{1,2})?$/.test(s) || /,,|,\./.test(s)) return { ok: false, error: "validation.price" };
  const [whole, frac = ""] = s.replace(/,/g, "").split(".");
  if (whole!.length > 12) return { ok: false, error: "validation.priceTooHigh" };
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  if (minor > MAX_PRICE_MINOR) return { ok: false, error: "validation.priceTooHigh" };
  return { ok: true, minor };
}

/** Paisa -> the plain rupee string a form shows ("1499" or "1499.50"). */
export function rupeesText(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  const whole = Math.floor(minor / 100);
  const frac = minor % 100;
  return frac ? `${whole}.${String(frac).padStart(2, "0")}` : String(whole);
}

export type StockResult = { ok: true; stock: number } | { ok: false; error: "validation.stock" | "validation.stockNegative" };

/** A stock count: a whole number from 0 to 1,000,000; empty means 0. */
export function parseStock(input: string): StockResult {
  const s = asciiDigits(input).trim().replace(/,/g, "");
  if (s === "") return { ok: true, stock: 0 };
  if (/^-\d+$/.test(s)) return { ok: false, error: "validation.stockNegative" };
  if (!/^\d{1,7}$/.test(s) || Number(s) > 1_000_000) return { ok: false, error: "validation.stock" };
  return { ok: true, stock: Number(s) };
}
