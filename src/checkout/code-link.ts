/**
 * A shared code link, `/?code=EID10` or any storefront page with `?code=`: the code goes on the
 * customer's cart (its cookie) and she lands on the page without the parameter, so the page is
 * the cached one every visitor gets. What became of the code (applied, or why not, priced by
 * the one rule for her cart) travels in a one-time cookie that the page's script shows
 * (src/client/cart-count.ts); the cart and checkout say it too, without JavaScript.
 */
import type { MiddlewareHandler } from "hono";
import { setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { normalizeCode } from "../pricing/code";
import { quoteCart } from "../pricing/facts";
import { priceQuote } from "../pricing/price";
import { personalContext } from "./views/frame";
import { codeSentence } from "./views/Discounts";
import { cartCount } from "./cart";
import { readCart, writeCode } from "./cookie";

/** The one-time notice's cookie (read and removed by the page's script). */
const NOTE_COOKIE = "hatti_note";

export function codeLink(): MiddlewareHandler<AppEnv> {
  return async function codeLinkParam(c, next) {
    const raw = c.req.method === "GET" ? c.req.query("code") : undefined;
    if (raw === undefined) return next();
    const url = new URL(c.req.url);
    url.searchParams.delete("code");
    const code = normalizeCode(raw);
    if (code) {
      const { lines } = readCart(c);
      const quote = await quoteCart(c.get("db"), c.get("shop").id, lines, { code });
      const ctx = personalContext(c.get("shop"), c.req.url, cartCount(lines));
      const priced = priceQuote(quote, quote.zones[0] ?? null, Date.now());
      const state = priced.code!;
      // An empty cart cannot show a discount yet: a code that exists is kept and said applied.
      const fine = state.status === "applied" || (state.status === "noLines" && lines.length === 0);
      const note = fine ? ctx.t("pricing.code.linked", { code }) : ctx.t("pricing.code.linkedNot", { code, reason: codeSentence(ctx, state) });
      writeCode(c, code);
      setCookie(c, NOTE_COOKIE, note, { path: "/", sameSite: "Lax", secure: url.protocol === "https:", httpOnly: false, maxAge: 300 });
    }
    c.header("cache-control", "private, no-store");
    return c.redirect(url.pathname + url.search, 303);
  };
}
