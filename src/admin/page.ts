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
 * would: no session -> to the log-in page; not a member -> 404; else c.get("user"), shop, role and
 * badge are set and the handler renders the page's data. Writes (any other method) keep the
 * middleware path: they read the session first, then act.
 *
 * A shop of another shard than the directory's database (src/db/shards.ts): the check runs on
 * the directory and the page on the shard, side by side (one round trip in time), the page's data
 * dropped unless she is a member; a page whose read is the directory's (`onDirectory`) runs there.
 *
 * A check answered a moment ago in this isolate (src/auth/session-cache.ts, 3 s) is not asked again:
 * the batch is then the shop's record with its badge and the page's statements by the shop's id.
 *
 * The check's SQL is a template (built once per isolate), and so are a page's statements when its
 * read gives them as templates (PageRead `bind`): building SQL through drizzle on every request
 * was a quarter of the orders list's CPU.
 */
import type { Context, Handler, Next } from "hono";
import { HTTPException } from "hono/http-exception";
import { matchedRoutes } from "hono/route";
import { getCookie } from "hono/cookie";
import { CHECKS_SESSION_ITSELF, setUser, toLogin } from "../auth/guard";
import { checkedSession, forgetCheckedSessions, keepCheckedSession } from "../auth/session-cache";
import { BOOKMARK_COOKIE } from "../db/sessions";
import { sessionId, sessionShopBound, sessionShopOf, sessionShopSlot, sessionShopSql, sessionToken, setSessionShop, type SessionShopRow } from "../auth/session";
import type { Db } from "../db/client";
import { runRead, shopSlotById, type PageRead, type ShopRef, type ShopSlot } from "../db/page-read";
import { sharesDirectory } from "../db/shards";
import { useShard } from "../lib/meter";
import { shopWithBadge } from "../platform/shops";
import { forgetRoute, keepRoute, routeOf } from "../tenancy/routes";
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
    const data = loaded.has(c.req.raw) ? (loaded.get(c.req.raw) as T) : await runRead(read(c).directory ? c.get("dir") : c.get("db"), c.get("shop").id, read(c));
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
  const dir = c.get("dir");
  // The page's statements for a shop: templates when it gives them (their SQL built once per
  // isolate), else built for this request.
  const on = (db: Db, slot: ShopSlot, ref: ShopRef) => (page.bind ? page.bind(slot) : page.statements(db, ref).map(boundOf));
  const bookmark = getCookie(c, BOOKMARK_COOKIE) ?? "";
  const checked = checkedSession(id, slug, bookmark, now);
  if (checked && useShard(c, checked.shard)) {
    // Asked a moment ago in this isolate (src/auth/session-cache.ts): the shop's record and badge
    // and the page, by the shop's id, from its shard (and the directory for a directory read).
    const db = c.get("db");
    const byId = shopSlotById(checked.shopId);
    const onDir = page.directory && db !== dir;
    const [[held, ...read], fromDir] = await Promise.all([
      runTemplates(db, [shopWithBadge(checked.shopId), ...(onDir ? [] : on(page.directory ? dir : db, byId, checked.shopId))]),
      onDir ? runTemplates(dir, on(dir, byId, checked.shopId)) : [],
    ]);
    const h = (held as { shop: NonNullable<SessionShopRow["shop"]>; newOrders: number }[])[0];
    if (h && h.shop.slug === slug && h.shop.shard === checked.shard) {
      setUser(c, checked.user);
      c.set("shop", toShop(h.shop));
      c.set("role", checked.role);
      c.set("newOrders", h.newOrders);
      loaded.set(c.req.raw, page.shape(onDir ? fromDir : read));
      return next();
    }
    // Gone, renamed or moved since: ask again.
    forgetCheckedSessions({ slug });
    forgetRoute(slug);
  }
  const route = routeOf(slug, now);
  let found: ReturnType<typeof sessionShopOf>;
  let rest: unknown[];
  let newOrders: number | undefined;
  if (route && !sharesDirectory(c.env, route.shard) && useShard(c, route.shard)) {
    // Her shop lives in another shard: the session check (directory) and the page (the shard, or
    // the directory for a directory read) run side by side, one round trip in time; the page's
    // data is dropped unless she is a member.
    const db = c.get("db");
    const byId = shopSlotById(route.id);
    const [[auth, ...onDir], [held, ...onShard]] = await Promise.all([
      runTemplates(dir, [sessionShopBound(id, slug, now), ...(page.directory ? on(dir, byId, route.id) : [])]),
      runTemplates(db, [shopWithBadge(route.id), ...(page.directory ? [] : on(db, byId, route.id))]),
    ]);
    found = sessionShopOf(auth[0]);
    const shard = (held as { shop: NonNullable<SessionShopRow["shop"]>; newOrders: number }[])[0];
    if (found?.member && (!shard || found.member.shop.id !== route.id || found.member.shop.shard !== route.shard)) {
      // Moved since this isolate read its route: ask again, through the directory.
      forgetRoute(slug);
      return loadPageWithSession(c, index, next);
    }
    if (found?.member && shard) found = { ...found, member: { ...found.member, shop: shard.shop } };
    newOrders = shard?.newOrders;
    rest = page.directory ? onDir : onShard;
  } else {
    // The directory's database holds the shop (or its shard is not known yet): one batch, the
    // page's statements filtered by the session's shop in SQL.
    const [auth, ...read] = await runTemplates(dir, [sessionShopBound(id, slug, now), ...on(dir, sessionShopSlot(id, slug, now), sessionShopSql(id, slug, now))]);
    found = sessionShopOf(auth[0]);
    rest = read;
    const shop = found?.member?.shop;
    if (shop && !sharesDirectory(c.env, shop.shard)) {
      // Her shop lives in another shard (now known): its record, badge and page from there.
      keepRoute(slug, { id: shop.id, shard: shop.shard, at: now });
      if (!useShard(c, shop.shard)) throw new HTTPException(404);
      const db = c.get("db");
      const [heldRows, ...read] = (await runTemplates(db, [shopWithBadge(shop.id), ...(page.directory ? [] : on(db, shopSlotById(shop.id), shop.id))])) as unknown[][];
      const h = heldRows![0] as { shop: typeof shop; newOrders: number } | undefined;
      if (!h) throw new HTTPException(404);
      found = { ...found!, member: { ...found!.member!, shop: h.shop } };
      newOrders = h.newOrders;
      if (!page.directory) rest = read;
    }
  }
  setUser(c, found?.user ?? null);
  if (!found) return toLogin(c);
  if (!found.member) throw new HTTPException(404);
  const { shop, role } = found.member;
  c.set("shop", toShop(shop));
  c.set("role", role);
  c.set("newOrders", newOrders ?? found.member.newOrders);
  if (found.user.shopId !== shop.id) await setSessionShop(dir, found.user.sessionId, shop.id);
  keepCheckedSession(id, slug, bookmark, now, { user: { ...found.user, shopId: shop.id, role }, shopId: shop.id, shard: shop.shard, role });
  loaded.set(c.req.raw, page.shape(rest));
  await next();
}
