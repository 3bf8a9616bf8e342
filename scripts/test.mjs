#!/usr/bin/env node
// npm test: every check, each phase timed. The static checks (type-check, dead exports, copies,
// the architecture map) and the making of the browser tests' databases run beside the Workers
// tests, their output held until they end; the browser tests follow. Any failure fails the run;
// a failed first stage skips the browser tests.
// HOSTILE=all (npm run test:full) runs the whole hostile corpus instead of today's sample.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const STATIC = [
  ["typecheck", ["node_modules/typescript/bin/tsc", "-p", "."]],
  ["typecheck (client)", ["node_modules/typescript/bin/tsc", "-p", "tsconfig.client.json"]],
  ["dead exports (knip)", ["node_modules/knip/bin/knip.js", "--no-progress"]],
  ["copies (duplicates)", ["scripts/duplicates.mjs"]],
  ["architecture map", ["--test", "--test-reporter=dot", "scripts/architecture.test.mjs"]],
];
const WORKERS = ["workers tests (vitest)", ["node_modules/vitest/vitest.mjs", "run"]];
const BROWSER = ["browser tests", ["scripts/e2e.mjs"]];
// The browser tests' databases (migrated by wrangler, seeded) are made beside the Workers tests.
const e2eData = mkdtempSync(path.join(tmpdir(), "hatti-e2e-"));
const E2E_DATA = ["browser test data", ["scripts/lib/e2e-data.mjs", e2eData]];

const started = performance.now();
const times = [];

/** Runs one phase; `held` collects its output instead of printing it. */
function run([name, args], held, env = {}) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: held ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...env } });
    if (held) {
      child.stdout.on("data", (d) => held.push(d));
      child.stderr.on("data", (d) => held.push(d));
    }
    child.on("exit", (code) => {
      times.push([name, (performance.now() - t0) / 1000, code]);
      resolve(code ?? 1);
    });
  });
}

/** Runs phases one after another, each one's output held and shown only if it fails. */
async function lane(phases) {
  let failed = 0;
  for (const phase of phases) {
    const held = [];
    const code = await run(phase, held);
    if (code !== 0) {
      failed = code;
      process.stderr.write(`\ntest: ${phase[0]} failed:\n${Buffer.concat(held).toString()}\n`);
    }
  }
  return failed;
}

const [staticCode, workersCode] = await Promise.all([lane([...STATIC, E2E_DATA]), run(WORKERS)]);
const browserCode = staticCode || workersCode ? null : await run(BROWSER, null, { HATTI_E2E_DATA: e2eData });
rmSync(e2eData, { recursive: true, force: true });

console.log("\ntest: time per phase (the static checks and the browser test data were made beside the Workers tests)");
for (const [name, s, code] of times) console.log(`  ${name.padEnd(24)} ${s.toFixed(1).padStart(6)} s${code ? "  FAILED" : ""}`);
console.log(`  ${"total".padEnd(24)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
if (browserCode === null) console.log("test: browser tests not run (an earlier stage failed)");
process.exit(staticCode || workersCode || browserCode || 0);
