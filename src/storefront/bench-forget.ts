/**
 * The bench's cold isolate (src/lib/bench-hooks.ts): `GET /healthz/forget` on the platform host
 * empties this isolate's memory of pages and shop records, keeping the location's Cache API.
 * A 404 unless the Worker runs the bench with its hooks on (never in production).
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { benchHooksOn } from "../lib/bench-hooks";
import { errorPage } from "../lib/on-error";
import { forgetIsolateCaches } from "./page-cache";

export function forgetIsolate(c: Context<AppEnv>) {
  if (!benchHooksOn(c.env)) return errorPage(c, 404);
  forgetIsolateCaches();
  return c.body(null, 204, { "cache-control": "no-store" });
}
