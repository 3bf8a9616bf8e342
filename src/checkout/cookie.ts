/** Reading and writing the cart cookie on the shop's host (not HttpOnly: cached pages' script reads the count). */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
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
