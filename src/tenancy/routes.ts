/**
 * Which shard holds a shop (src/db/shards.ts), as this isolate last read it from the directory:
 * slug -> shard and its id. Kept
 * ROUTE_TTL_MS: a shop changes shard only when it is moved, and a shard that no longer holds it
 * answers no row (the reader then forgets the route and asks the directory again), so a stale
 * route costs one extra round trip, never a wrong answer.
 */
export const ROUTE_TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

export interface Route {
  id: number;
  shard: number;
  at: number;
}

const routes = new Map<string, Route>();

/** The shop's route if read from the directory less than ROUTE_TTL_MS ago. */
export function routeOf(slug: string, now = Date.now()): Route | null {
  const r = routes.get(slug);
  return r && now >= r.at && now - r.at < ROUTE_TTL_MS ? r : null;
}

export function keepRoute(slug: string, route: Route): void {
  if (routes.size >= MAX_ENTRIES) routes.clear();
  routes.set(slug, route);
}

/** After a shard answered that it does not hold the shop (moved), or the shop was moved here. */
export function forgetRoute(slug: string): void {
  routes.delete(slug);
}

/** Empties the isolate's routes (tests: a cold isolate). */
export function forgetRoutes(): void {
  routes.clear();
}
