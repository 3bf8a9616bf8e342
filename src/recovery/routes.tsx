/**
 * Abandoned checkouts (issue 16, part 5). The storefront's two routes: the checkout page's
 * script posts her phone (and name) to POST /checkout/intent when she leaves the field
 * (src/client/checkout-intent.ts), and GET /cart/restore/{token}, the link of the seller's
 * WhatsApp reminder, puts the cart back and lands on the checkout. The domain: intents.ts
 * (recording, the 30-day sweep), abandoned.ts (the seller's list, the link's look-up); the
 * seller's page: admin-routes.tsx. Mounted by src/storefront/routes.tsx. Personal: no-store.
 */
import { Hono, type Context } from "hono";
import { clientIp } from "../auth/rate-limit";
import { cartCount } from "../checkout/cart";
import { readCart, readCode, writeCart } from "../checkout/cookie";
import { quoteCart } from "../pricing/facts";
import { orderable } from "../pricing/price";
import { CartPage } from "../checkout/views/CartPage";
import { personalContext } from "../checkout/views/frame";
import type { AppEnv } from "../env";
import { readForm } from "../lib/form";
import { renderPage } from "../lib/render";
import { resolveTheme } from "../storefront/context";
import { restoreOf } from "./abandoned";
import { recordIntent } from "./intents";

export const recoveryRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const scope = (c: C) => ({ db: c.get("db"), shopId: c.get("shop").id });

for (const p of ["/checkout/intent", "/cart/restore/*"])
  recoveryRoutes.use(p, async function intentNoStore(c, next) {
    await next();
    c.res.headers.set("cache-control", "private, no-store");
  });

const STATUS = { recorded: 204, empty: 204, invalid: 400, limited: 429 } as const;

/** The script's beacon: nobody reads the answer but the tests. */
recoveryRoutes.post("/checkout/intent", async (c) => {
  const values = await readForm(c);
  const { lines } = readCart(c);
  const r = await recordIntent(scope(c), { phone: values.phone, name: values.name, lines, locale: c.get("shop").locale }, { ip: clientIp(c.req) });
  return c.body(null, STATUS[r]);
});

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

recoveryRoutes.get("/cart/restore/:token", async (c) => {
  const shop = c.get("shop");
  const token = c.req.param("token");
  const found = TOKEN.test(token) ? await restoreOf(scope(c), token) : ({ kind: "unknown" } as const);
  if (found.kind === "unknown") {
    const ctx = personalContext(shop, c.req.url, cartCount(readCart(c).lines));
    return renderPage(c, resolveTheme(shop).theme.pages.notFound(ctx), 404);
  }
  if (found.kind !== "ok") {
    // Ordered since, or past its keeping time: her cart as it is (usually empty), and why.
    const lines = readCart(c).lines;
    const quote = await quoteCart(c.get("db"), shop.id, lines, { code: readCode(c) });
    const ctx = personalContext(shop, c.req.url, cartCount(lines));
    return renderPage(c, <CartPage shop={shop} ctx={ctx} quote={quote} now={Date.now()} alert={c.get("t")(`recovery.restore.${found.kind}`)} />, 410);
  }
  // The saved cart replaces the cookie's, without the lines no longer for sale.
  const quote = await quoteCart(c.get("db"), shop.id, found.lines, { code: readCode(c) });
  const gone = new Set(quote.missing.map((l) => l.variantId));
  writeCart(c, found.lines.filter((l) => !gone.has(l.variantId)));
  return c.redirect(orderable(quote).length ? "/checkout" : "/cart", 303);
});
