/**
 * Metering, in development, tests and the bench only: each D1 round trip of a request is
 * counted and timed, and reported with Hono's timing() in the `Server-Timing` header (d1: time,
 * d1q: round trips, d1s: statements). A round trip is one statement run or one batch(); each
 * statement of a batch counts as a statement. Other code adds its own measures with
 * `setMetric(c, ...)` from hono/timing (e.g. the log-in wait).
 *
 * In production (any other ENVIRONMENT) D1 is the binding itself, with no Proxy around it, and
 * timing() publishes nothing: query counts and times are not for the public.
 */
import type { Context, MiddlewareHandler } from "hono";
import { setMetric, timing } from "hono/timing";
import { createDb, type D1Source } from "../db/client";
import { bookmarkCookie, keepBookmark, openSession } from "../db/sessions";
import { shardCount, sharesDirectory, shardD1, shardQueue, shopSourceOf, type ShardEnv } from "../db/shards";
import type { ShopSource } from "../tenancy/shop-cache";
import type { AppEnv, Bindings, Environment } from "../env";
import { benchD1DelayMs } from "./bench-hooks";

const METERED: ReadonlySet<Environment> = new Set<Environment>(["development", "test", "bench"]);

/** Whether this deployment meters its requests. */
export const isMetered = (env: Pick<Bindings, "ENVIRONMENT">): boolean => METERED.has(env.ENVIRONMENT);

/**
 * One request's D1 round trips, statements and milliseconds. Calls in flight together (the
 * directory's and a shard's, side by side: src/admin/page.ts) are one round trip: what the
 * visitor waits for is the longest, not the sum.
 */
class D1Meter {
  queries = 0;
  statements = 0;
  ms = 0;
  private inFlight = 0;

  /** A call starts; whether it leads (nothing else in flight): it is a round trip of its own. */
  start(): boolean {
    this.inFlight += 1;
    return this.inFlight === 1;
  }

  /** A call ended (counted when it ends: a read left running after the response is not the request's). */
  record(ms: number, statements = 1, leads = true): void {
    this.inFlight -= 1;
    if (leads) this.queries += 1;
    this.statements += statements;
    this.ms += ms;
  }
}

/** One request's D1 sessions: the directory's, and each shard's it opened (src/db/shards.ts). */
class Sessions {
  readonly open = new Map<string, D1DatabaseSession>();

  constructor(
    private readonly c: Context<AppEnv>,
    private readonly meter: D1Meter | null,
  ) {}

  /** Drizzle over a session on `d1` (the bookmark cookie `cookie`), metered when metering is on. */
  db(d1: D1Database, cookie: string) {
    let session = this.open.get(cookie);
    if (!session) this.open.set(cookie, (session = openSession(this.c, d1, cookie)));
    return createDb(this.meter ? meteredD1(session, this.meter, benchD1DelayMs(this.c.env)) : session);
  }

  /** After the response: each session's newest bookmark into its cookie. */
  keep(): void {
    for (const [cookie, session] of this.open) keepBookmark(this.c, session, cookie);
  }
}

/** Keyed by the request's context (its `c.req.raw` may be replaced on the way: a capped body). */
const sessionsOf = new WeakMap<object, Sessions>();

/**
 * Sets `c.get("dir")` (the directory: accounts, sessions, memberships, the shop directory) and
 * `c.get("db")` (until a shop is known, the same): drizzle over the request's D1 sessions
 * (src/db/sessions.ts: the replica each reads, the bookmark cookie each keeps), metered where
 * metering is on (see above). `useShard` points `c.get("db")` at the shop's shard once it is known.
 */
export function metering(): MiddlewareHandler<AppEnv> {
  const serverTiming = timing({ enabled: (c) => isMetered(c.env as Bindings) });
  return function meter(c, next) {
    const d1 = isMetered(c.env) ? new D1Meter() : null;
    const sessions = new Sessions(c, d1);
    sessionsOf.set(c, sessions);
    const dir = sessions.db(c.env.DB, bookmarkCookie(null));
    c.set("dir", dir);
    c.set("db", dir);
    c.set("shard", 0);
    return serverTiming(c, async () => {
      await next();
      sessions.keep();
      if (!d1) return;
      setMetric(c, "d1", d1.ms, `${d1.queries} queries`);
      setMetric(c, "d1q", d1.queries, undefined, 0);
      setMetric(c, "d1s", d1.statements, undefined, 0);
    });
  };
}

/** The messages queue for the request's shop: its bodies carry the shop's shard (src/db/shards.ts `shardQueue`). */
export const shopQueue = (c: Context<AppEnv>): Queue => shardQueue(c.env.MESSAGES, c.get("shard"));

/** The request's directory and shards as a ShopSource (the shop record's reader, src/tenancy/shop-cache.ts). */
export function shopSource(c: Context<AppEnv>): ShopSource {
  const sessions = sessionsOf.get(c)!;
  return {
    dir: c.get("dir"),
    shards: shardCount(c.env),
    shard: (k) => {
      const d1 = shardD1(c.env, k);
      return !d1 ? null : sharesDirectory(c.env, k) ? c.get("dir") : sessions.db(d1, bookmarkCookie(k));
    },
    holdsShops: (k) => sharesDirectory(c.env, k),
  };
}

/**
 * Points `c.get("db")` at shard `k`'s session (the directory's own when shard 0 shares its
 * database: one batch then reads both). False when the deployment has no shard `k`.
 */
export function useShard(c: Context<AppEnv>, k: number): boolean {
  const d1 = shardD1(c.env, k);
  const sessions = sessionsOf.get(c);
  if (!d1 || !sessions) return false;
  c.set("shard", k);
  c.set("db", sharesDirectory(c.env, k) ? c.get("dir") : sessions.db(d1, bookmarkCookie(k)));
  return true;
}

/** Drizzle over `d1` with its own meter: what a queue or cron handler's D1 work costs (their tests). */
export function meteredDb(d1: D1Database) {
  const meter = new D1Meter();
  return { db: createDb(meteredD1(d1, meter)), meter };
}

/** A ShopSource over the bindings with its own meter (tests: what a record's read costs). */
export function meteredSource(env: ShardEnv) {
  const meter = new D1Meter();
  return { source: shopSourceOf(env, (d1) => createDb(meteredD1(d1, meter))), meter };
}

const RUNS = new Set(["all", "first", "run", "raw"]);
const RAW = Symbol("raw statement");

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Wraps a D1 binding or session so every round trip is counted by `meter`; `delayMs` (the bench's
 * far D1, src/lib/bench-hooks.ts; 0 elsewhere) is waited before each one, and counted in its time.
 */
function meteredD1<T extends D1Source>(db: T, meter: D1Meter, delayMs = 0): T {
  const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop) {
        if (prop === RAW) return target;
        if (prop === "bind") return (...args: unknown[]) => wrapStatement(target.bind(...args));
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof prop === "string" && RUNS.has(prop) && typeof value === "function") {
          return async (...args: unknown[]) => {
            const t0 = performance.now();
            const leads = meter.start();
            try {
              if (delayMs) await wait(delayMs);
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            } finally {
              meter.record(performance.now() - t0, 1, leads);
            }
          };
        }
        return typeof value === "function" ? (value as Function).bind(target) : value;
      },
    });
  const unwrap = (s: D1PreparedStatement): D1PreparedStatement =>
    ((s as unknown as Record<symbol, D1PreparedStatement>)[RAW] ?? s);

  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => wrapStatement(target.prepare(query));
      if (prop === "batch")
        return async (stmts: D1PreparedStatement[]) => {
          const t0 = performance.now();
          const leads = meter.start();
          try {
            if (delayMs) await wait(delayMs);
            return await target.batch(stmts.map(unwrap));
          } finally {
            meter.record(performance.now() - t0, stmts.length, leads);
          }
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as Function).bind(target) : value;
    },
  });
}
