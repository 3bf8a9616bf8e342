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
import type { MiddlewareHandler } from "hono";
import { setMetric, timing } from "hono/timing";
import { createDb, type D1Source } from "../db/client";
import { keepBookmark, openSession } from "../db/sessions";
import type { AppEnv, Bindings, Environment } from "../env";
import { benchD1DelayMs } from "./bench-hooks";

const METERED: ReadonlySet<Environment> = new Set<Environment>(["development", "test", "bench"]);

/** Whether this deployment meters its requests. */
export const isMetered = (env: Pick<Bindings, "ENVIRONMENT">): boolean => METERED.has(env.ENVIRONMENT);

/** One request's D1 round trips, statements and milliseconds. */
class D1Meter {
  queries = 0;
  statements = 0;
  ms = 0;

  record(ms: number, statements = 1): void {
    this.queries += 1;
    this.statements += statements;
    this.ms += ms;
  }
}

/**
 * Sets `c.var.db`: drizzle over the request's D1 session (src/db/sessions.ts: the replica it
 * reads, the bookmark cookie it keeps), metered where metering is on (see above).
 */
export function metering(): MiddlewareHandler<AppEnv> {
  const serverTiming = timing({ enabled: (c) => isMetered(c.env as Bindings) });
  return function meter(c, next) {
    const session = openSession(c);
    if (!isMetered(c.env)) {
      c.set("db", createDb(session));
      return serverTiming(c, async () => {
        await next();
        keepBookmark(c, session);
      });
    }
    const d1 = new D1Meter();
    c.set("db", createDb(meteredD1(session, d1, benchD1DelayMs(c.env))));
    return serverTiming(c, async () => {
      await next();
      keepBookmark(c, session);
      setMetric(c, "d1", d1.ms, `${d1.queries} queries`);
      setMetric(c, "d1q", d1.queries, undefined, 0);
      setMetric(c, "d1s", d1.statements, undefined, 0);
    });
  };
}

/** Drizzle over `d1` with its own meter: what a queue or cron handler's D1 work costs (their tests). */
export function meteredDb(d1: D1Database) {
  const meter = new D1Meter();
  return { db: createDb(meteredD1(d1, meter)), meter };
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
            try {
              if (delayMs) await wait(delayMs);
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            } finally {
              meter.record(performance.now() - t0);
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
          try {
            if (delayMs) await wait(delayMs);
            return await target.batch(stmts.map(unwrap));
          } finally {
            meter.record(performance.now() - t0, stmts.length);
          }
        };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as Function).bind(target) : value;
    },
  });
}
