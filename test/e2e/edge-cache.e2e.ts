/**
 * The location's cache (the Cache API: src/tenancy/edge-cache.ts) under `wrangler dev`, whose
 * workerd is older than the vitest plugin's: a page rendered before a restart (the isolate's
 * memory gone, the Cache API kept in the persistence directory) is served from the Cache API,
 * the same bytes, without a render. No browser: plain HTTP with the shop's Host.
 */
import { cpSync, mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freePort, LocalRuntime } from "./server";

const dir = mkdtempSync(path.join(tmpdir(), "hatti-cache-"));
const runtime = new LocalRuntime("hatti-cache-", dir);
afterAll(async () => {
  await runtime.stop();
  runtime.remove();
});

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(host: string, pathname: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: runtime.port, path: pathname, headers: { host: `${host}:${runtime.port}` }, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

const d1 = (g: Got) => Number(/d1q;dur=(\d+)/.exec(String(g.headers["server-timing"] ?? ""))?.[1]);

describe("the location's cache under wrangler dev", () => {
  it("serves a page rendered before a restart from the Cache API, the same bytes", async () => {
    cpSync(inject("seeded"), dir, { recursive: true });
    runtime.port = await freePort();
    await runtime.start();
    const host = "demo.localhost";
    const paths = ["/", "/collections/all", "/search?q=lawn"];
    const first = new Map<string, Got>();
    for (const p of paths) {
      const g = await get(host, p);
      expect(g.status, p).toBe(200);
      expect(g.headers["x-cache"], p).toBe("miss");
      expect(d1(g), p).toBeGreaterThan(0);
      first.set(p, g);
    }
    // Each write to the Cache API runs after its response (waitUntil): give them a moment.
    await new Promise((r) => setTimeout(r, 1_000));

    await runtime.stop();
    await runtime.start();
    for (const p of paths) {
      const g = await get(host, p);
      // "stale" when the restart took more than the page's 10 s of freshness: served all the same,
      // and rendered again in the background.
      expect(["shared", "stale"], `${p}\n${runtime.output()}`).toContain(g.headers["x-cache"]);
      expect(g.body.equals(first.get(p)!.body), p).toBe(true);
      expect(g.headers["content-security-policy"], p).toBe(first.get(p)!.headers["content-security-policy"]);
      // At most the shop record (older than 3 s after a restart): never the page's own query.
      expect(d1(g), p).toBeLessThanOrEqual(1);
    }
    // The background renders landed (the app loaded for them by a dynamic import, here in
    // wrangler's bundle): the isolate holds fresh pages.
    await new Promise((r) => setTimeout(r, 1_000));
    for (const p of paths) {
      const g = await get(host, p);
      expect([g.headers["x-cache"], d1(g)], p).toEqual(["hit", 0]);
    }
  });
});
