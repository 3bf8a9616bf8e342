// The bench's report: the table on the terminal, and bench/results.json (results.disk.json with
// --disk, results.quick.json with --quick).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { CONNECTIONS, FORGET_EVERY_S, MIX_RATE, MIX_ROUNDS, MIX_SLICE, MIX_WARMUP, ON_DISK, QUICK, ROUNDS, SLICE, WARMUP } from "./settings.mjs";

const root = path.join(import.meta.dirname, "..", "..");

/** The shards row's summary (scripts/bench/shards.mjs): orders/s of each shop, the ratio, the load, and what it shows. */
export function shardsLines(s) {
  const each = (o) => Object.entries(o).map(([slug, rps]) => `${slug} ${rps}`).join(" + ");
  const total = (o) => Object.values(o).reduce((t, x) => t + x, 0);
  return [
    `shards: orders/s, 2 shops in 1 database: ${each(s.one_database)} = ${total(s.one_database)}; in 2 shards: ${each(s.two_shards)} = ${total(s.two_shards)}; 2 shards / 1 database x${s.ratio} (load average ${s.load_average.join(", ")}; workerd ${s.workerd_cores} of a core)`,
    `  D1 round trips an order: ${Object.entries(s.d1_round_trips_per_order).map(([slug, n]) => `${slug} ${n}`).join(", ")}`,
    `  ${s.note}`,
  ];
}

export function writeResults(results, counts, refusals, tmp, { capacity, cacheReach, shards }) {
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
    console.log("mixed rows (p50 at the offered rate: 100 req/s, or half the row's full-load req/s): D1 delay, p50 / baseline p50, the share of responses from each cache level (x-cache), and of those that waited on D1");
    for (const [name, r] of mixes) {
      const x = r.x_cache;
      console.log(`  ${name.padEnd(28)} ${String(r.d1_delay_ms).padStart(4)} ms  p50 x${r.p50_x_baseline}  hit ${x.hit}  shared ${x.shared}  stale ${x.stale}  miss ${x.miss}  none ${x.none}  D1 ${x.d1} (cached ${x.cached_d1})  (${x.responses} responses)`);
    }
    console.log("");
  }
  if (shards) console.log(`${shardsLines(shards).join("\n")}\n`);
  const out = {
    generated_at: new Date().toISOString(),
    quick: QUICK,
    storage: ON_DISK ? "disk (os.tmpdir())" : tmp.startsWith("/dev/shm") ? "memory (/dev/shm)" : "disk (os.tmpdir())",
    machine: { node: process.version, cpus: cpus().length },
    connections: CONNECTIONS,
    slices: { rounds: ROUNDS, seconds: SLICE, warmup_s: WARMUP },
    mixed: { rounds: MIX_ROUNDS, seconds: MIX_SLICE, warmup_s: MIX_WARMUP, offered_rps_at_most: MIX_RATE, forget_every_s: FORGET_EVERY_S, zipf_s: 1, seed: "fixed (scripts/bench/mix.mjs)" },
    data: counts,
    routes: results,
    refusals_cpu_ms_per_request: refusals,
    mixed_cache_reach: cacheReach,
    footprint: capacity,
    shards,
  };
  mkdirSync(path.join(root, "bench"), { recursive: true });
  const file = QUICK ? "results.quick.json" : ON_DISK ? "results.disk.json" : "results.json";
  writeFileSync(path.join(root, "bench", file), `${JSON.stringify(out, null, 2)}\n`);
}
