/**
 * Cloudflare for SaaS's custom hostnames API behind one interface (`CustomHostnames`): create,
 * get, find by name, delete. Called only by the queue consumer and the cron (src/domains/jobs.ts),
 * never in a seller's request; every call has a timeout (src/messages/http.ts's callProvider).
 *
 * Configuration (Worker env): CF_API_TOKEN (a secret: an API token allowed "SSL and Certificates:
 * Edit" on the zone), CF_ZONE_ID (the SaaS zone), CF_API_BASE (the local sandbox in development
 * and tests; unset, the live API in production only: elsewhere an unset base is "not configured",
 * so nothing calls Cloudflare by accident), CF_TIMEOUT_MS. The token never leaves this file: it is
 * not in a Result, a log line or a row (details are scrubbed of it).
 */
import { callProvider, providerText, retryAfterSeconds, scrub, type CallResult } from "../messages/http";
import type { RetryableReason } from "../messages/transport";

export interface DomainsEnv {
  CF_API_TOKEN?: string;
  CF_ZONE_ID?: string;
  CF_API_BASE?: string;
  CF_TIMEOUT_MS?: string;
  /** The hostname sellers' CNAME records point at (the zone's fallback origin); default shops.<root>. */
  CF_FALLBACK_ORIGIN?: string;
  ENVIRONMENT?: string;
  ROOT_DOMAIN: string;
}

const LIVE_BASE = "https://api.cloudflare.com/client/v4";
const DEFAULT_TIMEOUT_MS = 10_000;

/** A DNS record she adds at her domain's registrar. */
export interface DnsRecord {
  type: "CNAME" | "TXT";
  name: string;
  value: string;
}

/** A custom hostname as Hatti tracks it. */
export interface Hostname {
  id: string;
  hostname: string;
  /** Serving: the hostname verified and its certificate issued. */
  active: boolean;
  /** Cloudflare gave up on it (blocked, moved away, deleted). */
  gone: boolean;
  /** The TXT records Cloudflare asks for (ownership, and the certificate's when validated by TXT). */
  txt: DnsRecord[];
  /** Cloudflare's words for what is still missing ("custom hostname does not CNAME to this zone."). */
  waiting: string[];
}

type PermanentReason = "duplicate" | "invalid" | "bad_credentials" | "not_found" | "not_configured";

export type Result<T> =
  | { status: "ok"; value: T }
  | { status: "retryable"; reason: RetryableReason; detail: string; retryAfterSeconds?: number }
  | { status: "permanent"; reason: PermanentReason; detail: string };

export interface CustomHostnames {
  create(hostname: string): Promise<Result<Hostname>>;
  get(id: string): Promise<Result<Hostname>>;
  /** The zone's custom hostname of that name, or null. */
  find(hostname: string): Promise<Result<Hostname | null>>;
  remove(id: string): Promise<Result<null>>;
}

/** Cloudflare's envelope: { success, errors: [{ code, message }], messages, result }. */
interface Envelope {
  success?: boolean;
  errors?: { code?: number; message?: string }[];
  result?: unknown;
}

type Raw = {
  id?: unknown;
  hostname?: unknown;
  status?: unknown;
  ssl?: { status?: unknown; validation_records?: { txt_name?: unknown; txt_value?: unknown }[] };
  ownership_verification?: { type?: unknown; name?: unknown; value?: unknown };
  verification_errors?: unknown;
};

const str = (v: unknown) => (typeof v === "string" ? v : "");
const ACTIVE = new Set(["active", "active_redeploying"]);
const GONE = new Set(["blocked", "moved", "deleted", "pending_deletion"]);

function toHostname(raw: Raw): Hostname | null {
  const id = str(raw.id);
  if (!id) return null;
  const txt: DnsRecord[] = [];
  const own = raw.ownership_verification;
  if (own && str(own.name) && str(own.value)) txt.push({ type: "TXT", name: str(own.name), value: str(own.value) });
  for (const r of Array.isArray(raw.ssl?.validation_records) ? raw.ssl.validation_records : []) {
    if (str(r.txt_name) && str(r.txt_value)) txt.push({ type: "TXT", name: str(r.txt_name), value: str(r.txt_value) });
  }
  const status = str(raw.status);
  return {
    id,
    hostname: str(raw.hostname),
    active: ACTIVE.has(status) && str(raw.ssl?.status) === "active",
    gone: GONE.has(status),
    txt: txt.slice(0, 4),
    waiting: (Array.isArray(raw.verification_errors) ? raw.verification_errors : []).map((e) => providerText(e, "")).filter(Boolean).slice(0, 3),
  };
}

/** Where and how to call: null when not configured (no token, zone or base). */
function config(env: DomainsEnv): { base: string; token: string; zone: string; timeoutMs: number } | null {
  const base = (env.CF_API_BASE?.trim() || (env.ENVIRONMENT === "production" ? LIVE_BASE : "")).replace(/\/+$/, "");
  const token = env.CF_API_TOKEN?.trim() ?? "";
  const zone = env.CF_ZONE_ID?.trim() ?? "";
  if (!base || !token || !zone) return null;
  const timeout = Number(env.CF_TIMEOUT_MS);
  return { base, token, zone, timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS };
}

/** Whether the API can be called at all (the queue and the cron leave the rows alone when not). */
export const isConfigured = (env: DomainsEnv) => config(env) !== null;

/** The hostname her CNAME points at. */
export function fallbackOrigin(env: DomainsEnv): string {
  return env.CF_FALLBACK_ORIGIN?.trim() || `shops.${env.ROOT_DOMAIN.replace(/:\d+$/, "")}`;
}

/** The HTTP client for the API (the sandbox's in development and tests). */
export function cloudflareHostnames(env: DomainsEnv, opts: { fetch?: typeof fetch } = {}): CustomHostnames {
  const cfg = config(env);
  const notConfigured = { status: "permanent", reason: "not_configured", detail: "CF_API_TOKEN, CF_ZONE_ID or CF_API_BASE is not set" } as const;

  async function call<T>(method: string, path: string, body: unknown, read: (result: unknown) => T): Promise<Result<T>> {
    if (!cfg) return notConfigured;
    const init: RequestInit = { method, headers: { authorization: `Bearer ${cfg.token}`, ...(body ? { "content-type": "application/json" } : {}) } };
    if (body) init.body = JSON.stringify(body);
    const r: CallResult = await callProvider(`${cfg.base}/zones/${encodeURIComponent(cfg.zone)}/custom_hostnames${path}`, init, { timeoutMs: cfg.timeoutMs, fetch: opts.fetch });
    if (!r.ok) {
      const o = r.outcome.status === "retryable" ? r.outcome : null;
      return { status: "retryable", reason: o?.reason ?? "network", detail: scrub(o?.detail ?? "no answer", [cfg.token]) };
    }
    const { status, json, headers } = r.response;
    const env = (json ?? {}) as Envelope;
    const first = Array.isArray(env.errors) ? env.errors[0] : undefined;
    const detail = scrub(`${first?.code ?? status}: ${providerText(first?.message, `HTTP ${status}`)}`, [cfg.token]).slice(0, 300);
    if (status >= 200 && status < 300 && env.success !== false) return { status: "ok", value: read(env.result) };
    if (status === 429 || status >= 500) return { status: "retryable", reason: status === 429 ? "rate_limited" : "provider_unavailable", detail, retryAfterSeconds: retryAfterSeconds(headers) };
    if (status === 401 || status === 403 || first?.code === 10000) return { status: "permanent", reason: "bad_credentials", detail };
    if (first?.code === 1406 || status === 409) return { status: "permanent", reason: "duplicate", detail };
    if (status === 404) return { status: "permanent", reason: "not_found", detail };
    return { status: "permanent", reason: "invalid", detail };
  }

  /** An answer without a custom hostname in it is a refusal. */
  const found = (r: Result<Hostname | null>, reason: PermanentReason): Result<Hostname> =>
    r.status !== "ok" ? r : r.value ? { status: "ok", value: r.value } : { status: "permanent", reason, detail: "no custom hostname in the answer" };
  const one = (result: unknown) => (result && typeof result === "object" ? toHostname(result as Raw) : null);
  return {
    async create(hostname) {
      return found(await call("POST", "", { hostname, ssl: { method: "http", type: "dv" } }, one), "invalid");
    },
    async get(id) {
      return found(await call("GET", `/${encodeURIComponent(id)}`, null, one), "not_found");
    },
    find(hostname) {
      return call("GET", `?hostname=${encodeURIComponent(hostname)}`, null, (result) => {
        const list = Array.isArray(result) ? (result as Raw[]) : [];
        return list.map(toHostname).find((h) => h?.hostname === hostname) ?? null;
      });
    },
    async remove(id) {
      const r = await call("DELETE", `/${encodeURIComponent(id)}`, null, () => null);
      return r.status === "ok" ? { status: "ok", value: null } : r;
    },
  };
}
