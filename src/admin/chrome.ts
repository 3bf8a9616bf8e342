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
    m: messages(c.get("locale")),
    csrf: c.get("csrfToken"),
    shop: { slug: c.get("shop").slug, name: c.get("shop").name },
    newOrders: c.get("newOrders") ?? 0,
    role: c.get("role"),
    here: herePath(c.req.url),
  };
}
