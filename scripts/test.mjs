#!/usr/bin/env node
// npm test: every check in order, each phase timed, the first failure stops the run.
// HOSTILE=all (npm run test:full) runs the whole hostile corpus instead of today's sample.
import { spawnSync } from "node:child_process";

const node = process.execPath;
const phases = [
  ["typecheck", ["node_modules/typescript/bin/tsc", "-p", "."]],
  ["typecheck (client)", ["node_modules/typescript/bin/tsc", "-p", "tsconfig.client.json"]],
  ["dead exports (knip)", ["node_modules/knip/bin/knip.js", "--no-progress"]],
  ["copies (duplicates)", ["scripts/duplicates.mjs"]],
  ["architecture map", ["--test", "scripts/architecture.test.mjs"]],
  ["workers tests (vitest)", ["node_modules/vitest/vitest.mjs", "run"]],
  ["browser tests", ["scripts/e2e.mjs"]],
];

const times = [];
const started = performance.now();
for (const [name, args] of phases) {
  console.log(`\ntest: ${name}`);
  const t0 = performance.now();
  const r = spawnSync(node, args, { stdio: "inherit" });
  times.push([name, (performance.now() - t0) / 1000]);
  if (r.status !== 0) {
    report();
    console.error(`test: ${name} failed`);
    process.exit(r.status ?? 1);
  }
}
report();

function report() {
  console.log("\ntest: time per phase");
  for (const [name, s] of times) console.log(`  ${name.padEnd(24)} ${s.toFixed(1).padStart(6)} s`);
  console.log(`  ${"total".padEnd(24)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
}
