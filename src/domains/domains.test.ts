// A custom domain from added to serving, through the Cloudflare sandbox: the seller's page (owner
// only, zod, refusals beside the field), the queue's and the cron's steps (create, poll with
// backoff, active, 7-day expiry, delete), routing on the custom host, the canonical origin, and
// the API token never in a page, a row or a log.
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import worker from "../index";
import type { Bindings } from "../env";
import { forgetIsolateCaches } from "../storefront/page-cache";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { invalidateShop } from "../tenancy/shop-cache";
import { queue } from "../messages/queue";
import { resolveHost } from "../tenancy/host";
import { Client, ROOT, db, sellerWithShop, shopOrigin } from "../../test/helpers";
import { cloudflareHostnames } from "./cloudflare";
import { domainByHostname } from "./domains";
import { domainJobOf, domainsCron, domainsRuntime } from "./jobs";
import { clearHostCache } from "./lookup";
import { HOSTNAME_MAX } from "./schema";
import { PENDING_DAYS, syncDomain } from "./sync";
import { BAD_CF_TOKEN, TEST_CF_TOKEN, cloudflareEnv, failCloudflareNext, uniqueHostname, validateAtCloudflare } from "./test-helpers";

const MINUTE = 60_000;

const logs: string[] = [];
beforeEach(() => {
  logs.length = 0;
  for (const level of ["log", "info", "warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  // No page, row or log line of any test here holds the API token.
  expect(logs.join("\n")).not.toContain(TEST_CF_TOKEN);
});

async function shopWithDomain(hostname = uniqueHostname()) {
  const s = await sellerWithShop();
  const res = await s.client.post(`${ROOT}/admin/${s.slug}/domain`, { hostname });
  expect(res.status, res.text.slice(0, 400)).toBe(303);
  return { ...s, hostname, page: () => s.client.get(`${ROOT}/admin/${s.slug}/domain`) };
}

const row = (hostname: string) => env.DB.prepare("SELECT * FROM shop_domains WHERE hostname = ?").bind(hostname).first<Record<string, unknown>>();

describe("a custom domain from added to serving", () => {
  it("add -> pending with its DNS records -> the cron polls -> active -> www.her-brand.pk serves her shop, canonical on it", async () => {
    const cf = cloudflareEnv();
    const s = await shopWithDomain();
    const t0 = Date.now();
    let page = await s.page();
    expect(page.text).toContain(s.hostname);
    expect(page.text).toContain("Setting up");
    expect(page.text).toContain(`shops.hatti.test`); // the CNAME's target: the fallback origin

    // Not active yet: the custom host is an unknown host (today's 400 page).
    expect((await new Client().get(`https://${s.hostname}/`)).status).toBe(400);

    // The cron creates it at Cloudflare: pending, with the TXT record to add.
    await domainsCron(cf, t0);
    const pending = await domainByHostname(db(), s.hostname);
    expect(pending).toMatchObject({ status: "pending", txt: [{ type: "TXT", name: `_cf-custom-hostname.${s.hostname}` }] });
    page = await s.page();
    expect(page.text).toContain("Waiting for your DNS records");
    expect(page.text).toContain(`_cf-custom-hostname.${s.hostname}`);
    expect(page.text).toContain(pending!.txt[0]!.value);

    // Polled with backoff: not again before its time, then still pending until validated.
    const created = await row(s.hostname);
    expect(created!.next_check).toBeGreaterThan(t0);
    await domainsCron(cf, t0 + 30_000);
    expect((await row(s.hostname))!.attempts).toBe(1);
    await domainsCron(cf, (created!.next_check as number) + 1);
    expect(await row(s.hostname)).toMatchObject({ status: "pending", attempts: 2 });

    const before = await env.DB.prepare("SELECT version FROM shops WHERE id = ?").bind(s.shopId).first<{ version: number }>();
    await validateAtCloudflare(s.hostname);
    await domainsCron(cf, t0 + 24 * 60 * MINUTE);
    expect(await row(s.hostname)).toMatchObject({ status: "active" });
    // Active bumps the shop's version in the same batch (cached pages are made again).
    const after = await env.DB.prepare("SELECT version FROM shops WHERE id = ?").bind(s.shopId).first<{ version: number }>();
    expect(after!.version).toBe(before!.version + 1);
    expect((await s.page()).text).toContain("Live");

    clearHostCache();
    invalidateShop(s.slug);
    const home = await new Client().get(`https://${s.hostname}/`);
    expect(home.status).toBe(200);
    expect(home.text).toContain("Ayesha's Kitchen");
    expect(home.text).toContain(`<link rel="canonical" href="https://${s.hostname}/"`);
    // Her old address keeps answering, with the custom host as its canonical one.
    const old = await new Client().get(`${shopOrigin(s.slug)}/collections/all`);
    expect(old.status).toBe(200);
    expect(old.text).toContain(`href="https://${s.hostname}/collections/all"`);
    const sitemap = await new Client().get(`${shopOrigin(s.slug)}/sitemap.xml`);
    expect(sitemap.text).toContain(`<loc>https://${s.hostname}/</loc>`);
    expect((await new Client().get(`https://${s.hostname}/robots.txt`)).text).toContain(`Sitemap: https://${s.hostname}/sitemap.xml`);
  });

  it("a removed domain stops serving at once, is deleted at Cloudflare and then here", async () => {
    const cf = cloudflareEnv();
    const s = await shopWithDomain();
    await domainsCron(cf);
    await validateAtCloudflare(s.hostname);
    await domainsCron(cf, Date.now() + 24 * 60 * MINUTE);
    const cfId = (await row(s.hostname))!.cf_id as string;
    const res = await s.client.post(`${ROOT}/admin/${s.slug}/domain/delete`, {});
    expect(res.status).toBe(303);
    expect(await row(s.hostname)).toMatchObject({ status: "removing" });
    clearHostCache();
    expect((await new Client().get(`https://${s.hostname}/`)).status).toBe(400);
    expect((await s.page()).text).toContain("Connect domain");

    await domainsCron(cf, Date.now() + 1);
    expect(await row(s.hostname)).toBeNull();
    expect(await cloudflareHostnames(cf).get(cfId)).toMatchObject({ status: "permanent", reason: "not_found" });
    // And she may add it again.
    expect((await s.client.post(`${ROOT}/admin/${s.slug}/domain`, { hostname: s.hostname })).status).toBe(303);
  });

  it(`pending hostnames that never validate are deleted after ${PENDING_DAYS} days, at Cloudflare and here`, async () => {
    const cf = cloudflareEnv();
    const s = await shopWithDomain();
    const t0 = Date.now();
    await domainsCron(cf, t0);
    const cfId = (await row(s.hostname))!.cf_id as string;
    await domainsCron(cf, t0 + (PENDING_DAYS * 24 * 60 - 1) * MINUTE);
    expect(await row(s.hostname)).toMatchObject({ status: "pending" });
    await domainsCron(cf, t0 + PENDING_DAYS * 24 * 60 * MINUTE + 2 * 60 * MINUTE);
    expect(await row(s.hostname)).toBeNull();
    expect(await cloudflareHostnames(cf).get(cfId)).toMatchObject({ status: "permanent", reason: "not_found" });
  });

  it("a create whose answer was lost is adopted (Cloudflare's duplicate is ours), a 5xx is retried with backoff", async () => {
    const cf = cloudflareEnv();
    const s = await shopWithDomain();
    const id = (await row(s.hostname))!.id as number;
    // Cloudflare has it already (our earlier call reached it, its answer did not reach us).
    const first = await cloudflareHostnames(cf).create(s.hostname);
    expect(first.status).toBe("ok");
    await syncDomain(domainsRuntime(cf), id);
    expect(await row(s.hostname)).toMatchObject({ status: "pending", cf_id: first.status === "ok" ? first.value.id : "" });

    const t = await shopWithDomain();
    const tid = (await row(t.hostname))!.id as number;
    await failCloudflareNext(t.hostname, { status: 502 });
    const next = await syncDomain(domainsRuntime(cf), tid);
    expect(next).toMatchObject({ ack: false });
    expect(await row(t.hostname)).toMatchObject({ status: "creating", attempts: 1 });
    expect((await row(t.hostname))!.last_error).toMatch(/^provider_unavailable/);
  });

  it("a refused API token leaves the domain waiting, and the token is in no row, page or log", async () => {
    const s = await shopWithDomain();
    const id = (await row(s.hostname))!.id as number;
    await syncDomain(domainsRuntime(cloudflareEnv({ CF_API_TOKEN: BAD_CF_TOKEN })), id);
    expect(await row(s.hostname)).toMatchObject({ status: "creating" });
    expect((await row(s.hostname))!.last_error).toMatch(/^bad_credentials/);
    expect(logs.join("\n")).toContain("bad_credentials");
    const good = cloudflareEnv();
    await syncDomain(domainsRuntime(good), id, Date.now() + 2 * 60 * MINUTE);
    expect(await row(s.hostname)).toMatchObject({ status: "pending" });
    const everything = JSON.stringify(await env.DB.prepare("SELECT * FROM shop_domains").all());
    expect(everything).not.toContain(TEST_CF_TOKEN);
    expect((await s.page()).text).not.toContain(TEST_CF_TOKEN);
  });

  it("the Worker's queue hands a domain job to src/domains (stepped and acked), and acks it untouched when Cloudflare is not configured", async () => {
    const s = await shopWithDomain();
    const id = (await row(s.hostname))!.id as number;
    const message = () => ({ id: `m${id}`, timestamp: new Date(), attempts: 1, body: { job: "domains.sync", domainId: id }, ack: vi.fn(), retry: vi.fn() });
    const batch = (m: ReturnType<typeof message>, name = "hatti-messages") =>
      ({ queue: name, metadata: {}, messages: [m], ackAll: vi.fn(), retryAll: vi.fn() }) as unknown as MessageBatch<unknown>;
    const unconfigured = message();
    await queue(batch(unconfigured), env as never);
    expect(unconfigured.ack).toHaveBeenCalledOnce();
    expect(await row(s.hostname)).toMatchObject({ status: "creating", attempts: 0 });
    const configured = message();
    await queue(batch(configured), cloudflareEnv());
    expect(configured.ack).toHaveBeenCalledOnce();
    expect(configured.retry).not.toHaveBeenCalled();
    expect(await row(s.hostname)).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("a domain job on the queue is recognised, others are not", () => {
    expect(domainJobOf({ job: "domains.sync", domainId: 7 })).toBe(7);
    for (const other of [{ job: "courier.book", shipmentId: 7 }, { ids: [7] }, { job: "domains.sync", domainId: "7" }, null]) expect(domainJobOf(other)).toBeNull();
  });
});

describe("the seller's domain form", () => {
  it("refuses another shop's domain, the platform's own, invalid names and one past the cap, keeping what she typed", async () => {
    const a = await shopWithDomain();
    const b = await sellerWithShop();
    const post = (hostname: string) => b.client.post(`${ROOT}/admin/${b.slug}/domain`, { hostname });
    const cases: [string, string][] = [
      [a.hostname, "Another shop uses this domain."],
      ["hatti.test", "This is a Hatti address."],
      [`${b.slug}.hatti.test`, "This is a Hatti address."],
      ["WWW.HATTI.TEST", "This is a Hatti address."],
      ["her brand.pk", "This is not a domain name."],
      ["192.168.1.10", "This is not a domain name."],
      ["-her-brand.pk", "This is not a domain name."],
      ["her-brand", "This is not a domain name."],
      ["", "Enter your domain"],
      [`www.${"a".repeat(HOSTNAME_MAX)}.pk`, `A domain has at most ${HOSTNAME_MAX} characters.`],
    ];
    for (const [typed, message] of cases) {
      const res = await post(typed);
      expect(res.status, typed).toBe(400);
      expect(res.text, typed).toContain(message);
      if (typed) expect(res.text, typed).toContain(`value="${typed.replace(/'/g, "&#39;")}"`);
    }
    expect(await env.DB.prepare("SELECT count(*) AS n FROM shop_domains WHERE shop_id = ?").bind(b.shopId).first("n")).toBe(0);
  });

  it("reads what she pastes as the hostname: case, scheme, path, trailing dot, an Urdu IDN", async () => {
    const b = await sellerWithShop();
    const host = uniqueHostname("zainab-boutique");
    const res = await b.client.post(`${ROOT}/admin/${b.slug}/domain`, { hostname: ` HTTPS://${host.toUpperCase()}./collections/all ` });
    expect(res.status).toBe(303);
    expect(await row(host)).toMatchObject({ shop_id: b.shopId, status: "creating" });
    // One domain a shop: a second is refused until the first is removed.
    const second = await b.client.post(`${ROOT}/admin/${b.slug}/domain`, { hostname: uniqueHostname() });
    expect(second.status).toBe(400);
    expect(second.text).toContain("Your shop has a domain already");

    const c = await sellerWithShop();
    expect((await c.client.post(`${ROOT}/admin/${c.slug}/domain`, { hostname: "www.دکان.pk" })).status).toBe(303);
    expect(await env.DB.prepare("SELECT hostname FROM shop_domains WHERE shop_id = ?").bind(c.shopId).first("hostname")).toMatch(/^www\.xn--[a-z0-9-]+\.pk$/);
  });

  it("is the owner's alone, in English and Urdu", async () => {
    const s = await sellerWithShop();
    const page = await s.client.get(`${ROOT}/admin/${s.slug}/domain`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('inputmode="url"');
    expect(page.text).toContain(`maxlength="${HOSTNAME_MAX}"`);
    expect((await s.client.get(`${ROOT}/admin/${s.slug}/shop`)).text).toContain(`/admin/${s.slug}/domain`);
    const stranger = await sellerWithShop();
    expect((await stranger.client.get(`${ROOT}/admin/${s.slug}/domain`)).status).toBe(404);
    expect((await stranger.client.post(`${ROOT}/admin/${s.slug}/domain`, { hostname: uniqueHostname() })).status).toBe(404);
    await s.client.post(`${ROOT}/admin/account/language`, { locale: "ur" });
    const ur = await s.client.get(`${ROOT}/admin/${s.slug}/domain`);
    expect(ur.text).toContain("آپ کا اپنا ڈومین");
  });
});

describe("hosts", () => {
  it("a name outside the platform is a custom host (its port dropped); deeper names under the platform stay bad", () => {
    expect(resolveHost("www.her-brand.pk", "hatti.pk")).toEqual({ kind: "custom", host: "www.her-brand.pk" });
    expect(resolveHost("WWW.Her-Brand.PK.", "hatti.pk")).toEqual({ kind: "custom", host: "www.her-brand.pk" });
    expect(resolveHost("www.her-brand.pk:8787", "localhost:8787")).toEqual({ kind: "custom", host: "www.her-brand.pk" });
    for (const bad of ["a.b.hatti.pk", "localhost", "", "<x>.pk", "a".repeat(300) + ".pk"]) expect(resolveHost(bad, "hatti.pk").kind, bad).toBe("bad");
  });

  it("a cold isolate serves a custom host's cached page with no D1 round trip: the host, the record and the page from the location's cache", async () => {
    const cf = cloudflareEnv();
    const s = await shopWithDomain();
    await domainsCron(cf);
    await validateAtCloudflare(s.hostname);
    await domainsCron(cf, Date.now() + 24 * 60 * MINUTE);
    expect(await row(s.hostname)).toMatchObject({ status: "active" });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const visit = async () => {
        const ctx = createExecutionContext();
        const res = await worker.fetch(new Request(`https://${s.hostname}/`), env as unknown as Bindings, ctx);
        const text = await res.text();
        await waitOnExecutionContext(ctx);
        return { res, text, d1: Number(/d1q;dur=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? 0) };
      };
      clearHostCache();
      forgetIsolateCaches();
      const first = await visit();
      expect(first.res.status).toBe(200);
      expect(first.d1).toBeGreaterThan(0);
      forgetIsolateCaches();
      const cold = await visit();
      expect(cold.res.status).toBe(200);
      expect(cold.res.headers.get("x-cache")).toBe("shared");
      expect(cold.d1).toBe(0);
      expect(cold.text).toBe(first.text);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an unknown custom host costs one indexed statement, then none while cached", async () => {
    clearHostCache();
    const host = uniqueHostname();
    const first = await new Client().get(`https://${host}/`);
    expect(first.status).toBe(400);
    expect(first.headers.get("server-timing")).toMatch(/d1q;dur=1\b/);
    const again = await new Client().get(`https://${host}/products/x`);
    expect(again.status).toBe(400);
    expect(again.headers.get("server-timing") ?? "").not.toMatch(/d1q;dur=[1-9]/);
    const plan = await env.DB.prepare(
      "EXPLAIN QUERY PLAN SELECT s.slug FROM shop_domains d JOIN shops s ON s.id = d.shop_id WHERE d.hostname = ? AND d.status = 'active' LIMIT 1",
    ).bind(host).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join("\n")).toContain("shop_domains_hostname_uq");
  });
});
