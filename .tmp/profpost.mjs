#!/usr/bin/env node
// node scripts/bench/profile.mjs [--uncached] [--disk] [--isolate=NAME] [--rps] ROUTE...
// Samples one isolate's CPU (V8 inspector; the Worker by default, "worker d1:db" for local D1)
// while autocannon loads each route, and prints the functions with the most self time. A tool
// for finding why a route misses its target. --rps only measures requests/s (no sampling), to
// compare two versions of a route quickly.
import autocannon from "autocannon";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";
import WebSocket from "ws";
import { BENCH_ROOT, benchDir, buildWorker, workerdCpuMs, workerOptions } from "../scripts/bench/runtime.mjs";
import { BIG, scaleSeedSql } from "../scripts/bench/seed-scale.mjs";

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
  for (const sql of scaleSeedSql({ raceStock: 100, shops: 10, bigProducts: 500, orders: 5000 })) await db.prepare(sql).run();
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
  const host = `${BIG}.${BENCH_ROOT}`;
  const warm = await db.prepare(`SELECT v.id FROM variants v WHERE v.sku = 'WARM-1'`).first();
  const zone = await db.prepare(`SELECT z.id FROM delivery_zones z JOIN shops s ON s.id = z.shop_id WHERE s.slug = ?`).bind(BIG).first();
  const code = process.env.CODE ?? "";
  if (process.env.NOCOD) await db.prepare("UPDATE shops SET cod_confirm = 0").run();
  if (process.env.NOCUST) await db.prepare("DROP TRIGGER customers_orders_ai").run();
  if (process.env.NOIDX) { await db.prepare("DROP INDEX customers_shop_recent_idx").run(); await db.prepare("DROP INDEX customers_shop_spent_idx").run(); }
  if (process.env.PHONES) globalThis.PHONES = 1;
  const cookie = `hatti_cart=${warm.id}x1${code ? `; hatti_code=${code}` : ""}`;
  const page = await mf.dispatchFetch(`http://${host}/checkout`, { headers: { cookie } });
  const basis = /name="basis" value="([^"]*)"/.exec(await page.text())[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  let n = 0;
  for (const route of ["POST /checkout"]) {
    const opts = { url: new URL("/checkout", base).toString(), connections: 16, duration: 4, requests: [{ method: "POST", setupRequest: (req) => { n++; return { ...req, headers: { ...req.headers, host, origin: `http://${host}`, "content-type": "application/x-www-form-urlencoded", cookie, "cf-connecting-ip": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }, body: new URLSearchParams({ key: `prof${String(n).padStart(20, "0")}`, name: "B", phone: globalThis.PHONES ? `0300${String(1000000 + n).slice(-7)}` : "03001234567", city: "Lahore", address: "House 1, Street 2", zone: String(zone.id), payment: "cod", basis }).toString() }; } }] };
    await autocannon({ ...opts, duration: 1 });
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
