/**
 * The seller's abandoned checkouts under /admin/:shop/abandoned (owners and staff, as orders):
 * the list, and the reminder button, which marks the intent reminded and hands her over to
 * WhatsApp with the prefilled message. Personal data: every answer is no-store.
 */
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { adminChrome } from "../admin/chrome";
import type { Scope } from "../db/client";
import type { AppEnv } from "../env";
import { renderPage } from "../lib/render";
import { originFor } from "../tenancy/host";
import { abandonedRead, parseCursor, remind } from "./abandoned";
import { adminPage } from "../admin/page";
import { mapRead } from "../db/page-read";
import { reminderLink } from "./reminder";
import { AbandonedPage } from "./views/AbandonedPage";
import { ID_ROUTE } from "../lib/ids";

export const abandonedAdmin = new Hono<AppEnv>();
type C = Context<AppEnv>;

const scope = (c: C): Scope => ({ db: c.get("db"), shopId: c.get("shop").id });

abandonedAdmin.use("*", async function abandonedNoStore(c, next) {
  await next();
  c.res.headers.set("cache-control", "private, no-store");
});

abandonedAdmin.get(
  "/",
  adminPage(
    (c) => {
      const after = parseCursor(c.req.query("after"));
      return mapRead(abandonedRead(after), (page) => ({ page, paged: after !== null }));
    },
    (c, { page, paged }) => renderPage(c, <AbandonedPage {...adminChrome(c)} page={page} currency={c.get("shop").currency} paged={paged} />),
  ),
);

abandonedAdmin.post(`/:id${ID_ROUTE}/remind`, async (c) => {
  const intent = await remind(scope(c), Number(c.req.param("id")));
  if (!intent) throw new HTTPException(404);
  const shop = c.get("shop");
  return c.redirect(reminderLink(intent, shop, originFor(c.req.url, c.env.ROOT_DOMAIN, shop.slug)), 303);
});
