/**
 * An admin page in ONE D1 round trip: the seller's session, her membership of the shop in the URL
 * (with the shop's record and the new-orders badge) and the page's own reads go in one batch.
 *
 * A page declares its read (`adminPage(read, render)`): `read(c)` takes only the request (query,
 * route params) and returns a PageRead (src/db/page-read.ts) whose statements filter by a
 * ShopRef. loadAdminShop (./load-shop.ts) sees that the route answering a GET is such a page,
 * and runs [the session check, ...the page's statements] with the ShopRef being the SQL of the
 * session's shop (src/auth/session.ts `sessionShopSql`): a statement reads nothing unless the
 * session is live and its user a member of that shop, so a stranger's batch returns no rows even
 * before the check's answer is read. Then, exactly as attachUser, requireUser and loadAdminShop
 * would: no session -> to the log-in page; not a member -> 404; else c.var.user, shop, role and
 * badge are set and the handler renders the page's data. Writes (any other method) keep the
 * middleware path: they read the session first, then act.
 *
 * The check's SQL is a template (built once per isolate), and so are a page's statements when its
 * read gives them as templates (PageRead `bind`): building SQL through drizzle on every request
 * was a quarter of the orders list's CPU.
 */
import type { Context, Handler, Next } from "hono";
import { HTTPException } from "hono/http-exception";
import { matchedRoutes } from "hono/route";
import { CHECKS_SESSION_ITSELF, setUser, toLogin } from "../auth/guard";
import { sessionId, sessionShopBound, sessionShopOf, sessionShopSlot, sessionShopSql, sessionToken, setSessionShop } from "../auth/session";
import { runRead, type PageRead } from "../db/page-read";
import { boundOf, runTemplates } from "../db/template";
import type { AppEnv } from "../env";
import { toShop } from "../tenancy/shop-cache";

type C = Context<AppEnv>;
type Read = (c: C) => PageRead<unknown>;

/** Each batched request's page data, for its handler. */
const loaded = new WeakMap<Request, unknown>();

/** A GET handler whose page is read in the batch of the seller's session check (see above). */
export function adminPage<T>(read: (c: C) => PageRead<T>, render: (c: C, data: T) => Response | Promise<Response>): Handler<AppEnv> {
  const handler: Handler<AppEnv> = async function adminPageHandler(c) {
    // Not batched (never expected: the same test marks it for loadAdminShop): read it alone.
    const data = loaded.has(c.req.raw) ? (loaded.get(c.req.raw) as T) : await runRead(c.var.db, c.var.shop.id, read(c));
    return render(c, data);
  };
  return Object.assign(handler, { [CHECKS_SESSION_ITSELF]: read as Read });
}

/** loadAdminShop's path for a page whose handler (at `index` among the matched routes) is an adminPage. */
export async function loadPageWithSession(c: C, index: number, next: Next): Promise<Response | void> {
  const id = await sessionId(sessionToken(c));
  if (!id) return toLogin(c);
  const slug = c.req.param("shop") ?? "";
  const read = (matchedRoutes(c)[index]!.handler as unknown as Record<symbol, Read>)[CHECKS_SESSION_ITSELF]!;
  // The page reads its own route's params (its :id), not this middleware's.
  const own = c.req.routeIndex;
  c.req.routeIndex = index;
  let page: PageRead<unknown>;
  try {
    page = read(c);
  } finally {
    c.req.routeIndex = own;
  }
  const now = Date.now();
  const db = c.var.db;
  // The check is a template; so are the page's statements when it gives them as such (their SQL
  // built once per isolate), else they are built for this request.
  const statements = page.bind ? page.bind(sessionShopSlot(id, slug, now)) : page.statements(db, sessionShopSql(id, slug, now)).map(boundOf);
  const [auth, ...rest] = await runTemplates(db, [sessionShopBound(id, slug, now), ...statements]);
  const found = sessionShopOf(auth[0]);
  setUser(c, found?.user ?? null);
  if (!found) return toLogin(c);
  if (!found.member) throw new HTTPException(404);
  const { shop, role, newOrders } = found.member;
  c.set("shop", toShop(shop));
  c.set("role", role);
  c.set("newOrders", newOrders);
  if (found.user.shopId !== shop.id) await setSessionShop(db, found.user.sessionId, shop.id);
  loaded.set(c.req.raw, page.shape(rest));
  await next();
}
