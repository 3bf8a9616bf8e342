// The bench's shards row (issue 18 §5): cash-on-delivery orders placed in two shops at once, first
// both in the directory's database (DB), then one in DB and one in SHARD_1, taking turns in time
// slices with each other and the baseline (load.mjs sideBySide); orders/s of each shop, and the
// ratio of the totals (2 shards / 1 database): what it shows, shardsNote. The invariants are checked in each shop's own
// database: not one unit oversold, no order twice, every order in its own shard and none in the
// other.
import http from "node:http";
import { loadavg } from "node:os";
import { sideBySide, warmUp } from "./load.mjs";
import { workerdCpuMs } from "./runtime.mjs";
import { checkoutPosts } from "./orders.mjs";
import { directoryRowSql, PAIR, PAIR_SKU, PAIR_STOCK, pairShopSql } from "./seed-scale.mjs";
import { CONNECTIONS, log, ROUNDS, SLICE, WARMUP } from "./settings.mjs";

/**
 * What the row does and does not show (printed beside it, and kept in results.json), with the
 * share of a core the local runtime used during its slices (`cores`, workerd's CPU time over the
 * wall time).
 */
export const shardsNote = (cores) =>
  `Locally, Miniflare's workerd runs the Worker and every D1 database (each a SQLite file behind its own Durable Object) on one thread: during the row it used ${cores} of a core (at most one, however many databases; less when the machine's other work takes its share). ` +
  "So two local databases do not write in parallel, and the ratio (about 1, within this machine's noise) shows that spreading the shops over two shards costs the order path nothing " +
  "(each order is still one round trip, to its own shard only) and that the invariants hold across shards; it cannot show the gain. " +
  "In production each D1 database is a single writer (it runs one query at a time), so one database's order rate is capped by its batches' duration; " +
  "a second shard is a second writer, and orders spread over two shards can reach up to twice that ceiling while the Worker's isolates (which scale out) are not the limit.";

/** The shards row's shops seeded (seed-scale.mjs pairShopSql): two in DB, one in SHARD_1 with its directory row in DB. */
async function seedPairs(mf) {
  const dir = await mf.getD1Database("DB");
  const shard1 = await mf.getD1Database("SHARD_1");
  for (const slug of [PAIR.db1, PAIR.db2]) for (const sql of pairShopSql(slug)) await dir.prepare(sql).run();
  const { id } = await dir.prepare(directoryRowSql(PAIR.shard1)).first();
  for (const sql of pairShopSql(PAIR.shard1, { id, shard: 1 })) await shard1.prepare(sql).run();
  return { 0: dir, 1: shard1 };
}

/** One post of an autocannon load (its setupRequest makes the customer), sent with node:http; answers its Server-Timing. */
function postOnce(load, target) {
  const req = load.requests[0].setupRequest({ headers: {} });
  return new Promise((resolve, reject) => {
    const r = http.request(target, { method: "POST", headers: { ...req.headers, "content-length": Buffer.byteLength(req.body) } }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode === 303 ? resolve(res.headers["server-timing"] ?? "") : reject(new Error(`shards: a probe post answered ${res.statusCode}`))));
    });
    r.on("error", reject);
    r.end(req.body);
  });
}

const placedBy = (merged) => merged.results.reduce((t, r) => t + (r["3xx"] ?? 0), 0);

/**
 * Runs the row against the runtime at `target` (the checkout's URL); `ceiling` is the baseline's
 * load. Answers the two rows (the route's format: scripts/bench.mjs record) and the summary.
 */
export async function shardOrders(mf, target, root, ceiling, get) {
  const dbs = await seedPairs(mf);
  const shops = {};
  for (const [i, [key, slug]] of Object.entries(PAIR).entries()) {
    const shard = key === "shard1" ? 1 : 0;
    const row = await dbs[shard]
      .prepare(`SELECT s.id, z.id AS zone, v.id AS variant FROM shops s JOIN delivery_zones z ON z.shop_id = s.id JOIN variants v ON v.shop_id = s.id AND v.sku = ?2 WHERE s.slug = ?1`)
      .bind(slug, PAIR_SKU)
      .first();
    const host = `${slug}.${root}`;
    // Numbered apart from place_order's customers and from each other's (new IPs, keys and phones).
    const posts = checkoutPosts(target, host, row.zone, get, { first: 4_000_000 + i * 1_000_000 });
    await posts.basisOf(row.variant);
    shops[key] = { slug, shard, ...row, load: posts.load(row.variant, null, { connections: CONNECTIONS / 2 }) };
  }
  // The D1 round trips of one order in each shop (Server-Timing d1q), its route known (the second post).
  const trips = {};
  for (const [key, s] of Object.entries(shops)) {
    let timing = "";
    for (let i = 0; i < 2; i++) timing = await postOnce(s.load, target);
    trips[key] = Number(/d1q;dur=(\d+)/.exec(timing)?.[1] ?? NaN);
  }
  const configs = { one_database: [shops.db1.load, shops.db2.load], two_shards: [shops.db1.load, shops.shard1.load] };
  for (const loads of Object.values(configs)) await Promise.all(loads.map((l) => warmUp(l, Math.max(WARMUP, 0.5))));
  const cpu = { ms: workerdCpuMs(), at: performance.now() };
  const m = await sideBySide(configs, ceiling, { rounds: ROUNDS, seconds: SLICE });
  const cores = Number(((workerdCpuMs() - cpu.ms) / (performance.now() - cpu.at)).toFixed(2));

  // The invariants, each shop in its own database, and none of its orders in the other.
  const placed = { db1: 0, db2: 0, shard1: 0 };
  const errors = { one_database: 0, two_shards: 0 };
  for (const [name, [a, b]] of Object.entries({ one_database: ["db1", "db2"], two_shards: ["db1", "shard1"] })) {
    m.configs[name].each.forEach((r, j) => {
      const k = j ? b : a;
      placed[k] += placedBy(r);
      // Every answer a 303 (an order placed); a refusal answers the page again, and a post may fail outright.
      errors[name] += r.requests - placedBy(r) + r.results.reduce((t, x) => t + x.errors + x.timeouts, 0);
    });
  }
  let oversold = 0;
  let duplicates = 0;
  for (const [key, s] of Object.entries(shops)) {
    const own = await dbs[s.shard]
      .prepare(
        `SELECT (SELECT stock FROM variants WHERE id = ?2) AS stock, (SELECT count(*) FROM orders WHERE shop_id = ?1) AS orders,
          (SELECT count(DISTINCT idempotency_key) FROM orders WHERE shop_id = ?1) AS keys,
          (SELECT coalesce(sum(quantity), 0) FROM order_items WHERE shop_id = ?1 AND variant_id = ?2) AS units,
          (SELECT count(DISTINCT order_id) FROM order_items WHERE shop_id = ?1 AND variant_id = ?2) AS item_orders`,
      )
      .bind(s.id, s.variant)
      .first();
    const elsewhere = (await dbs[1 - s.shard].prepare("SELECT count(*) AS n FROM orders WHERE shop_id = ?1").bind(s.id).first()).n;
    oversold += Math.max(0, own.units - (PAIR_STOCK - own.stock));
    duplicates += own.orders - own.keys + (own.orders - own.item_orders);
    log(`shards: ${s.slug} (shard ${s.shard}): ${own.orders} orders stored (${placed[key]} answered in the measured slices, the rest in the warm-up or in flight at a slice's end), ${PAIR_STOCK - own.stock} units sold, ${elsewhere} in the other database`);
    // A slice that ends stops waiting for the posts in flight, which the Worker may still place: stored >= answered.
    if (own.units !== PAIR_STOCK - own.stock || own.units !== own.orders || own.keys !== own.orders || own.item_orders !== own.orders || elsewhere !== 0 || own.orders < placed[key] || !placed[key]) {
      throw new Error(`shards: order invariant broken for ${s.slug}: ${JSON.stringify({ ...own, elsewhere, answered: placed[key] })}`);
    }
  }
  if (errors.one_database || errors.two_shards) throw new Error(`shards: posts not placed: ${JSON.stringify(errors)}`);

  const row = (name, keys) => {
    const c = m.configs[name];
    const rps = c.each.reduce((t, r) => t + r.rps, 0);
    return {
      measured: { route: { rps, p50_ms: c.all.p50_ms, p99_ms: c.all.p99_ms }, baseline: m.baseline },
      extra: {
        d1_queries: Math.max(...keys.map((k) => trips[k])),
        d1_statements: null,
        gzip_bytes: null,
        orders: keys.reduce((t, k) => t + placed[k], 0),
        oversold,
        duplicates,
        errors: 0,
        orders_per_s: Object.fromEntries(keys.map((k, j) => [shops[k].slug, c.each[j].rps])),
        shards: keys.map((k) => shops[k].shard),
        d1_round_trips_per_order: Object.fromEntries(keys.map((k) => [shops[k].slug, trips[k]])),
      },
    };
  };
  const one = row("one_database", ["db1", "db2"]);
  const two = row("two_shards", ["db1", "shard1"]);
  const summary = {
    one_database: one.extra.orders_per_s,
    two_shards: two.extra.orders_per_s,
    ratio: Number((two.measured.route.rps / one.measured.route.rps).toFixed(3)),
    load_average: loadavg().map((x) => Number(x.toFixed(2))),
    workerd_cores: cores,
    d1_round_trips_per_order: Object.fromEntries(Object.entries(trips).map(([k, n]) => [shops[k].slug, n])),
    note: shardsNote(cores),
  };
  return { rows: { place_order_2shops_1db: one, place_order_2shops_2shards: two }, summary };
}
