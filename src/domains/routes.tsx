/**
 * Custom domains (issue 18 §4): a seller's own hostname for her shop through Cloudflare for SaaS.
 * /admin/:shop/domain (owner only): add one, see the DNS records and the status, remove it.
 * The handlers only write rows and put a "domains.sync" job on the queue: Cloudflare is called by
 * the queue consumer and the cron (jobs.ts, sync.ts, cloudflare.ts). The storefront answers on an
 * active custom host (lookup.ts, called by src/storefront/load-shop.tsx) and uses it as its
 * canonical origin. Setup and flow: docs/domains.md.
 */
import { syncDomains } from "../db/members";
import { shopSource } from "../lib/meter";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { adminChrome } from "../admin/chrome";
import { requireOwner } from "../admin/load-shop";
import { readForm, validate, type FieldErrors } from "../lib/form";
import { renderPage } from "../lib/render";
import { originFor } from "../tenancy/host";
import { fallbackOrigin, type DomainsEnv } from "./cloudflare";
import { DomainPage } from "./DomainPage";
import { addDomain, removeDomain, shopDomain, shopDomainRead, type Domain } from "./domains";
import { adminPage } from "../admin/page";
import { enqueueDomainJobs } from "./jobs";
import { domainSchema } from "./schema";

export const domainRoutes = new Hono<AppEnv>();
domainRoutes.use("*", requireOwner());
type C = Context<AppEnv>;

const scope = (c: C) => ({ db: c.get("dir"), shopId: c.get("shop").id }); // custom domains are directory rows (src/db/shards.ts)

type Extra = { typed?: string; errors?: FieldErrors; notice?: string; alert?: string };

function show(c: C, domain: Domain | null, extra: Extra = {}, status: 200 | 400 = 200) {
  const shopUrl = originFor(c.req.url, c.env.ROOT_DOMAIN, c.get("shop").slug);
  return renderPage(c, <DomainPage {...adminChrome(c)} domain={domain} fallback={fallbackOrigin(c.env as DomainsEnv)} shopUrl={shopUrl} {...extra} />, status);
}

/** The page after a post (its domain read alone: the session was read first). */
const page = async (c: C, extra: Extra, status: 200 | 400) => show(c, await shopDomain(scope(c)), extra, status);

domainRoutes.get(
  "/",
  adminPage(
    () => shopDomainRead,
    (c, domain) => {
      const { t } = c.var;
      const shopUrl = originFor(c.req.url, c.env.ROOT_DOMAIN, c.get("shop").slug);
      const notice = c.req.query("added") === "1" ? t("domains.added") : c.req.query("removed") === "1" ? t("domains.removed", { shopUrl }) : undefined;
      return show(c, domain, { notice });
    },
  ),
);

domainRoutes.post("/", async (c) => {
  const values = await readForm(c);
  const typed = values.hostname ?? "";
  const r = validate(domainSchema, values);
  if (!r.ok) return page(c, { typed, errors: r.errors, alert: c.get("t")("common.fixErrors") }, 400);
  const added = await addDomain(scope(c), c.env.ROOT_DOMAIN, r.data.hostname);
  if ("refused" in added) {
    // Her shop has a domain already: the page shows it (not the form), so the alert says why.
    if (added.refused === "domains.one") return page(c, { alert: c.get("t")("domains.one") }, 400);
    return page(c, { typed, errors: { hostname: added.refused }, alert: c.get("t")("common.fixErrors") }, 400);
  }
  await syncDomains(shopSource(c), { shopId: c.get("shop").id });
  c.executionCtx.waitUntil(enqueueDomainJobs(c.env.MESSAGES, [added.id]));
  return c.redirect(`/admin/${c.get("shop").slug}/domain?added=1`, 303);
});

domainRoutes.post("/delete", async (c) => {
  const ids = await removeDomain(scope(c));
  await syncDomains(shopSource(c), { shopId: c.get("shop").id });
  c.executionCtx.waitUntil(enqueueDomainJobs(c.env.MESSAGES, ids));
  return c.redirect(`/admin/${c.get("shop").slug}/domain?removed=1`, 303);
});
