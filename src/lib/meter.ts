/**
 * Counts D1 round trips, the statements they carried and the time spent in them for one
 * request, reported in the `Server-Timing` header (d1q: round trips, d1s: statements). A round
 * trip is one statement run or one batch(); each statement of a batch has a cost of its own.
 */
export class Meter {
  queries = 0;
  statements = 0;
  d1Ms = 0;
  readonly start = performance.now();
  /** Other measures of this request (e.g. login-wait), reported beside D1's. */
  readonly marks: Record<string, number> = {};

  record(ms: number, statements = 1): void {
    this.queries += 1;
    this.statements += statements;
    this.d1Ms += ms;
  }

  header(extra: Record<string, number> = {}): string {
    const total = performance.now() - this.start;
    const parts = [`d1;dur=${this.d1Ms.toFixed(1)};desc="${this.queries} queries"`, `d1q;dur=${this.queries}`, `d1s;dur=${this.statements}`];
    for (const [k, v] of Object.entries({ ...this.marks, ...extra })) parts.push(`${k};dur=${v}`);
    parts.push(`total;dur=${total.toFixed(1)}`);
    return parts.join(", ");
  }
}

const RUNS = new Set(["all", "first", "run", "raw"]);
const RAW = Symbol("raw statement");

/** Wraps a D1 binding so every round trip is counted by `meter`. */
export function meteredD1(db: D1Database, meter: Meter): D1Database {
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
