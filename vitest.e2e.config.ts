import { defineConfig } from "vitest/config";

// Browser tests: Node runs playwright-core against a real Chromium on a phone viewport; the
// global setup serves the Worker with `wrangler dev` on a free port with a fresh local D1/R2.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["./test/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
