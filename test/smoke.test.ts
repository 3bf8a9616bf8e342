import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("smoke", () => {
  it("serves the landing page on the root domain", async () => {
    const res = await exports.default.fetch("https://hatti.test/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Hatti");
  });
  it("shows a friendly 404 for an unknown shop", async () => {
    const res = await exports.default.fetch("https://nobody-here.hatti.test/");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("signup?slug=nobody-here");
  });
});

describe("health checks", () => {
  it("answers /healthz without D1 and /healthz/db with one round trip", async () => {
    const plain = await exports.default.fetch("https://hatti.test/healthz");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("server-timing")).toContain("d1q;dur=0");
    const db = await exports.default.fetch("https://hatti.test/healthz/db");
    expect(db.status).toBe(200);
    expect(db.headers.get("server-timing")).toContain("d1q;dur=1");
  });
});

describe("favicon", () => {
  it("answers /favicon.ico on every host without a page or a D1 query", async () => {
    for (const url of ["https://hatti.test/favicon.ico", "https://any-shop.hatti.test/favicon.ico"]) {
      const res = await exports.default.fetch(url);
      expect(res.status, url).toBe(204);
      expect(res.headers.get("cache-control")).toContain("max-age=86400");
      expect(res.headers.get("server-timing")).toContain("d1q;dur=0");
    }
  });
});
