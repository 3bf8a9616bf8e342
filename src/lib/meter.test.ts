/**
 * Metering is on in development, tests and the bench, and off in production: there D1 is the
 * request's D1 session itself (src/db/sessions.ts; no Proxy on every query) and no response
 * publishes query counts or times.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import type { Environment } from "../env";
import { isMetered } from "./meter";

/** The app, with a probe that says whether c.var.db runs on a D1 session itself (its own methods, no Proxy's). */
function appWithProbe() {
  const app = createApp();
  app.get("/_p/probe/db", (c) => {
    const d1 = c.var.db.$client;
    const own = "getBookmark" in d1 && d1.prepare === (Object.getPrototypeOf(d1) as D1DatabaseSession).prepare;
    return c.text(own ? "session" : "wrapped");
  });
  return app;
}

const on = (environment: Environment) => ({ ...env, ENVIRONMENT: environment });

describe("metering", () => {
  it.each([
    ["development", true],
    ["test", true],
    ["bench", true],
    ["production", false],
  ] as const)("%s: metered %s", (environment, metered) => {
    expect(isMetered({ ENVIRONMENT: environment })).toBe(metered);
  });

  it("in tests: D1 round trips, statements and time in Server-Timing, D1 wrapped", async () => {
    const app = appWithProbe();
    const res = await app.request("https://hatti.test/healthz/db", {}, on("test"));
    expect(res.status).toBe(200);
    const timing = res.headers.get("server-timing") ?? "";
    expect(timing).toMatch(/(^|,)d1;dur=[0-9.]+;desc="1 queries"/);
    // Its two reads, folded into one statement (src/db/template.ts runTemplates).
    expect(timing).toContain("d1q;dur=1,d1s;dur=1,");
    expect(timing).toMatch(/(^|,)total;dur=[0-9.]+/);
    expect(await (await app.request("https://hatti.test/probe/db", {}, on("test"))).text()).toBe("wrapped");
  });

  it("in production: no Server-Timing at all, and D1 is the request's session itself", async () => {
    const app = appWithProbe();
    for (const url of ["https://hatti.test/healthz/db", "https://hatti.test/", "https://hatti.test/login", "https://hatti.test/no/such/page"]) {
      const res = await app.request(url, {}, on("production"));
      expect(res.status, url).toBeLessThan(500);
      expect(res.headers.get("server-timing"), url).toBeNull();
    }
    const probe = await app.request("https://hatti.test/probe/db", {}, on("production"));
    expect(await probe.text()).toBe("session");
  });
});
