// The bench's settings, read from its command line (scripts/bench.mjs): how long each
// measurement runs, how many connections, the mixed rows; and its log, stamped with the seconds
// since the run started.
export const QUICK = process.argv.includes("--quick");
/** Turns of each route with the baseline, and the seconds of each slice. */
export const ROUNDS = QUICK ? 2 : 8;
export const SLICE = QUICK ? 0.4 : 0.6;
/** Seconds of load before each measurement, not counted: the JIT and the runtime settle. */
export const WARMUP = QUICK ? 0 : 1;
export const CONNECTIONS = 32;
/** Posts of the sell-out beyond the stock left: every one of them must be refused. */
export const SELL_OUT = 200;
/**
 * The mixed rows: longer slices (a far D1 makes requests of 150 ms and more, and a slice's end
 * drops the requests in flight), a longer warm-up (the caches fill as traffic comes: the rows
 * measure the steady state), and how often the isolate forgets.
 */
export const MIX_ROUNDS = QUICK ? 2 : 4;
export const MIX_SLICE = QUICK ? 1 : 2;
export const MIX_WARMUP = QUICK ? 0.5 : 3;
export const FORGET_EVERY_S = 2;
/**
 * The mixed rows' latency (their p50 and p99) is measured at an offered rate, the same for the
 * mix and its baseline, below what the runtime can serve: at full load (32 connections, each
 * sending its next request as soon as the last is answered) every response also waits for the
 * ones queued before it, and the p50 of a route is about 32 / its req/s whatever it waits on.
 * Visitors arrive at their own pace; the req/s ratio is still measured at full load. The rate is
 * MIX_RATE, or half the row's own full-load req/s where that is less (a loaded machine: an
 * offered rate the runtime cannot serve is a queue again).
 */
export const MIX_RATE = 100;
export const MIX_RATE_CONNECTIONS = 64;
/** The mixed rows: [name, D1 delay (ms), page caches off]. */
export const MIXES = [
  ["mixed", 0, false],
  ["mixed_uncached", 0, true],
  ["far_replica_30ms", 30, false],
  ["far_replica_30ms_uncached", 30, true],
  ["far_primary_150ms", 150, false],
  ["far_primary_150ms_uncached", 150, true],
];
export const started = Date.now();
export const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

export const ON_DISK = process.argv.includes("--disk");
