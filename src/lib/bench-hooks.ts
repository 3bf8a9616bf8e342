/**
 * Bench-only hooks (scripts/bench.mjs, its "mixed" and "far primary" rows), off unless the
 * Worker runs with ENVIRONMENT "bench" AND the binding BENCH_HOOKS is "1" (neither is in
 * wrangler.toml; production never has them):
 * - `GET /healthz/forget` on the platform host empties this isolate's memory of pages and shop
 *   records (a cold isolate; the location's Cache API keeps its copies). Without the flag: 404
 *   (src/storefront/bench-forget.ts).
 * - BENCH_D1_DELAY_MS: milliseconds added before every D1 round trip of a request (a replica in
 *   the region, a primary on another continent), applied by the meter (src/lib/meter.ts).
 */
import type { Bindings } from "../env";

type Flags = Pick<Bindings, "ENVIRONMENT" | "BENCH_HOOKS">;

export const benchHooksOn = (env: Flags): boolean => env.ENVIRONMENT === "bench" && env.BENCH_HOOKS === "1";

/** The delay before each D1 round trip: 0 unless the bench's hooks are on and ask for one. */
export function benchD1DelayMs(env: Flags & Pick<Bindings, "BENCH_D1_DELAY_MS">): number {
  if (!benchHooksOn(env)) return 0;
  const ms = Number(env.BENCH_D1_DELAY_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 5_000) : 0;
}
