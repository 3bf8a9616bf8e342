import type { Context } from "hono";
import type { AppEnv } from "../env";
import { messages, type Messages } from "../i18n";

/** What every admin page passes to AdminShell: language, CSRF token, the shop, the orders badge. */
export interface AdminChrome {
  m: Messages;
  csrf: string;
  shop: { slug: string; name: string };
  newOrders: number;
  role: "owner" | "staff";
  /** The page she is on (path and query): the top bar's language switch returns to it. */
  here: string;
}

const herePath = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

export function adminChrome(c: Context<AppEnv>): AdminChrome {
  return {
    m: messages(c.var.locale),
    csrf: c.var.csrfToken,
    shop: { slug: c.var.shop.slug, name: c.var.shop.name },
    newOrders: c.var.newOrders ?? 0,
    role: c.var.role,
    here: herePath(c.req.url),
  };
}
