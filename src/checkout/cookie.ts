/** Reading and writing the cart and discount-code cookies on the shop's host (not HttpOnly: cached pages' script reads them). */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { normalizeCode } from "../pricing/code";
import { CART_COOKIE, encodeCart, parseCart, type CartLine, type ParsedCart } from "./cart";

export function readCart(c: Context): ParsedCart {
  return parseCart(getCookie(c, CART_COOKIE));
}

export function writeCart(c: Context, lines: readonly CartLine[]): void {
  const secure = new URL(c.req.url).protocol === "https:";
  if (lines.length === 0) {
    deleteCookie(c, CART_COOKIE, { path: "/", secure });
    return;
  }
  setCookie(c, CART_COOKIE, encodeCart(lines), {
    path: "/",
    sameSite: "Lax",
    secure,
    httpOnly: false,
    maxAge: 30 * 24 * 3600,
  });
}

/** The discount code the customer entered or followed a link with (`/?code=EID10`), on the shop's host. */
const CODE_COOKIE = "hatti_code";

export function readCode(c: Context): string | null {
  return normalizeCode(getCookie(c, CODE_COOKIE));
}

/** Keeps a code for the cart (null forgets it). Not HttpOnly: cached pages' script says it is applied. */
export function writeCode(c: Context, code: string | null): void {
  const secure = new URL(c.req.url).protocol === "https:";
  if (!code) {
    deleteCookie(c, CODE_COOKIE, { path: "/", secure });
    return;
  }
  setCookie(c, CODE_COOKIE, code, { path: "/", sameSite: "Lax", secure, httpOnly: false, maxAge: 14 * 24 * 3600 });
}
