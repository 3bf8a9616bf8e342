/**
 * The bench's hooks (src/lib/bench-hooks.ts) are off unless the Worker runs the bench with
 * BENCH_HOOKS = "1": without the flag, or in any other environment, `/healthz/forget` is a 404
 * and D1 gets no delay.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import type { Environment } from "../env";
import { seedShop } from "../../test/storefront-fixtures";
import { benchD1DelayMs } from "./bench-hooks";

const root = `http://${env.ROOT_DOMAIN}`;
const on = (ENVIRONMENT: Environment, flags: { BENCH_HOOKS?: string; BENCH_D1_DELAY_MS?: string } = {}) => ({ ...env, ENVIRONMENT, ...flags });

describe("bench hooks", () => {
  it.each([
    ["test", {}],
    ["bench", {}],
    ["bench", { BENCH_HOOKS: "0" }],
    ["production", {}],
    ["production", { BENCH_HOOKS: "1" }],
    ["development", { BENCH_HOOKS: "1" }],
    ["test", { BENCH_HOOKS: "1" }],
  ] as const)("%s %o: /healthz/forget answers 404 and D1 gets no delay", async (environment, flags) => {
    const e = on(environment, { ...flags, BENCH_D1_DELAY_MS: "150" });
    const res = await createApp().request(`${root}/healthz/forget`, {}, e);
    expect(res.status).toBe(404);
    expect(benchD1DelayMs(e)).toBe(0);
  });

  it("with the bench's flag: forgets this isolate's pages (the next is not a memory hit) and delays D1", async () => {
    const s = await seedShop();
    const app = createApp();
    const bench = on("bench", { BENCH_HOOKS: "1" });
    const url = `${s.origin}/products/${s.optionsProduct}`;
    await app.request(url, {}, bench);
    expect((await app.request(url, {}, bench)).headers.get("x-cache")).toBe("hit");
    const forget = await app.request(`${root}/healthz/forget`, {}, bench);
    expect(forget.status).toBe(204);
    expect((await app.request(url, {}, bench)).headers.get("x-cache")).not.toBe("hit");
    expect(benchD1DelayMs({ ...bench, BENCH_D1_DELAY_MS: "150" })).toBe(150);
    expect(benchD1DelayMs({ ...bench, BENCH_D1_DELAY_MS: "x" })).toBe(0);
  });
});
