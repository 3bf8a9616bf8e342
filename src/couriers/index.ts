/**
 * The courier registry: every courier Hatti books with, one folder each (src/couriers/<id>/) and
 * one line here; its name for people is `couriers.name.<id>` in every catalogue.
 * registry.test.ts fails when a folder is not registered or a name is missing.
 *
 * `courierContext` points an adapter at its API: the env's base URL (POSTEX_API_BASE...: the
 * local sandboxes in development and tests), else, in production only, the live one (elsewhere an
 * unset base is "not configured": nothing calls a real courier by accident); COURIERS_TIMEOUT_MS
 * bounds every call.
 */
import type { Courier, CourierContext } from "./courier";
import { leopards } from "./leopards";
import { own } from "./own";
import { postex } from "./postex";
import { trax } from "./trax";

export const COURIERS = [postex, leopards, trax, own] as const;
export const COURIER_IDS = COURIERS.map((c) => c.id) as [string, ...string[]];

export function courierById(id: string): Courier | undefined {
  return COURIERS.find((c) => c.id === id);
}

/** What couriers read from the Worker's env. */
export interface CouriersEnv {
  POSTEX_API_BASE?: string;
  LEOPARDS_API_BASE?: string;
  TRAX_API_BASE?: string;
  COURIERS_TIMEOUT_MS?: string;
  ENVIRONMENT?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export function courierContext(courier: Courier, env: CouriersEnv, credentials: Record<string, string>): CourierContext {
  const configured = courier.baseEnv ? env[courier.baseEnv as keyof CouriersEnv]?.trim() : undefined;
  const timeout = Number(env.COURIERS_TIMEOUT_MS);
  return {
    base: (configured || (env.ENVIRONMENT === "production" ? courier.liveBase : "") || "").replace(/\/+$/, ""),
    credentials,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
  };
}
