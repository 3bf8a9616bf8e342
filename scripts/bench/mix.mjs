// The bench's "mixed" traffic (issue 18 §5): requests drawn Zipf-distributed (s = 1) over the
// 1,000 seeded shops and, within a shop, over its pages (home, the two collections, its first 50
// products, four searches), from a fixed seed: the same sequence every run. Each response's
// `x-cache` (hit: the isolate's memory; shared: the location's Cache API; stale: served at once
// and rendered again in the background; miss: rendered from D1; none: no page cache, CACHE_DISABLED)
// is counted, and the isolate's memory is emptied every few seconds through the bench-only hook
// (GET /healthz/forget, src/lib/bench-hooks.ts) to model cold isolates. Each response's D1 round
// trips are counted too (`d1q` of its Server-Timing): a response that made one waited on D1
// (with a far D1, the whole delay), whatever its `x-cache` says (a cached page still needs the
// shop's record, src/tenancy/shop-cache.ts).
import { BIG } from "./seed-scale.mjs";

const SEED = 0x5eed18;
const PRODUCTS = 50;
const SEARCHES = ["chiffon kurta", "lawn suit", "silk", "rose dupatta"];

/** A shop's pages, most visited first. */
const PAGES = [
  "/",
  "/collections/everything",
  "/collections/new-in",
  ...Array.from({ length: PRODUCTS }, (_, i) => `/products/product-${i + 1}`),
  ...SEARCHES.map((q) => `/search?q=${encodeURIComponent(q).replace(/%20/g, "+")}`),
];

/** mulberry32: a small seeded PRNG, so every run draws the same requests. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Zipf (s = 1) sampler over ranks 0..n-1: rank k drawn with probability ∝ 1/(k+1). */
function zipf(n) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1);
  return (u) => {
    const x = u * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The shops' hosts in rank order: "big" (shop 1) first, then shop0002 ... shop1000. */
const hosts = (root, shops) => Array.from({ length: shops }, (_, i) => `${i === 0 ? BIG : `shop${String(i + 1).padStart(4, "0")}`}.${root}`);

/**
 * The mixed load for autocannon: `url` is the server's origin; each request's host and path are
 * drawn from one seeded sequence (restarted by `restart()`); `counts` tallies `x-cache`.
 */
export function mixedLoad(url, root, { shops = 1000, connections }) {
  const shopRank = zipf(shops);
  const pageRank = zipf(PAGES.length);
  const all = hosts(root, shops);
  let random = prng(SEED);
  const counts = { hit: 0, shared: 0, stale: 0, miss: 0, none: 0, non_200: 0, d1: 0, cached_d1: 0 };
  const load = {
    url,
    connections,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => {
          const host = all[shopRank(random())];
          const path = PAGES[pageRank(random())];
          return { ...req, path, headers: { ...req.headers, host } };
        },
      },
    ],
    setupClient: (client) => {
      client.on("headers", ({ statusCode, headers }) => {
        if (statusCode !== 200) counts.non_200++;
        let level = "none";
        let trips = 0;
        for (let i = 0; i < headers.length; i += 2) {
          const name = String(headers[i]).toLowerCase();
          if (name === "x-cache") level = String(headers[i + 1]);
          if (name === "server-timing") trips = Number(/d1q;dur=(\d+)/.exec(String(headers[i + 1]))?.[1] ?? 0);
        }
        counts[level] = (counts[level] ?? 0) + 1;
        if (trips > 0) {
          counts.d1++;
          if (level === "hit" || level === "shared" || level === "stale") counts.cached_d1++;
        }
      });
    },
  };
  return {
    load,
    counts,
    restart() {
      random = prng(SEED);
      for (const k of Object.keys(counts)) counts[k] = 0;
    },
    /**
     * The share of each cache level among the responses counted since `restart()`/`reset()`;
     * `d1`: the share that made a D1 round trip (waited on D1), `cached_d1`: those among them
     * that served a cached page (hit, shared or stale).
     */
    rates() {
      const total = counts.hit + counts.shared + counts.stale + counts.miss + counts.none;
      const share = (n) => (total ? Number((n / total).toFixed(3)) : 0);
      const levels = { hit: share(counts.hit), shared: share(counts.shared), stale: share(counts.stale), miss: share(counts.miss), none: share(counts.none) };
      return { ...levels, d1: share(counts.d1), cached_d1: share(counts.cached_d1), responses: total, non_200: counts.non_200 };
    },
    reset() {
      for (const k of Object.keys(counts)) counts[k] = 0;
    },
  };
}

/**
 * Arithmetic on the mix's own sequence, not a measure: at `rate` requests/s in one location, the
 * share of requests whose page was asked for less than `pageS` seconds before (the page cache
 * holds it: STALE_MAX_MS, src/storefront/page-cache.ts) and whose shop less than `shopS` seconds
 * before (its record is usable: SHOP_STALE_MS, src/tenancy/shop-cache.ts): the most the caches
 * can serve with no D1 round trip. Counted over `seconds` of traffic after `settleS`.
 */
export function reach(rate, { shops = 1000, pageS = 60, shopS = 5, seconds = 300, settleS = 120 } = {}) {
  const mix = mixedLoad("http://localhost/", "bench.local", { shops, connections: 1 });
  const draw = mix.load.requests[0].setupRequest;
  const lastPage = new Map();
  const lastShop = new Map();
  let counted = 0;
  let served = 0;
  for (let i = 0; i < rate * (settleS + seconds); i++) {
    const { path, headers } = draw({ headers: {} });
    const t = i / rate;
    const page = lastPage.get(headers.host + path);
    const shop = lastShop.get(headers.host);
    if (t >= settleS) {
      counted++;
      if (page !== undefined && t - page < pageS && shop !== undefined && t - shop < shopS) served++;
    }
    lastPage.set(headers.host + path, t);
    lastShop.set(headers.host, t);
  }
  return Number((served / counted).toFixed(3));
}

/** Runs `work` while `tick` runs every `seconds` (the cold isolates); answers what `work` did. */
export async function every(seconds, tick, work) {
  let failed = null;
  const timer = setInterval(() => {
    tick().catch((err) => (failed ??= err));
  }, seconds * 1000);
  try {
    const out = await work();
    if (failed) throw failed;
    return out;
  } finally {
    clearInterval(timer);
  }
}
