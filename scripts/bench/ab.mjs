#!/usr/bin/env node
// node scripts/bench/ab.mjs [--base=REF] [--rounds=N] [--seconds=S] ROUTE...
// A change's before and after, side by side: the Worker built from REF (default HEAD, in a
// temporary git worktree) and from this working tree, each in its own Miniflare seeded alike
// (scripts/bench/seed-scale.mjs), loaded in turns (the order swapped every round) so that the
// machine's drift falls on both. Reports each one's runtime CPU per request (its own workerd's,
// from /proc: steadier than requests/s here) as the median over the rounds, and B / A.
// An /admin/... route is asked on the root host as the bench's seller, as profile.mjs does.
// Before the load, each route's page is fetched from both and compared: a refactor that should
// change no byte (markup written another way) shows "same page"; otherwise where they part.
import autocannon from "autocannon";
import { execFileSync } from "node:child_process";
import { rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { Miniflare } from "miniflare";
import { BENCH_ROOT, benchDir, buildWorker, workerdCpuMs, workerdPids, workerOptions } from "./runtime.mjs";
import { routeHeaders, scaleSeedSql, sellerSql } from "./seed-scale.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const base = opt("base", "HEAD");
const rounds = Number(opt("rounds", 6));
const seconds = Number(opt("seconds", 3));
const routes = args.filter((a) => !a.startsWith("--"));
const root = path.join(import.meta.dirname, "..", "..");

const checkout = benchDir("hatti-ab-src-", { onDisk: true });
execFileSync("git", ["worktree", "add", "--detach", checkout, base], { cwd: root, stdio: "ignore" });
symlinkSync(path.join(root, "node_modules"), path.join(checkout, "node_modules"));
const sides = [];
try {
  for (const [name, from] of [["A", checkout], ["B", root]]) {
    const tmp = benchDir(`hatti-ab-${name}-`);
    buildWorker(tmp, { from });
    const before = new Set(workerdPids());
    const mf = new Miniflare(workerOptions(tmp));
    const url = await mf.ready;
    const pids = workerdPids().filter((p) => !before.has(p));
    const db = await mf.getD1Database("DB");
    for (const sql of scaleSeedSql({ raceStock: 100 })) await db.prepare(sql).run();
    const seller = sellerSql();
    for (const sql of seller.statements) await db.prepare(sql).run();
    sides.push({ name, tmp, mf, url, pids, seller });
    console.log(`${name}: ${name === "A" ? base : "working tree"}, workerd ${pids.join(",")}`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const route of routes) {
    const runs = Object.fromEntries(sides.map((s) => [s.name, { cpu: [], rps: [] }]));
    const load = (s, duration) => {
      return autocannon({ url: new URL(route, s.url).toString(), connections: 32, duration, headers: routeHeaders(route, BENCH_ROOT, s.seller.token) });
    };
    const [pageA, pageB] = await Promise.all(
      sides.map(async (s) => {
        // Through Miniflare's dispatchFetch: Node's fetch would not send the route's Host.
        const headers = routeHeaders(route, BENCH_ROOT, s.seller.token);
        return (await s.mf.dispatchFetch(`http://${headers.host}${route}`, { headers })).text();
      }),
    );
    if (pageA === pageB) console.log(`${route}: same page (${pageA.length} characters)`);
    else {
      let at = 0;
      while (pageA[at] === pageB[at]) at++;
      console.log(`${route}: pages differ at character ${at}\n  A …${pageA.slice(Math.max(0, at - 80), at + 120)}\n  B …${pageB.slice(Math.max(0, at - 80), at + 120)}`);
    }
    // Warm-up: a runtime's first seconds under load cost it more (its code not yet optimised, its
    // heap still growing), and would fall on whichever side went first.
    for (const s of sides) await load(s, 2 * seconds);
    for (let i = 0; i < rounds; i++) {
      for (const s of i % 2 ? [...sides].reverse() : sides) {
        const cpu0 = workerdCpuMs(s.pids);
        const r = await load(s, seconds);
        if (r.non2xx || r.errors) throw new Error(`${route} on ${s.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        runs[s.name].cpu.push((workerdCpuMs(s.pids) - cpu0) / r.requests.total);
        runs[s.name].rps.push(r.requests.total / seconds);
      }
    }
    const [a, b] = sides.map((s) => ({ cpu: median(runs[s.name].cpu), rps: median(runs[s.name].rps) }));
    console.log(`${route}: A ${a.cpu.toFixed(3)} ms CPU, ${Math.round(a.rps)} req/s | B ${b.cpu.toFixed(3)} ms CPU, ${Math.round(b.rps)} req/s | B/A CPU ${(b.cpu / a.cpu).toFixed(3)}`);
    for (const s of sides) console.log(`  ${s.name} rounds: ${runs[s.name].cpu.map((x) => x.toFixed(2)).join(" ")}`);
  }
} finally {
  for (const s of sides) {
    await s.mf.dispose();
    rmSync(s.tmp, { recursive: true, force: true });
  }
  execFileSync("git", ["worktree", "remove", "--force", checkout], { cwd: root, stdio: "ignore" });
}
