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
    // Lighthouse's own race (test/e2e/lighthouse.e2e.ts): its wait for a quiet page polls the page
    // over DevTools, and a poll still in flight when the run closes its session rejects
    // ("Page.enable: Session closed") after the run has returned its complete result, which the
    // test asserts. That one rejection, from that method, is not a failure; any other unhandled
    // error still fails the run.
    onUnhandledError(error) {
      const e = error as Error & { protocolMethod?: string };
      if (e.protocolMethod === "Page.enable" && /Session closed/.test(e.message ?? "")) return false;
    },
  },
});
