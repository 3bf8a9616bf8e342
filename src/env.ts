import type { Db } from "./db/client";
import type { TimingVariables } from "hono/timing";
import type { Shop } from "./tenancy/shop-cache";
import type { Chrome } from "./storefront/chrome";
import type { Messages, Locale } from "./i18n";
import type { SessionUser } from "./auth/session";
import type { Flash } from "./lib/flash";

/**
 * Where the Worker runs: wrangler.toml's vars ("development", and "production" in
 * [env.production]), vitest.config.ts ("test"), scripts/bench/runtime.mjs ("bench"). Requests are
 * metered everywhere but in production (src/lib/meter.ts).
 */
export type Environment = "development" | "test" | "bench" | "production";

/**
 * The Worker's bindings: `Cloudflare.Env`, generated from wrangler.toml into
 * worker-configuration.d.ts by `npm run types` (CI fails when it is stale): DB, MEDIA, and
 * ROOT_DOMAIN (the platform's host, e.g. "hatti.pk"; "localhost:8787" in development). Vars are
 * generated as plain strings, so ENVIRONMENT's values are typed here.
 */
export type Bindings = Omit<Cloudflare.Env, "ENVIRONMENT"> & {
  ENVIRONMENT: Environment;
  /** Bench-only switch, not in wrangler.toml: "1" turns every storefront cache off. */
  CACHE_DISABLED?: string;
  /** Bench-only, not in wrangler.toml: "1" (with ENVIRONMENT "bench") turns on src/lib/bench-hooks.ts. */
  BENCH_HOOKS?: string;
  /** Bench-only: milliseconds added before every D1 round trip when BENCH_HOOKS is on. */
  BENCH_D1_DELAY_MS?: string;
  /** The operator's secret for /ops (src/shards/routes.ts); without it /ops is a 404. `wrangler secret put OPS_TOKEN`. */
  OPS_TOKEN?: string;
  /** Optional Workers Analytics Engine dataset: each storefront visit is also written there (src/insight, README). */
  VISITS?: AnalyticsEngineDataset;
};

/** Typed per-request values on `c.var`, set by middleware (`metric`: hono/timing's). */
interface Variables extends TimingVariables {
  /** The shop's shard (src/db/shards.ts) once the request's shop is known; before, the directory. */
  db: Db;
  /** The directory: accounts, sessions, memberships, the shops' directory rows, custom domains. */
  dir: Db;
  /** Which shard `db` is. */
  shard: number;
  /** The shop whose storefront is served (storefront) or that the seller works on (admin). */
  shop: Shop;
  /** The header's collections and the footer's pages (storefront routes only). */
  chrome: Chrome;
  user: SessionUser | null;
  /** The seller's role in c.get("shop") (admin routes only). */
  role: "owner" | "staff";
  /** Orders with status "new" in c.get("shop"): the badge on the admin's Orders tab. */
  newOrders: number;
  locale: Locale;
  t: Messages["t"];
  csrfToken: string;
  /** A one-time notice for this page (platform host only; src/lib/flash.ts). */
  flash: Flash | null;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
