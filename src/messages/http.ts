/**
 * One outbound HTTP call to a provider, the same way for every transport: a timeout on the whole
 * exchange (AbortSignal.timeout covers the headers and the body), no redirects followed (an
 * Authorization header never travels to another host), the response body read up to a cap
 * (provider text is untrusted), and a failure to get any answer turned into a retryable Outcome
 * ("timeout" or "network"). Also: Retry-After parsing and scrubbing secrets out of provider text.
 */
import { retryable, type Outcome } from "./transport";

/** Error bodies are small; anything longer is cut (and never parsed as JSON). */
export const RESPONSE_BODY_MAX = 64 * 1024;

interface ProviderResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON (or was cut). */
  json: unknown;
}

export type CallResult = { ok: true; response: ProviderResponse } | { ok: false; outcome: Outcome };

export interface CallOptions {
  timeoutMs: number;
  fetch?: typeof fetch;
}

export async function callProvider(url: string, init: RequestInit, opts: CallOptions): Promise<CallResult> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const doFetch = opts.fetch ?? fetch;
  try {
    const res = await doFetch(url, { ...init, signal, redirect: "manual" });
    const { text, cut } = await readCapped(res);
    let json: unknown;
    if (!cut && text !== "") {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { ok: true, response: { status: res.status, headers: res.headers, text, json } };
  } catch (err) {
    if (signal.aborted || isTimeout(err)) {
      return { ok: false, outcome: retryable("timeout", `no answer within ${opts.timeoutMs} ms`) };
    }
    return { ok: false, outcome: retryable("network", `could not reach the provider: ${errorName(err)}`) };
  }
}

async function readCapped(res: Response): Promise<{ text: string; cut: boolean }> {
  if (!res.body) return { text: "", cut: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = RESPONSE_BODY_MAX - size;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      size += room;
      cut = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { text: new TextDecoder().decode(all), cut };
}

function isTimeout(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

function errorName(err: unknown): string {
  if (err instanceof Error) return err.name === "Error" ? err.message.slice(0, 120) : err.name;
  return "unknown error";
}

/** Retry-After (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date; clamped to a day. */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  let seconds: number;
  if (/^\d+$/.test(value)) seconds = Number(value);
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(Math.max(seconds, 0), 86_400);
}

/** Replaces every occurrence of a secret (4+ characters) in provider text with "[secret]". */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[secret]");
  return out;
}

/** A short, single-line rendering of untrusted provider text for an Outcome's detail. */
export function providerText(value: unknown, fallback: string): string {
  const text = typeof value === "string" ? value : fallback;
  return text.replace(/\s+/g, " ").trim() || fallback;
}
