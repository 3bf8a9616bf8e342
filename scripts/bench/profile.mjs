#!/usr/bin/env node
// node scripts/bench/profile.mjs [--uncached] [--disk] [--isolate=NAME] [--rps] ROUTE...
// Samples one isolate's CPU (V8 inspector; the Worker by default, "worker d1:db" for local D1)
// while autocannon loads each route, and prints the functions with the most self time. A tool
// for finding why a route misses its target. --rps only measures requests/s and workerd's CPU a
// request, its own thread apart from V8's helpers (no sampling): routes given in turns (a route
// twice, or a variant of it) are compared in one runtime, the truest measure of a part's cost here
// (V8's samples of workerd put a fifth of the list's time in its Response; taking it away, a
// fifteenth). An /admin/... route is asked on the root host as the
// bench's seller (scripts/bench/seed-scale.mjs sellerSql, the owner of the big shop).
import autocannon from "autocannon";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";
import WebSocket from "ws";
import { BENCH_ROOT, benchDir, buildWorker, workerdThreadCpuMs, workerOptions } from "./runtime.mjs";
import { routeHeaders, scaleSeedSql, sellerSql } from "./seed-scale.mjs";

const args = process.argv.slice(2);
const uncached = args.includes("--uncached");
const rpsOnly = args.includes("--rps");
const isolate = (args.find((a) => a.startsWith("--isolate=")) ?? "--isolate=core:user").slice(10);
const routes = args.filter((a) => !a.startsWith("--"));

const tmp = benchDir("hatti-prof-", { onDisk: args.includes("--disk") });
buildWorker(tmp);
const mf = new Miniflare(workerOptions(tmp, { cacheDisabled: uncached, inspectorPort: 9239 }));
try {
  const base = await mf.ready;
  const db = await mf.getD1Database("DB");
  for (const sql of scaleSeedSql({ raceStock: 100 })) await db.prepare(sql).run();
  const seller = sellerSql();
  for (const sql of seller.statements) await db.prepare(sql).run();
  const targets = await (await fetch("http://127.0.0.1:9239/json")).json();
  const target = targets.find((t) => t.title.endsWith(isolate)) ?? targets.find((t) => t.title.includes(isolate));
  console.log("targets:", targets.map((t) => t.title).join(", "), "-> profiling", target.title);
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((r) => ws.once("open", r));
  let id = 0;
  const pending = new Map();
  ws.on("message", (m) => {
    const msg = JSON.parse(m.toString());
    if (msg.id && pending.has(msg.id)) pending.get(msg.id)(msg.result ?? msg.error);
  });
  const send = (method, params = {}) => new Promise((r) => { pending.set(++id, r); ws.send(JSON.stringify({ id, method, params })); });
  await send("Profiler.enable");
  await send("Profiler.setSamplingInterval", { interval: 50 });
  for (const route of routes) {
    const headers = routeHeaders(route, BENCH_ROOT, seller.token);
    const opts = { url: new URL(route, base).toString(), connections: 16, duration: 3, headers };
    await autocannon({ ...opts, duration: 1 });
    if (rpsOnly) {
      const cpu0 = workerdThreadCpuMs();
      const r = await autocannon({ ...opts, connections: 32, duration: 5 });
      const cpu1 = workerdThreadCpuMs();
      const per = (k) => ((cpu1[k] - cpu0[k]) / r.requests.total).toFixed(3);
      console.log(`${route}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, runtime CPU ms/request: main thread ${per("main")}, V8 helpers ${per("helpers")}`);
      continue;
    }
    await send("Profiler.start");
    const r = await autocannon(opts);
    const { profile } = await send("Profiler.stop");
    writeFileSync(`/tmp/prof/${route.replace(/\W+/g, "_")}.cpuprofile`, JSON.stringify(profile));
    const self = new Map();
    const dt = (profile.endTime - profile.startTime) / profile.samples.length;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const counts = new Map();
    for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
    let total = 0;
    for (const [nid, n] of counts) {
      const node = byId.get(nid);
      const f = node.callFrame;
      const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + n);
      total += n;
    }
    const idle = self.get("(idle) :-1") ?? 0;
    console.log(`\n${route}: ${Math.round(r.requests.average)} req/s; busy ${(100 * (1 - idle / total)).toFixed(0)}% of samples; per request ${(((total - idle) * dt) / 1000 / r.requests.total).toFixed(3)} ms`);
    for (const [k, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * n) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
  ws.close();
} finally {
  await mf.dispose();
  rmSync(tmp, { recursive: true, force: true });
}
