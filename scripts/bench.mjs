#!/usr/bin/env node
// npm run bench [-- --quick] [-- --disk] [-- --admin] [-- --mixed]
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
// 4. Prints a table (with D1 round trips and statements per request, from Server-Timing) and
//    writes bench/results.json (results.disk.json with --disk, results.quick.json with --quick).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import http from "node:http";
import { Miniflare } from "miniflare";
import { BENCH_ROOT, benchDir, buildWorker, workerdCpuMs, workerOptions } from "./bench/runtime.mjs";
import { interleaved, warmUp } from "./bench/load.mjs";
import { every, mixedLoad } from "./bench/mix.mjs";
import { BIG, DISCOUNT_CODE, RACE_SKU, scaleSeedSql, sellerSql, WARM_SKU } from "./bench/seed-scale.mjs";

const QUICK = process.argv.includes("--quick");
/** Turns of each route with the baseline, and the seconds of each slice. */
const ROUNDS = QUICK ? 2 : 8;
const SLICE = QUICK ? 0.4 : 0.6;
/** Seconds of load before each measurement, not counted: the JIT and the runtime settle. */
const WARMUP = QUICK ? 0 : 1;
const CONNECTIONS = 32;
const ROOT = BENCH_ROOT;
/** Posts of the sell-out beyond the stock left: every one of them must be refused. */
const SELL_OUT = 200;
/**
 * The mixed rows: longer slices (a far D1 makes requests of 150 ms and more, and a slice's end
 * drops the requests in flight), a longer warm-up (the caches fill as traffic comes: the rows
 * measure the steady state), and how often the isolate forgets.
 */
const MIX_ROUNDS = QUICK ? 2 : 4;
const MIX_SLICE = QUICK ? 1 : 2;
const MIX_WARMUP = QUICK ? 0.5 : 3;
const FORGET_EVERY_S = 2;
/** The mixed rows: [name, D1 delay (ms), page caches off]. */
const MIXES = [
  ["mixed", 0, false],
  ["mixed_uncached", 0, true],
  ["far_replica_30ms", 30, false],
  ["far_replica_30ms_uncached", 30, true],
  ["far_primary_150ms", 150, false],
  ["far_primary_150ms_uncached", 150, true],
];
const root = path.join(import.meta.dirname, "..");
const started = Date.now();
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

const ON_DISK = process.argv.includes("--disk");
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
  for (const sql of scaleSeedSql()) await db.prepare(sql).run(); // the race sets its stock: placeOrders
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
  const admin = { cookie: `hatti_sid=${seller.token}` };
  const adminRows = async () => {
    await measure("admin_orders_p1", ROOT, `/admin/${BIG}/orders`, { headers: admin });
    await measure("admin_orders_deep", ROOT, `/admin/${BIG}/orders?before=5000`, { headers: admin });
  };
  if (process.argv.includes("--admin")) {
    await measure("baseline", ROOT, "/healthz");
    await adminRows();
    await mf.dispose();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }

  // The mixed rows (3f; alone with --mixed).
  const mixedRows = async () => {
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
      const m = await every(FORGET_EVERY_S, forget, async () => {
        await warmUp(mix.load, MIX_WARMUP);
        mix.reset();
        return interleaved(mix.load, ceiling, { rounds: MIX_ROUNDS, seconds: MIX_SLICE });
      });
      const levels = mix.rates();
      if (levels.non_200) throw new Error(`${name}: ${levels.non_200} responses were not 200`);
      record(name, m, {
        d1_queries: null,
        d1_statements: null,
        gzip_bytes: null,
        errors: m.route.failed,
        d1_delay_ms: d1DelayMs,
        page_cache: !cacheDisabled,
        baseline_p50_ms: m.baseline.p50_ms,
        p50_x_baseline: Number((m.route.p50_ms / Math.max(1, m.baseline.p50_ms)).toFixed(2)),
        x_cache: levels,
      });
      log(`${name.padEnd(24)} p50 ${m.route.p50_ms} ms (baseline ${m.baseline.p50_ms} ms)  x-cache hit ${levels.hit} shared ${levels.shared} stale ${levels.stale} miss ${levels.miss} none ${levels.none}`);
    }
  };
  if (process.argv.includes("--mixed")) {
    await measure("baseline", ROOT, "/healthz");
    await mixedRows();
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
  const fresh = await mf.getD1Database("DB"); // stubs from before setOptions() are gone
  const warm = await fresh.prepare(`SELECT v.id FROM variants v WHERE v.sku = ?`).bind(WARM_SKU).first();
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

  // 3e. What a refusal costs the runtime: the forms that once took every shop down.
  const refusals = await refusalCosts(url, shopHost, seller.token);

  // 3f. The mixed traffic, near and far from D1 (scripts/bench/mix.mjs).
  await mixedRows();

  writeResults(results, counts, refusals);
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await mf?.dispose();
  rmSync(tmp, { recursive: true, force: true });
}

/** Waits (at most 3 minutes) until no outbox row is pending. */
async function outboxDrained(db) {
  const started = Date.now();
  for (;;) {
    const row = await db.prepare("SELECT sum(state = 'pending') AS pending, sum(state = 'sent') AS sent FROM outbox").first();
    if (!row.pending) return { sent: row.sent ?? 0, waitedMs: Date.now() - started };
    if (Date.now() - started > 180_000) throw new Error(`outbox: ${row.pending} messages still pending after 3 minutes`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function placeOrders(target, host, variantId, warmId, ceiling, db, get) {
  const zone = await db.prepare(`SELECT z.id FROM delivery_zones z JOIN shops s ON s.id = z.shop_id WHERE s.slug = ?`).bind(BIG).first();
  let n = 0;
  // Each customer posts back what her checkout page carried (its basis: the facts the order is
  // priced from and the batch verifies), as a browser does: one page each for the cart the posts use.
  const pages = new Map();
  const basisOf = async (cookie) => {
    if (!pages.has(cookie)) {
      const page = await get(host, "/checkout", { cookie });
      const m = /name="basis" value="([^"]*)"/.exec(page.body.toString());
      if (page.status !== 200 || !m) throw new Error(`no checkout page for ${cookie}: ${page.status}`);
      pages.set(cookie, m[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    }
    return pages.get(cookie);
  };
  // Every post is a new customer: a new idempotency key, a new IP (the rate limit is per IP) and
  // a new phone number.
  const cookieOf = (cartVariant, code) => `hatti_cart=${cartVariant}x1${code ? `; hatti_code=${code}` : ""}`;
  const checkout = (cartVariant, code = null, basis = pages.get(cookieOf(cartVariant, code))) => ({
    url: target,
    connections: CONNECTIONS,
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
              zone: String(zone.id),
              payment: "cod",
              basis,
            }).toString(),
          };
        },
      },
    ],
  });
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
  await basisOf(cookieOf(warmId, null));
  await basisOf(cookieOf(variantId, null));
  await basisOf(cookieOf(warmId, DISCOUNT_CODE));
  const warm = await warmUp(checkout(warmId), Math.max(WARMUP, 0.5));
  // At least 400 orders/s worth: a warm-up slowed by the machine once left too few units.
  const stock = Math.ceil(Math.max(warm.rps, 400) * ROUNDS * SLICE * 2) + SELL_OUT;
  await db.prepare(`UPDATE variants SET stock = ?1 WHERE id = ?2`).bind(stock, variantId).run();
  const measured = await interleaved(checkout(variantId), ceiling, { rounds: ROUNDS, seconds: SLICE });
  const redirects = (m) => m.route.results.reduce((t, r) => t + (r["3xx"] ?? 0), 0);
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

/**
 * CPU of workerd per request (from /proc, sequential requests, so nothing else runs) for the
 * posts that broke the runtime before: a product form with 3 options of 250 values each (15.6
 * million combinations, built before the 100-variant cap was checked) and a chunked checkout of
 * 400,000 fields (3.9 MB, past a Content-Length check). Each must be refused, cheaply; the
 * fixed page /healthz is measured the same way as the floor.
 */
async function refusalCosts(url, shopHost, sessionToken) {
  const csrf = "benchcsrftoken0123456789abcdefghijkl";
  const send = (host, p, body, headers) =>
    new Promise((resolve, reject) => {
      let answered = false;
      const req = http.request(url(p), { method: body === null ? "GET" : "POST", headers: { host, ...headers } }, (res) => {
        answered = true;
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      });
      // A body refused before it is all sent: the runtime answers 413 and closes the connection,
      // and node, still writing, may see the reset before it reads the answer.
      req.on("error", (err) => (answered ? undefined : err.code === "ECONNRESET" || err.code === "EPIPE" ? resolve({ status: "closed", body: "" }) : reject(err)));
      if (body === null) return req.end();
      // Written in pieces with no Content-Length (node sends it chunked), until the answer comes.
      (async () => {
        for (let i = 0; i < body.length && !answered && !req.destroyed; i += 64 * 1024) {
          if (!req.write(body.slice(i, i + 64 * 1024))) await new Promise((r) => req.once("drain", r));
        }
        if (!req.destroyed) req.end();
      })().catch(() => undefined);
    });
  const cost = async (name, n, request, check) => {
    const first = await request();
    if (!check(first)) throw new Error(`${name}: answered ${first.status} ${first.body.slice(0, 200)}`);
    const cpu0 = workerdCpuMs();
    for (let i = 0; i < n; i++) await request();
    const ms = (workerdCpuMs() - cpu0) / n;
    log(`${name.padEnd(24)} ${ms.toFixed(1)} ms of runtime CPU a request (status ${first.status})`);
    return { cpu_ms: Number(ms.toFixed(2)), status: first.status };
  };
  const values = (k) => Array.from({ length: 250 }, (_, i) => `${k}${i}`).join(", ");
  const product = new URLSearchParams({ _csrf: csrf, title: "Kurta", price: "1500", status: "active", opt1Name: "Size", opt1Values: values("s"), opt2Name: "Colour", opt2Values: values("c"), opt3Name: "Fabric", opt3Values: values("f") }).toString();
  const admin = { cookie: `hatti_sid=${sessionToken}; hatti_csrf=${csrf}`, origin: `http://${ROOT}`, "content-type": "application/x-www-form-urlencoded" };
  const chunked = "note=x&".repeat(400_000).slice(0, 3_900_000);
  const shop = { origin: `http://${shopHost}`, "content-type": "application/x-www-form-urlencoded" };
  return {
    healthz: await cost("healthz_cpu", 200, () => send(ROOT, "/healthz", null, {}), (r) => r.status === 200),
    hostile_variants: await cost("hostile_variants_cpu", QUICK ? 10 : 40, () => send(ROOT, `/admin/${BIG}/products`, product, admin), (r) => r.status === 400 && /100/.test(r.body)),
    chunked_400k_fields: await cost("chunked_fields_cpu", QUICK ? 10 : 40, () => send(shopHost, "/checkout", chunked, shop), (r) => r.status === 413 || r.status === "closed"),
  };
}

function writeResults(results, counts, refusals) {
  const budget = 14 * 1024;
  const rows = Object.entries(results).map(([name, r]) => [
    name,
    r.rps,
    r.baseline_rps ?? "",
    r.baseline_p99_ms ?? "",
    r.p50_ms,
    r.p99_ms,
    r.ratio.toFixed(2),
    r.d1_queries ?? "",
    r.d1_statements ?? "",
    r.gzip_bytes ? `${r.gzip_bytes}${r.gzip_bytes > budget ? " OVER" : ""}` : "",
  ]);
  const head = ["route", "req/s", "baseline req/s", "baseline p99", "p50 ms", "p99 ms", "x baseline", "D1 queries", "statements", "gzip B (14336)"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padStart(widths[i])).join("  ");
  console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}\n`);
  const mixes = Object.entries(results).filter(([, r]) => r.x_cache);
  if (mixes.length) {
    console.log("mixed rows: D1 delay, p50 / baseline p50, and the share of responses from each cache level (x-cache)");
    for (const [name, r] of mixes) {
      const x = r.x_cache;
      console.log(`  ${name.padEnd(28)} ${String(r.d1_delay_ms).padStart(4)} ms  p50 x${r.p50_x_baseline}  hit ${x.hit}  shared ${x.shared}  stale ${x.stale}  miss ${x.miss}  none ${x.none}  (${x.responses} responses)`);
    }
    console.log("");
  }
  const out = {
    generated_at: new Date().toISOString(),
    quick: QUICK,
    storage: ON_DISK ? "disk (os.tmpdir())" : tmp.startsWith("/dev/shm") ? "memory (/dev/shm)" : "disk (os.tmpdir())",
    machine: { node: process.version, cpus: cpus().length },
    connections: CONNECTIONS,
    slices: { rounds: ROUNDS, seconds: SLICE, warmup_s: WARMUP },
    mixed: { rounds: MIX_ROUNDS, seconds: MIX_SLICE, warmup_s: MIX_WARMUP, forget_every_s: FORGET_EVERY_S, zipf_s: 1, seed: "fixed (scripts/bench/mix.mjs)" },
    data: counts,
    routes: results,
    refusals_cpu_ms_per_request: refusals,
  };
  mkdirSync(path.join(root, "bench"), { recursive: true });
  const file = QUICK ? "results.quick.json" : ON_DISK ? "results.disk.json" : "results.json";
  writeFileSync(path.join(root, "bench", file), `${JSON.stringify(out, null, 2)}\n`);
}
