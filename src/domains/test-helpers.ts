/**
 * For the custom domains' tests only: a Worker env pointed at the Cloudflare sandbox (from vitest's
 * globalSetup) with a zone of its own (the sandbox is shared by test files running in parallel),
 * the sandbox's "validate" switch, and hostnames no other test uses.
 */
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import magic from "../../scripts/sandboxes/magic.json";
import type { Bindings } from "../env";
import type { DomainsEnv } from "./cloudflare";

/** A long token, so that finding it in a page or a log cannot be a coincidence. */
export const TEST_CF_TOKEN = "cf-test-token-SGF0dGktY3VzdG9tLWhvc3RuYW1lcy0yMDI2LXNlY3JldA";
export const BAD_CF_TOKEN = magic.cloudflare.tokens.invalid;
export const CF_REFUSED_HOSTNAME = magic.cloudflare.hostnames.invalid;

const hex = (bytes: number) => [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");

const cloudflareBase = () => `${inject("sandboxes").cloudflare}/client/v4`;

/** The Worker's env with the domains' settings pointed at the sandbox, in a zone of its own. */
export function cloudflareEnv(extra: Partial<Omit<DomainsEnv, "ENVIRONMENT" | "ROOT_DOMAIN">> = {}): Bindings & DomainsEnv {
  return { ...(env as unknown as Bindings), CF_API_BASE: cloudflareBase(), CF_API_TOKEN: TEST_CF_TOKEN, CF_ZONE_ID: hex(16), CF_TIMEOUT_MS: "5000", ...extra };
}

/** Makes the sandbox's hostname pass its validation (as if her CNAME were in place). */
export async function validateAtCloudflare(hostname: string): Promise<void> {
  const res = await fetch(`${inject("sandboxes").cloudflare}/__sandbox/validate?hostname=${encodeURIComponent(hostname)}`, { method: "POST" });
  if (!res.ok) throw new Error(`validate: ${res.status} ${await res.text()}`);
}

/** The sandbox's next `count` requests about `hostname` fail with `status`, or hang. */
export async function failCloudflareNext(hostname: string, opts: { count?: number; status?: number; mode?: "hang" } = {}): Promise<void> {
  const q = new URLSearchParams({ count: String(opts.count ?? 1), to: hostname, ...(opts.status ? { status: String(opts.status) } : {}), ...(opts.mode ? { mode: opts.mode } : {}) });
  const res = await fetch(`${inject("sandboxes").cloudflare}/__sandbox/fail-next?${q}`, { method: "POST" });
  if (!res.ok) throw new Error(`fail-next: ${res.status} ${await res.text()}`);
}

/** A brand's www hostname no other test uses ("www.noor-lawn-4821.pk"). */
export const uniqueHostname = (brand = "noor-lawn") => `www.${brand}-${hex(3)}.pk`;
