/**
 * The one interface every courier implements, and the shapes that cross it: a Shipment going out
 * (the order's reference, the customer's name, phone, address and city, the weight and the cash to
 * collect), and the Result coming back (the value, a retryable failure, or a permanent one), like
 * src/messages/transport.ts's Outcome. Adapters are called only by the queue consumer and the cron,
 * never in a seller's request; every call has a timeout (src/messages/http.ts's callProvider).
 *
 * Results never carry credentials: `detail` is the provider's text with the secrets scrubbed out,
 * capped in length.
 */
import { retryAfterSeconds, scrub, type CallResult } from "../messages/http";
import type { RetryableReason } from "../messages/transport";

export interface Shipment {
  /** The courier's "order reference": unique a shipment (the order number and the shipment id). */
  ref: string;
  customerName: string;
  /** As the customer typed it at checkout: "03001234567" or "+923001234567". */
  phone: string;
  address: string;
  city: string;
  weightGrams: number;
  /** Cash the rider collects, in paisa (0 when paid). */
  codPaisa: number;
  pieces: number;
  /** What is inside, for the courier's slip ("2 x Handmade embroidered chiffon kurta"). */
  description: string;
  /** Own rider: the tracking number she typed, if any. */
  trackingNumber?: string;
}

/** What a shipment is, as Hatti tracks it. */
export type TrackState = "booked" | "in_transit" | "delivered" | "returned" | "cancelled";

export interface Booked {
  trackingNumber: string;
  /** A link to the courier's own label, when its answer gives one. */
  labelUrl?: string;
}

export interface Tracked {
  trackingNumber: string;
  state: TrackState;
  /** The courier's own words for it ("Out For Delivery"), for the order's events. */
  providerStatus: string;
}

/** Trying again will fail the same way. */
export type PermanentReason =
  /** The destination city is not one the courier delivers to (or its name is unknown to it). */
  | "bad_city"
  /** The key, token or password was refused. */
  | "bad_credentials"
  /** The order reference was booked before: a retry after a lost answer, or a real duplicate. */
  | "duplicate_reference"
  /** The tracking number is unknown to the courier. */
  | "not_found"
  /** The request itself was refused (a field, a size). */
  | "invalid_request"
  /** No credentials for this courier, or no API (own rider). */
  | "not_configured"
  /**
   * The courier says the reference was booked but cannot tell us the booking (no look-up by our
   * reference, or the look-up does not find it): the seller checks the courier's portal; Hatti
   * never books a second parcel for it on its own.
   */
  | "needs_attention";

export type Result<T> =
  | { status: "ok"; value: T }
  | { status: "retryable"; reason: RetryableReason; detail: string; retryAfterSeconds?: number }
  | { status: "permanent"; reason: PermanentReason; detail: string };

/** How an adapter reaches its courier: the base URL (env), the shop's credentials, the timeout. */
export interface CourierContext {
  base: string;
  credentials: Readonly<Record<string, string>>;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface Courier {
  id: string;
  /** The credential fields its settings form asks for (each is secret: shown only as a hint). */
  credentialFields: readonly string[];
  /** The env var that points it at its API (the sandbox in development and tests). */
  baseEnv?: string;
  /** The live API's base. */
  liveBase?: string;
  /** The most tracking numbers one track() call may carry (the API's own limit). */
  trackBatch: number;
  cities(ctx: CourierContext): Promise<Result<string[]>>;
  book(ctx: CourierContext, shipment: Shipment): Promise<Result<Booked>>;
  /** The courier's own label as PDF bytes, or null when it has none. */
  label(ctx: CourierContext, booked: Booked): Promise<Result<Uint8Array | null>>;
  track(ctx: CourierContext, trackingNumbers: readonly string[]): Promise<Result<Tracked[]>>;
  cancel(ctx: CourierContext, booked: Booked): Promise<Result<null>>;
  /**
   * The booking the courier already holds under our order reference (the idempotency key), or
   * null when it holds none: asked before booking again after an answer that may have been lost,
   * and after a "duplicate reference". Absent when the courier has no look-up by our reference:
   * such a shipment is left for the seller (needs_attention), never booked a second time.
   * `since`: when the shipment was written (ms), for a courier whose look-up is a dated list.
   */
  lookup?(ctx: CourierContext, ref: string, since: number): Promise<Result<Booked | null>>;
  /** The courier's public tracking page for a tracking number (absent: it has none). */
  trackingUrl?(trackingNumber: string): string;
}

/** The longest `detail` a Result carries: provider text is untrusted and unbounded. */
const DETAIL_MAX = 300;

export const ok = <T>(value: T): Result<T> => ({ status: "ok", value });

export function fail(reason: PermanentReason, detail: string, ctx?: CourierContext): Result<never> {
  return { status: "permanent", reason, detail: clean(detail, ctx) };
}

export function retry(reason: RetryableReason, detail: string, ctx?: CourierContext, after?: number): Result<never> {
  const out: Result<never> = { status: "retryable", reason, detail: clean(detail, ctx) };
  if (after !== undefined) out.retryAfterSeconds = after;
  return out;
}

function clean(text: string, ctx?: CourierContext): string {
  const one = scrub(text, ctx ? Object.values(ctx.credentials) : []).replace(/\s+/g, " ").trim();
  const chars = Array.from(one);
  return chars.length > DETAIL_MAX ? chars.slice(0, DETAIL_MAX - 1).join("") + "…" : one;
}

/** Outside production a courier whose base URL is unset is not called at all. */
export const NO_BASE = "no API base URL for this courier in this environment";

/** A call that got no answer, or an answer every courier means the same by (429, 5xx): its Result; else null. */
export function transportFailure(ctx: CourierContext, call: CallResult): Result<never> | null {
  if (!call.ok) {
    const o = call.outcome;
    if (o.status === "retryable") return retry(o.reason, o.detail, ctx);
    return fail("invalid_request", o.status === "permanent" ? o.detail : "no answer", ctx);
  }
  const { status, headers, text } = call.response;
  if (status === 429) return retry("rate_limited", text || "rate limited", ctx, retryAfterSeconds(headers));
  if (status >= 500) return retry("provider_unavailable", `${status} ${text}`.trim(), ctx);
  return null;
}

/** A city as the couriers that book by city id list it. */
interface City {
  id: number;
  name: string;
}

/** A courier's city list ([{ id, name }]) as Cities, dropping what is not one. */
export function parseCities(list: unknown): City[] {
  if (!Array.isArray(list)) return [];
  return (list as { id?: unknown; name?: unknown }[]).flatMap((c) => (typeof c.name === "string" && Number.isSafeInteger(Number(c.id)) ? [{ id: Number(c.id), name: c.name }] : []));
}

/** The city the shipment goes to, by name (trimmed, without case: "lahore " is "Lahore"), or a bad_city Result. */
export function cityOf(cities: Result<City[]>, name: string, courier: string, ctx: CourierContext): Result<City> {
  if (cities.status !== "ok") return cities;
  const city = cities.value.find((c) => c.name.trim().toLowerCase() === name.trim().toLowerCase());
  return city ? ok(city) : fail("bad_city", `${courier} does not deliver to ${name}`, ctx);
}

export const cityNames = (cities: Result<City[]>): Result<string[]> => (cities.status === "ok" ? ok(cities.value.map((c) => c.name)) : cities);

/** A look-up's answer "there is no booking by that reference" as ok(null); anything else unchanged. */
export const noneWhenNotFound = <T>(r: Result<T>): Result<T | null> => (r.status === "permanent" && r.reason === "not_found" ? ok(null) : r);

/** A courier's public tracking page for a tracking number: its base with the number appended, URL-encoded. */
export const trackingPage = (base: string) => (trackingNumber: string) => `${base}${encodeURIComponent(trackingNumber)}`;

/** Paisa to whole rupees, as couriers take the cash to collect. */
export const rupees = (paisa: number) => Math.round(paisa / 100);

/** The biggest label PDF kept (a 4x6 label is tens of kilobytes). */
const LABEL_MAX = 2 * 1024 * 1024;

/**
 * A courier's label as PDF bytes, with the timeout and no redirects: null when the answer is not a
 * PDF (some couriers have none for a shipment) or bigger than LABEL_MAX (checked before it is read
 * whole when the length is given, and while reading when not).
 */
export async function fetchPdf(ctx: CourierContext, url: string, headers: Record<string, string>): Promise<Result<Uint8Array | null>> {
  if (!ctx.base) return fail("not_configured", NO_BASE);
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  try {
    const res = await (ctx.fetch ?? fetch)(url, { headers, signal, redirect: "manual" });
    if (res.status === 401 || res.status === 403) return fail("bad_credentials", `${res.status}`, ctx);
    if (res.status === 429 || res.status >= 500) return retry(res.status === 429 ? "rate_limited" : "provider_unavailable", `${res.status}`, ctx);
    if (res.status !== 200 || !res.body || Number(res.headers.get("content-length") ?? 0) > LABEL_MAX) {
      await res.body?.cancel();
      return ok(null);
    }
    const reader = res.body.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > LABEL_MAX) {
        await reader.cancel();
        return ok(null);
      }
      parts.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const p of parts) bytes.set(p, (at += p.byteLength) - p.byteLength);
    return new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-" ? ok(bytes) : ok(null);
  } catch {
    return signal.aborted ? retry("timeout", `no answer within ${ctx.timeoutMs} ms`, ctx) : retry("network", "could not reach the courier", ctx);
  }
}
