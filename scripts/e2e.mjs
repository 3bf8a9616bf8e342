#!/usr/bin/env node
// Runs the browser tests in Chromium. Where no Chromium is found it says so loudly and skips,
// unless E2E_REQUIRED=1 (CI), where that is a failure.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const chrome = candidates.find((p) => p && existsSync(p));
if (!chrome) {
  const banner = "!".repeat(72);
  console.error(`\n${banner}\n  BROWSER TESTS NOT RUN: no Chromium found (looked for CHROME_PATH, /usr/bin/chromium).\n  Install it with: apt-get install -y chromium\n${banner}\n`);
  process.exit(process.env.E2E_REQUIRED === "1" ? 1 : 0);
}
const r = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(r.status ?? 1);
