// The bench's runtime: the production build of the Worker (wrangler's dry-run build) served by
// Miniflare's API on workerd, with local D1 (migrations applied) and R2 in a temporary directory.
// Used by bench.mjs and profile.mjs.
import { spawnSync } from "node:child_process";
import { databaseBindings } from "../lib/databases.mjs";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.join(import.meta.dirname, "..", "..");
const wrangler = path.join(root, "node_modules", "wrangler", "bin", "wrangler.js");

/**
 * A new temporary directory for the run's D1 and R2: in memory (/dev/shm) where the machine
 * has it, unless `onDisk`. Local D1 is a SQLite file inside workerd, and on this machine's
 * virtual disk every D1 call, reads included, cost more of workerd's one thread (the bare
 * round trip fell from about 0.37 of the baseline to 0.24; placing orders alone, from 0.19 to
 * 0.14): a cost of the machine's disk, not of the Worker (production D1 is not a file on the
 * Worker's host). `--disk` measures it anyway.
 */
export function benchDir(prefix, { onDisk = false } = {}) {
  const base = !onDisk && existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  return mkdtempSync(path.join(base, prefix));
}

/** The platform's host in the bench; shops are {slug}.BENCH_ROOT. */
export const BENCH_ROOT = "bench.local";

function runWrangler(args, what, cwd = root) {
  const r = spawnSync(process.execPath, [wrangler, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" } });
  if (r.status !== 0) throw new Error(`${what} failed\n${r.stdout}\n${r.stderr}`);
}

/** Builds exactly what would be deployed into `tmp`/build and migrates a local D1 in `tmp` (`from`: another checkout's tree, scripts/bench/ab.mjs). */
export function buildWorker(tmp, { from = root } = {}) {
  runWrangler(["deploy", "--dry-run", "--outdir", path.join(tmp, "build")], "build", from);
  for (const binding of databaseBindings()) runWrangler(["d1", "migrations", "apply", binding, "--local", "--persist-to", tmp], `migrations of ${binding}`, from);
}

/**
 * Miniflare options serving that build; `cacheDisabled` is the bench-only page-cache switch;
 * `hooks` turns on the bench-only hooks (src/lib/bench-hooks.ts: the cold-isolate route, and
 * `d1DelayMs` before every D1 round trip).
 */
export function workerOptions(tmp, { cacheDisabled = false, hooks = false, d1DelayMs = 0, inspectorPort } = {}) {
  const outdir = path.join(tmp, "build");
  return {
    modules: true,
    scriptPath: path.join(outdir, "index.js"),
    modulesRoot: outdir,
    compatibilityDate: "2026-04-01",
    defaultPersistRoot: path.join(tmp, "v3"),
    d1Databases: { DB: "00000000-0000-0000-0000-000000000000", SHARD_1: "00000000-0000-0000-0000-000000000001" },
    r2Buckets: { MEDIA: "hatti-media" },
    // The outbox's queue, as wrangler.toml declares it: an order's enqueue and the delivery of its
    // messages (dev transport) are part of what placing an order costs.
    queueProducers: { MESSAGES: { queueName: "hatti-messages" } },
    queueConsumers: {
      "hatti-messages": { maxBatchSize: 10, maxBatchTimeout: 1, maxRetries: 4, retryDelay: 30, deadLetterQueue: "hatti-messages-dlq" },
      "hatti-messages-dlq": { maxBatchSize: 10, maxBatchTimeout: 1 },
    },
    bindings: {
      ROOT_DOMAIN: BENCH_ROOT,
      ENVIRONMENT: "bench",
      CACHE_DISABLED: cacheDisabled ? "1" : "0",
      ...(hooks ? { BENCH_HOOKS: "1", BENCH_D1_DELAY_MS: String(d1DelayMs) } : {}),
    },
    host: "127.0.0.1",
    port: 0,
    ...(inspectorPort ? { inspectorPort } : {}),
  };
}

/**
 * CPU time (user + system) of this process's workerd so far, from /proc: what a request costs
 * the runtime, less noisy than requests/s and the same measure production bills (CPU, not wall).
 * `only`: these pids' (one Miniflare's runtime beside another's: scripts/bench/ab.mjs).
 */
export function workerdCpuMs(only) {
  let total = 0;
  for (const pid of only ?? workerdPids()) total += ownCpuMs(`/proc/${pid}/stat`) ?? 0;
  return total;
}

/**
 * workerdCpuMs split by thread: `main`, the runtime's own thread (every isolate's JavaScript,
 * local D1's included: under load it is saturated, requests/s times its CPU a request is about one
 * second a second), and `helpers`, V8's (concurrent garbage collection, compilation).
 */
export function workerdThreadCpuMs(only) {
  const out = { main: 0, helpers: 0 };
  for (const pid of only ?? workerdPids()) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) out[tid === pid ? "main" : "helpers"] += ownCpuMs(`/proc/${pid}/task/${tid}/stat`) ?? 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** user + system ms of a /proc stat file, if its process is this program's child (not another program's runtime) and still there. */
function ownCpuMs(statPath) {
  const tick = 1000 / 100; // USER_HZ
  try {
    const fields = readFileSync(statPath, "utf8").split(") ")[1].split(" ");
    return Number(fields[1]) === process.pid ? (Number(fields[11]) + Number(fields[12])) * tick : undefined;
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** The pids of this process's workerd runtimes (one a Miniflare). */
export function workerdPids() {
  return readdirSync("/proc").filter((pid) => {
    try {
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("workerd");
    } catch {
      return false;
    }
  });
}
