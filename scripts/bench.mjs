#!/usr/bin/env node
// npm run bench [-- --quick] [-- --disk] [-- --admin] [-- --mixed] [-- --footprint] [-- --shards]
//
// 1. Bundles the Worker with wrangler's production dry-run build and serves the bundle with
//    Miniflare's API on the real runtime (workerd), local D1 and R2 in a temporary directory
//    (in memory where the machine has /dev/shm, or on disk with --disk: see benchDir()).
// 2. Seeds at scale: 1,000 shops; "big" with 10,000 products and 100,000 orders; 50 products each
//    for the others.
// 3. Load-tests one route after another with autocannon: a fixed-HTML baseline (the ceiling), the
//    storefront pages warm and with caching off (the bench-only CACHE_DISABLED binding), placing
//    orders until a variant's stock runs out, and the admin orders list.
//    Each route gets a short warm-up, then takes turns with the baseline in short slices
//    (scripts/bench/load.mjs): its ratio is to the baseline measured in the same stretch of time.
//    Then the mixed traffic (scripts/bench/mix.mjs): Zipf-distributed over every shop and page,
//    the isolate's memory emptied every few seconds (cold isolates), with the hit rate of each
//    cache level; and the same with a delay before every D1 round trip (far primary: 30 ms for a
//    replica in the region, 150 ms for a primary on another continent), with and without caching.
//    And the D1 footprint (scripts/bench/footprint.mjs): bytes per shop, product and order, from
//    the seeding's and the orders' growth, and the capacity table it gives (--footprint: the
//    baseline, the orders and the footprint alone).
// 4. Prints a table (with D1 round trips and statements per request, from Server-Timing) and
//    writes bench/results.json (results.disk.json with --disk, results.quick.json with --quick).
import { rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import http from "node:http";
import { Miniflare } from "miniflare";
import { BENCH_ROOT as ROOT, benchDir, buildWorker, workerOptions } from "./bench/runtime.mjs";
import { interleaved, warmUp } from "./bench/load.mjs";
import { every, mixedLoad, reach } from "./bench/mix.mjs";
import { footprint, footprintLines, seedMeasured, sizeOf } from "./bench/footprint.mjs";
import { outboxDrained, placeOrders } from "./bench/orders.mjs";
import { refusalCosts } from "./bench/refusals.mjs";
import { shardsLines, writeResults } from "./bench/report.mjs";
import { shardOrders } from "./bench/shards.mjs";
import { BIG, RACE_SKU, scaleSeedSql, sellerSql, WARM_SKU } from "./bench/seed-scale.mjs";
import { CONNECTIONS, FORGET_EVERY_S, log, MIX_RATE, MIX_RATE_CONNECTIONS, MIX_ROUNDS, MIX_SLICE, MIX_WARMUP, MIXES, ON_DISK, ROUNDS, SLICE, started, WARMUP } from "./bench/settings.mjs";

const tmp = benchDir("hatti-bench-", { onDisk: ON_DISK });
let mf;
try {
  // 1. Build exactly what would be deployed.
  buildWorker(tmp);
  log("built the Worker and applied migrations");

  const options = (cacheDisabled, mix = {}) => workerOptions(tmp, { cacheDisabled, ...mix });
  mf = new Miniflare(options(false));
  let base = await mf.ready;

  // 2. Seed at scale.
  const db = await mf.getD1Database("DB");
  const seeded = await seedMeasured(db, scaleSeedSql()); // the race sets its stock: placeOrders; each statement's growth: footprint.mjs
  const seller = sellerSql();
  for (const sql of seller.statements) await db.prepare(sql).run();
  const counts = await db.prepare(`SELECT (SELECT count(*) FROM shops) AS shops, (SELECT count(*) FROM products) AS products,
    (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM variants) AS variants`).first();
  log(`seeded ${counts.shops} shops, ${counts.products} products, ${counts.variants} variants, ${counts.orders} orders`);
  if (process.argv.includes("--seed-only")) {
    console.log(`database kept in ${tmp}`);
    process.exit(0);
  }
  const race = await db.prepare(`SELECT v.id FROM variants v WHERE v.sku = ?`).bind(RACE_SKU).first();

  const shopHost = `${BIG}.${ROOT}`;
  const url = (p) => new URL(p, base).toString();
  // node:http, not fetch: fetch will not send our Host header, and the host picks the shop.
  const get = (host, p, headers = {}) =>
    new Promise((resolve, reject) => {
      const req = http.get(url(p), { headers: { host, ...headers } }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
    });

  // The cursor of collection page 200, found by following "next" links like a shopper would.
  let page200 = "/collections/everything";
  for (let i = 1; i < 200; i++) {
    const { body } = await get(shopHost, page200);
    const next = /href="(\/collections\/everything\?[^"]*after=[^"]+)"/.exec(body.toString());
    if (!next) throw new Error(`no next link on collection page ${i}`);
    page200 = next[1].replace(/&amp;/g, "&");
  }
  log(`collection page 200 is ${page200}`);

  const cartCookie = `hatti_cart=${race.id + 1}x1.${race.id + 2}x2.${race.id + 4}x1`;
  const storefront = [
    ["home", "/"],
    ["collection_p1", "/collections/everything"],
    ["collection_p200", page200],
    ["product", "/products/product-5000"],
    ["search", "/search?q=chiffon+kurta"],
  ];
  const results = {};

  const ceiling = { url: url("/healthz"), connections: CONNECTIONS, headers: { host: ROOT } };
  const record = (name, { route, baseline }, extra) => {
    results[name] = {
      rps: route.rps,
      p50_ms: route.p50_ms,
      p99_ms: route.p99_ms,
      ratio: Number((route.rps / baseline.rps).toFixed(3)),
      baseline_rps: baseline.rps,
      baseline_p99_ms: baseline.p99_ms,
      ...extra,
    };
    log(`${name.padEnd(24)} ${String(route.rps).padStart(6)} req/s  p99 ${route.p99_ms} ms  (baseline ${baseline.rps} req/s)  x${results[name].ratio}`);
  };

  const measure = async (name, host, p, { headers = {}, expectStatus = 200 } = {}) => {
    const probe = await get(host, p, headers);
    if (probe.status !== expectStatus) throw new Error(`${name}: ${p} answered ${probe.status}`);
    await get(host, p, headers); // warm the isolate's caches for this path
    const timing = (await get(host, p, headers)).headers["server-timing"] ?? "";
    const load = { url: url(p), connections: CONNECTIONS, headers: { host, ...headers } };
    await warmUp(load, WARMUP);
    const m = await interleaved(load, ceiling, { rounds: ROUNDS, seconds: SLICE });
    record(name, m, {
      d1_queries: Number(/d1q;dur=(\d+)/.exec(timing)?.[1] ?? NaN),
      d1_statements: Number(/d1s;dur=(\d+)/.exec(timing)?.[1] ?? NaN),
      gzip_bytes: gzipSync(probe.body).length,
      errors: m.route.failed,
    });
  };

  // The admin orders list in the 100,000-order shop (3c; alone with --admin: a change's before and after).
  // Her browser carries the CSRF cookie every admin page set on her first visit (without it each
  // answer would draw and set a new one, which no seller's click costs).
  const admin = { cookie: `hatti_sid=${seller.token}; hatti_csrf=${"b".repeat(32)}` };
  const adminRows = async () => {
    await measure("admin_orders_p1", ROOT, `/admin/${BIG}/orders`, { headers: admin });
    await measure("admin_orders_deep", ROOT, `/admin/${BIG}/orders?before=5000`, { headers: admin });
  };
  if (process.argv.includes("--admin")) {
    await measure("baseline", ROOT, "/healthz");
    await adminRows();
    console.table(results);
    await mf.dispose();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }

  // The mixed rows (3f; alone with --mixed).
  let cacheReach = null;
  const mixedRows = async () => {
    const most = Object.fromEntries([MIX_RATE, 300, 1000].map((rate) => [rate, reach(rate, { shops: counts.shops })]));
    log(`mixed: the most the caches can serve with no D1 round trip (arithmetic on the sequence): ${Object.entries(most).map(([r, x]) => `${x} at ${r} req/s`).join(", ")}`);
    cacheReach = most;
    for (const [name, d1DelayMs, cacheDisabled] of MIXES) {
      await mf.setOptions(options(cacheDisabled, { hooks: true, d1DelayMs }));
      base = await mf.ready;
      ceiling.url = url("/healthz");
      const forget = async () => {
        const r = await get(ROOT, "/healthz/forget");
        if (r.status !== 204) throw new Error(`${name}: /healthz/forget answered ${r.status}`);
      };
      await forget();
      const mix = mixedLoad(url("/"), ROOT, { shops: counts.shops, connections: CONNECTIONS });
      // req/s at full load, then the latency at an offered rate (settings.mjs: why).
      const { m, full, levels, rate } = await every(FORGET_EVERY_S, forget, async () => {
        await warmUp(mix.load, MIX_WARMUP);
        mix.reset();
        const full = await interleaved(mix.load, ceiling, { rounds: MIX_ROUNDS, seconds: MIX_SLICE });
        const fullLevels = mix.rates();
        mix.reset();
        const rate = Math.max(10, Math.min(MIX_RATE, Math.round(full.route.rps / 2)));
        const paced = (load) => ({ ...load, connections: MIX_RATE_CONNECTIONS, overallRate: rate });
        const m = await interleaved(paced(mix.load), paced(ceiling), { rounds: MIX_ROUNDS, seconds: MIX_SLICE });
        return { m, full, rate, levels: { ...mix.rates(), non_200: mix.rates().non_200 + fullLevels.non_200 } };
      });
      if (levels.non_200) throw new Error(`${name}: ${levels.non_200} responses were not 200`);
      record(name, { route: { ...full.route, p50_ms: m.route.p50_ms, p99_ms: m.route.p99_ms }, baseline: full.baseline }, {
        d1_queries: null,
        d1_statements: null,
        gzip_bytes: null,
        errors: full.route.failed + m.route.failed,
        d1_delay_ms: d1DelayMs,
        page_cache: !cacheDisabled,
        offered_rps: rate,
        reach_at_offered_rps: reach(rate, { shops: counts.shops }),
        served_rps: m.route.rps,
        baseline_p50_ms: m.baseline.p50_ms,
        baseline_p99_ms: m.baseline.p99_ms,
        p50_x_baseline: Number((m.route.p50_ms / Math.max(1, m.baseline.p50_ms)).toFixed(2)),
        full_load: { p50_ms: full.route.p50_ms, p99_ms: full.route.p99_ms, baseline_p50_ms: full.baseline.p50_ms },
        x_cache: levels,
      });
      log(`${name.padEnd(24)} at ${rate} req/s: p50 ${m.route.p50_ms} ms (baseline ${m.baseline.p50_ms} ms)  x-cache hit ${levels.hit} shared ${levels.shared} stale ${levels.stale} miss ${levels.miss} none ${levels.none}  waited on D1 ${levels.d1} (cached pages ${levels.cached_d1})`);
    }
  };
  if (process.argv.includes("--mixed")) {
    await measure("baseline", ROOT, "/healthz");
    await mixedRows();
    await mf.dispose();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }

  // Placing orders (3d; alone with --footprint: the bytes an order writes, footprint.mjs).
  const orderRows = async () => {
    const fresh = await mf.getD1Database("DB"); // stubs from before setOptions() are gone
    const warm = await fresh.prepare(`SELECT v.id FROM variants v WHERE v.sku = ?`).bind(WARM_SKU).first();
    const countOrders = async () => (await fresh.prepare(`SELECT count(*) AS n FROM orders`).first()).n;
    const before = { bytes: await sizeOf(fresh), orders: await countOrders() };
    const { measured, sellOut, discounted, ...orders } = await placeOrders(url("/checkout"), shopHost, race.id, warm.id, ceiling, fresh, get);
    // Oversells and duplicates are counted over the whole race (the bench fails on any).
    const { oversold, duplicates, refused, placed, left } = orders;
    const none = { d1_queries: null, d1_statements: null, gzip_bytes: null };
    record("place_order", measured, { ...none, orders: placed, oversold, duplicates });
    record("place_order_sell_out", sellOut, { ...none, orders: left, refused, oversold, duplicates });
    record("place_order_discount", discounted, { ...none, oversold, duplicates });

    // The orders' messages go through the queue in the background; the CPU samples below would
    // count their delivery, so they wait for the outbox to be delivered.
    const drained = await outboxDrained(fresh);
    log(`outbox: ${drained.sent} messages delivered, the last ${drained.waitedMs} ms after the race`);
    // What the orders wrote, their messages' rows included (footprint.mjs).
    return { bytes: (await sizeOf(fresh)) - before.bytes, orders: (await countOrders()) - before.orders };
  };
  let placedOrders = null;
  const sizes = () => footprint(seeded, counts, placedOrders, results.place_order);
  if (process.argv.includes("--footprint")) {
    await measure("baseline", ROOT, "/healthz");
    placedOrders = await orderRows();
    for (const line of footprintLines(sizes())) log(line);
    await mf.dispose();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }

  // Orders in two shops at once: in one database, then in two shards (3g; alone with --shards).
  let shards = null;
  const shardRows = async () => {
    const { rows, summary } = await shardOrders(mf, url("/checkout"), ROOT, ceiling, get);
    for (const [name, { measured, extra }] of Object.entries(rows)) record(name, measured, extra);
    for (const line of shardsLines(summary)) log(line);
    shards = summary;
  };
  if (process.argv.includes("--shards")) {
    await measure("baseline", ROOT, "/healthz");
    await shardRows();
    await mf.dispose();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }

  // 3a. The ceiling (against itself: how steady the measure is), then the warm storefront.
  await measure("baseline", ROOT, "/healthz");
  // The floor of any page that must read D1: one batch of two small indexed SELECTs.
  await measure("d1_floor", ROOT, "/healthz/db");
  for (const [name, p] of storefront) await measure(name, shopHost, p);
  await measure("cart", shopHost, "/cart", { headers: { cookie: cartCookie } });

  // 3b. The same pages with every page cache off: one D1 round trip each.
  await mf.setOptions(options(true));
  base = await mf.ready;
  ceiling.url = url("/healthz");
  for (const [name, p] of storefront) await measure(`${name}_uncached`, shopHost, p);
  await measure("cart_uncached", shopHost, "/cart", { headers: { cookie: cartCookie } });

  // 3c. The admin orders list.
  await adminRows();

  // 3d. Placing orders (cash on delivery) until the race variant's stock runs out.
  placedOrders = await orderRows();

  // 3e. What a refusal costs the runtime: the forms that once took every shop down.
  const refusals = await refusalCosts(url, shopHost, seller.token);

  // 3f. The mixed traffic, near and far from D1 (scripts/bench/mix.mjs).
  await mixedRows();

  // 3g. Orders in two shops at once, in one database and in two shards, with the page caches and
  // the D1 delay of the mixed rows off again (their shops are seeded now: the rows before saw 1,000).
  await mf.setOptions(options(false));
  base = await mf.ready;
  ceiling.url = url("/healthz");
  await shardRows();

  const capacity = sizes();
  for (const line of footprintLines(capacity)) log(line);
  writeResults(results, counts, refusals, tmp, { capacity, cacheReach, shards });
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await mf?.dispose();
  rmSync(tmp, { recursive: true, force: true });
}
