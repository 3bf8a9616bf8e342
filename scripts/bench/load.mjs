// Load runs for the bench, measured against the baseline by interleaving: a route and the
// baseline take turns in short slices, and each one's requests/s is its requests over its own
// time across all its slices. This machine's speed drifts by a third and more within a run
// (seen: 1,939 to 3,931 req/s for the same fixed page); drift slower than a slice falls on
// both alike, so the ratio measures the route, not the moment it happened to run in.
import autocannon from "autocannon";

/**
 * One autocannon run, keeping every response's latency so that slices can be merged. Its time
 * runs from the start to the last response: autocannon only ends a run at its next sample (every
 * 100 ms here), and its own duration would count that wait, up to a sixth of a short run of a
 * fixed amount of requests (an order slice), when the runtime has nothing left to do.
 */
async function slice(load) {
  const latencies = [];
  const started = performance.now();
  let last = started;
  const run = autocannon({ sampleInt: 100, ...load });
  run.on("response", (_client, _status, _bytes, ms) => {
    latencies.push(ms);
    last = performance.now();
  });
  const r = await run;
  const seconds = (last - started) / 1000;
  return { requests: latencies.length, seconds, latencies, failed: r.non2xx + r.errors + r.timeouts, result: r };
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);

/** Slices merged: requests/s over their total time, and p50/p99 over all their responses. */
function merge(slices) {
  const requests = slices.reduce((n, s) => n + s.requests, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  const sorted = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  return {
    rps: Math.round(requests / seconds),
    p50_ms: Math.round(percentile(sorted, 50)),
    p99_ms: Math.round(percentile(sorted, 99)),
    requests,
    failed: slices.reduce((n, s) => n + s.failed, 0),
    results: slices.map((s) => s.result),
  };
}

/**
 * `route` and `baseline` (autocannon options without a duration) in `rounds` turns of
 * `seconds` each, baseline first. `route.amount` instead runs the route for that many requests
 * in all, split across the rounds (placing orders until the stock runs out).
 */
export async function interleaved(route, baseline, { rounds, seconds }) {
  const mine = [];
  const base = [];
  for (let i = 0; i < rounds; i++) {
    base.push(await slice({ ...baseline, duration: seconds }));
    if (route.amount) {
      const done = mine.reduce((n, s) => n + s.requests, 0);
      const amount = Math.ceil((route.amount - done) / (rounds - i));
      if (amount > 0) mine.push(await slice({ ...route, amount }));
    } else {
      mine.push(await slice({ ...route, duration: seconds }));
    }
  }
  return { route: merge(mine), baseline: merge(base) };
}

/** Load that is not measured: the JIT and the runtime's caches settle first. Answers its rate. */
export async function warmUp(load, seconds) {
  if (!(seconds > 0)) return { rps: 0 };
  const r = await autocannon({ ...load, amount: undefined, duration: seconds });
  return { rps: r.requests.total / r.duration };
}

/**
 * Configurations of loads run side by side (each load with its own connections, all of a
 * configuration's at once: orders to two shops together), taking turns in `rounds` with the
 * baseline and with each other (their order reversed every other round): drift falls on every
 * configuration alike, so the ratio of two measures the configurations, not the moment. Answers,
 * for each configuration, each load merged over its slices (`each`) and all of its responses'
 * latencies together (`all`), and the baseline.
 */
export async function sideBySide(configs, baseline, { rounds, seconds }) {
  const base = [];
  const names = Object.keys(configs);
  const slices = Object.fromEntries(names.map((k) => [k, configs[k].map(() => [])]));
  for (let i = 0; i < rounds; i++) {
    base.push(await slice({ ...baseline, duration: seconds }));
    for (const k of i % 2 ? [...names].reverse() : names) {
      const got = await Promise.all(configs[k].map((load) => slice({ ...load, duration: seconds })));
      got.forEach((s, j) => slices[k][j].push(s));
    }
  }
  const out = Object.fromEntries(names.map((k) => [k, { each: slices[k].map(merge), all: merge(slices[k].flat()) }]));
  return { baseline: merge(base), configs: out };
}
