// The bench's order rows (place_order, its sell-out, with a discount): cash-on-delivery posts to
// /checkout until a variant's stock runs out, with the invariants checked (not one unit oversold,
// no order twice); and the wait for the orders' messages to be delivered.
import { interleaved, warmUp } from "./load.mjs";
import { BIG, DISCOUNT_CODE } from "./seed-scale.mjs";
import { CONNECTIONS, log, ROUNDS, SELL_OUT, SLICE, WARMUP } from "./settings.mjs";

/** Waits (at most 3 minutes) until no outbox row is pending. */
export async function outboxDrained(db) {
  const started = Date.now();
  for (;;) {
    const row = await db.prepare("SELECT sum(state = 'pending') AS pending, sum(state = 'sent') AS sent FROM outbox").first();
    if (!row.pending) return { sent: row.sent ?? 0, waitedMs: Date.now() - started };
    if (Date.now() - started > 180_000) throw new Error(`outbox: ${row.pending} messages still pending after 3 minutes`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Cash-on-delivery posts to `target` as a shop's customers make them (autocannon loads), each a
 * new customer: a new idempotency key, a new IP (the rate limit is per IP) and a new phone
 * number, numbered from `first`. Each posts back what her checkout page carried (its basis: the
 * facts the order is priced from and the batch verifies), as a browser does: `basisOf` reads one
 * page for each cart the posts use, before its `load`.
 */
export function checkoutPosts(target, host, zoneId, get, { first = 0 } = {}) {
  let n = first;
  const pages = new Map();
  const cookieOf = (cartVariant, code) => `hatti_cart=${cartVariant}x1${code ? `; hatti_code=${code}` : ""}`;
  const basisOf = async (cartVariant, code = null) => {
    const cookie = cookieOf(cartVariant, code);
    if (!pages.has(cookie)) {
      const page = await get(host, "/checkout", { cookie });
      const m = /name="basis" value="([^"]*)"/.exec(page.body.toString());
      if (page.status !== 200 || !m) throw new Error(`no checkout page for ${cookie}: ${page.status}`);
      pages.set(cookie, m[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    }
    return pages.get(cookie);
  };
  const load = (cartVariant, code = null, { connections = CONNECTIONS } = {}) => {
    const basis = pages.get(cookieOf(cartVariant, code));
    return {
      url: target,
      connections,
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            n++;
            return {
              ...req,
              headers: {
                ...req.headers,
                host,
                origin: `http://${host}`,
                "content-type": "application/x-www-form-urlencoded",
                cookie: cookieOf(cartVariant, code),
                "cf-connecting-ip": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
              },
              body: new URLSearchParams({
                key: `benchorder${String(n).padStart(16, "0")}`,
                name: "Bench Customer",
                // A new customer each post, as in a shop's day (one number placing thousands of orders a
                // minute is not one; its customers row, updated by every order, would be the bench's hot spot).
                phone: `0300${String(n % 10_000_000).padStart(7, "0")}`,
                city: "Lahore",
                address: "House 1, Street 2, Gulberg",
                zone: String(zoneId),
                payment: "cod",
                basis,
              }).toString(),
            };
          },
        },
      ],
    };
  };
  return { basisOf, load };
}

/** 303s: the posts that placed an order (a refusal answers the checkout page again). */
const redirects = (m) => m.route.results.reduce((t, r) => t + (r["3xx"] ?? 0), 0);

export async function placeOrders(target, host, variantId, warmId, ceiling, db, get) {
  const zone = await db.prepare(`SELECT z.id FROM delivery_zones z JOIN shops s ON s.id = z.shop_id WHERE s.slug = ?`).bind(BIG).first();
  const posts = checkoutPosts(target, host, zone.id, get);
  const checkout = posts.load;
  // Warm-up orders of another variant (stock to spare), then the race in two parts. First the
  // order rate, in time slices like every other route: the race variant holds twice what they
  // would sell at the warm-up's rate, so every post of theirs is an order placed (the bench
  // stops, saying so, if one is refused). Then the sell-out: what is left and SELL_OUT posts
  // more, at once; exactly what is left is placed and SELL_OUT are refused (the batch aborts,
  // the full review runs and the checkout page says why), with not one unit oversold.
  // Slices of a fixed amount would measure something else: in them each connection has its
  // share of posts, and when the runtime serves a few connections late (it does, now and then,
  // for up to 0.7 s, at full speed for the others), the slice waits on them with the runtime
  // idle.
  await posts.basisOf(warmId);
  await posts.basisOf(variantId);
  await posts.basisOf(warmId, DISCOUNT_CODE);
  const warm = await warmUp(checkout(warmId), Math.max(WARMUP, 0.5));
  // At least 400 orders/s worth: a warm-up slowed by the machine once left too few units.
  const stock = Math.ceil(Math.max(warm.rps, 400) * ROUNDS * SLICE * 2) + SELL_OUT;
  await db.prepare(`UPDATE variants SET stock = ?1 WHERE id = ?2`).bind(stock, variantId).run();
  const measured = await interleaved(checkout(variantId), ceiling, { rounds: ROUNDS, seconds: SLICE });
  if (redirects(measured) !== measured.route.requests) {
    throw new Error(`the race variant ran out during the measured slices (${stock} units): ${measured.route.requests - redirects(measured)} posts refused`);
  }
  // The same posts with a discount code, right after (with the same queue behind them): the batch
  // also verifies the discount's terms and records what it took, which counts its use (one statement
  // more). On the warm variant (stock to spare).
  const usesBefore = (await db.prepare(`SELECT uses FROM discounts WHERE code = ?1`).bind(DISCOUNT_CODE).first()).uses;
  const discounted = await interleaved(checkout(warmId, DISCOUNT_CODE), ceiling, { rounds: ROUNDS, seconds: SLICE });
  if (redirects(discounted) !== discounted.route.requests) throw new Error(`place_order_discount: ${discounted.route.requests - redirects(discounted)} posts refused`);
  const took = await db
    .prepare(`SELECT (SELECT uses FROM discounts WHERE code = ?1) AS uses, (SELECT count(*) FROM order_discounts WHERE code = ?1) AS orders`)
    .bind(DISCOUNT_CODE)
    .first();
  if (took.uses - usesBefore < redirects(discounted) || took.uses !== took.orders) throw new Error(`discount uses ${took.uses} (from ${usesBefore}) for ${took.orders} discounted orders`);
  log(`place_order_discount: ${took.orders} discounted orders, uses ${took.uses}`);
  const stockOf = `SELECT stock FROM variants WHERE id = ?1`;
  // Read back, not counted: a slice that ends stops waiting for the posts in flight, which the
  // Worker may still place.
  const { stock: left } = await db.prepare(stockOf).bind(variantId).first();
  const sellOut = await interleaved({ ...checkout(variantId), amount: left + SELL_OUT }, ceiling, { rounds: 1, seconds: SLICE });
  const row = await db
    .prepare(`SELECT (${stockOf}) AS stock,
      (SELECT count(*) FROM order_items WHERE variant_id = ?1) AS orders,
      (SELECT count(DISTINCT order_id) FROM order_items WHERE variant_id = ?1) AS distinct_orders`)
    .bind(variantId)
    .first();
  const refused = sellOut.route.requests - redirects(sellOut);
  log(`place_order: ${row.orders} orders stored for ${stock} units (${stock - left} in the measured slices), stock now ${row.stock}, ${refused} refused`);
  if (redirects(sellOut) !== left || refused !== SELL_OUT || row.stock !== 0 || row.orders !== stock || row.distinct_orders !== row.orders) {
    throw new Error(`order invariant broken: ${stock} units, ${left} left for the sell-out, ${redirects(sellOut)} placed in it, refused ${refused}, stock ${row.stock}, orders ${row.orders}, distinct ${row.distinct_orders}`);
  }
  return {
    measured,
    sellOut,
    discounted,
    placed: stock - left,
    left,
    refused,
    oversold: Math.max(0, row.orders - stock),
    duplicates: row.orders - row.distinct_orders,
  };
}

