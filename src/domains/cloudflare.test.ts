// The custom hostnames client against the Cloudflare sandbox (scripts/sandboxes/cloudflare.mjs):
// the documented shapes both ways, each error mapped to its Result, a timeout on every call, and
// the API token never in a Result.
import { describe, expect, it } from "vitest";
import { cloudflareHostnames, fallbackOrigin } from "./cloudflare";
import { BAD_CF_TOKEN, CF_REFUSED_HOSTNAME, TEST_CF_TOKEN, cloudflareEnv, failCloudflareNext, uniqueHostname, validateAtCloudflare } from "./test-helpers";

describe("the Cloudflare sandbox's answers, as the client reads them", () => {
  it("creates a pending hostname with its ownership TXT record, then sees it active once validated, finds it and deletes it", async () => {
    const api = cloudflareHostnames(cloudflareEnv());
    const host = uniqueHostname();
    const created = await api.create(host);
    expect(created.status).toBe("ok");
    if (created.status !== "ok") return;
    expect(created.value).toMatchObject({ hostname: host, active: false, gone: false });
    expect(created.value.txt).toEqual([{ type: "TXT", name: `_cf-custom-hostname.${host}`, value: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);

    expect(await api.get(created.value.id)).toMatchObject({ status: "ok", value: { active: false } });
    await validateAtCloudflare(host);
    expect(await api.get(created.value.id)).toMatchObject({ status: "ok", value: { id: created.value.id, active: true } });
    expect(await api.find(host)).toMatchObject({ status: "ok", value: { id: created.value.id } });
    expect(await api.find(uniqueHostname())).toEqual({ status: "ok", value: null });

    expect(await api.remove(created.value.id)).toEqual({ status: "ok", value: null });
    expect(await api.get(created.value.id)).toMatchObject({ status: "permanent", reason: "not_found" });
  });

  it("maps a duplicate (1406), an invalid hostname (1411) and a refused token (10000) to permanent reasons, without the token", async () => {
    const env = cloudflareEnv();
    const api = cloudflareHostnames(env);
    const host = uniqueHostname();
    expect((await api.create(host)).status).toBe("ok");
    const dup = await api.create(host);
    expect(dup).toMatchObject({ status: "permanent", reason: "duplicate", detail: expect.stringContaining("1406") });
    expect(await api.create(CF_REFUSED_HOSTNAME)).toMatchObject({ status: "permanent", reason: "invalid", detail: expect.stringContaining("1411") });
    const refused = await cloudflareHostnames({ ...env, CF_API_TOKEN: BAD_CF_TOKEN }).create(uniqueHostname());
    expect(refused).toMatchObject({ status: "permanent", reason: "bad_credentials", detail: expect.stringContaining("10000") });
    for (const r of [dup, refused]) expect(JSON.stringify(r)).not.toContain(TEST_CF_TOKEN);
  });

  it("retries a 5xx, a 429 and no answer within the timeout; a missing setting is not_configured", async () => {
    const env = cloudflareEnv({ CF_TIMEOUT_MS: "300" });
    const api = cloudflareHostnames(env);
    const host = uniqueHostname();
    await failCloudflareNext(host, { status: 503 });
    expect(await api.create(host)).toMatchObject({ status: "retryable", reason: "provider_unavailable" });
    await failCloudflareNext(host, { status: 429 });
    expect(await api.create(host)).toMatchObject({ status: "retryable", reason: "rate_limited" });
    await failCloudflareNext(host, { mode: "hang" });
    expect(await api.create(host)).toMatchObject({ status: "retryable", reason: "timeout" });
    expect(await cloudflareHostnames({ ...env, CF_API_TOKEN: "" }).create(host)).toMatchObject({ status: "permanent", reason: "not_configured" });
    // Outside production an unset base never means the live API.
    expect(await cloudflareHostnames({ ...env, CF_API_BASE: "" }).create(host)).toMatchObject({ status: "permanent", reason: "not_configured" });
  });

  it("points CNAME records at the fallback origin the env names, else shops.<root domain>", () => {
    expect(fallbackOrigin({ ROOT_DOMAIN: "hatti.pk" })).toBe("shops.hatti.pk");
    expect(fallbackOrigin({ ROOT_DOMAIN: "localhost:8787" })).toBe("shops.localhost");
    expect(fallbackOrigin({ ROOT_DOMAIN: "hatti.pk", CF_FALLBACK_ORIGIN: "customers.hatti.pk" })).toBe("customers.hatti.pk");
  });
});
