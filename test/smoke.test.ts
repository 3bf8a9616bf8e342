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
