/**
 * For the messages tests only: the sandboxes' URLs (from vitest's globalSetup), reading what a
 * sandbox received, scheduling its failures, a live config pointed at the sandboxes, VAPID keys,
 * and realistic parameters (long Pakistani names in English and Urdu).
 */
import { inject } from "vitest";
import magic from "../../scripts/sandboxes/magic.json";
import { toBase64Url } from "./base64url";
import { messagesConfig, type MessagesConfig, type MessagesEnv } from "./config";

export { magic };

export type SandboxName = "whatsapp" | "sms" | "email" | "push";

export function sandboxUrl(name: SandboxName): string {
  return inject("sandboxes")[name];
}

export interface SandboxRecord {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  to: string | null;
  body: unknown;
  response: { status: number; body: unknown } | { hang: true } | null;
  payload?: string;
  payloadJson?: unknown;
  decryptError?: string;
}

export async function received(name: SandboxName, to: string): Promise<SandboxRecord[]> {
  const res = await fetch(`${sandboxUrl(name)}/__sandbox/requests?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { requests: SandboxRecord[] }).requests;
}

export async function failNext(name: SandboxName, opts: { count: number; status?: number; to: string; mode?: "hang" }): Promise<void> {
  const q = new URLSearchParams({ count: String(opts.count), to: opts.to });
  if (opts.status) q.set("status", String(opts.status));
  if (opts.mode) q.set("mode", opts.mode);
  const res = await fetch(`${sandboxUrl(name)}/__sandbox/fail-next?${q}`, { method: "POST" });
  if (!res.ok) throw new Error(`fail-next: ${res.status} ${await res.text()}`);
}

/** A recipient no other test uses: the sandboxes are shared by test files running in parallel. */
export function uniquePhone(): string {
  return `+92345${String(crypto.getRandomValues(new Uint32Array(1))[0]! % 10_000_000).padStart(7, "0")}`;
}

export const TEST_CREDENTIALS = {
  WHATSAPP_TOKEN: "EAAG-test-whatsapp-token-0123456789",
  WHATSAPP_PHONE_NUMBER_ID: "106540352242922",
  TWILIO_ACCOUNT_SID: "AC0123456789abcdef0123456789abcdef",
  TWILIO_AUTH_TOKEN: "f0e1d2c3b4a5968778695a4b3c2d1e0f",
  TWILIO_FROM: "+15005550006",
  RESEND_API_KEY: "re_test_1234567890abcdefghij",
  EMAIL_FROM: "Hatti <orders@hatti.pk>",
  VAPID_SUBJECT: "mailto:alerts@hatti.pk",
} as const;

export async function newVapidKeys(): Promise<{ VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string }> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const publicRaw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  const jwk = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  return { VAPID_PUBLIC_KEY: toBase64Url(publicRaw), VAPID_PRIVATE_KEY: jwk.d! };
}

/** Every channel live, pointed at the sandboxes. */
export async function sandboxEnv(extra: Partial<MessagesEnv> = {}): Promise<MessagesEnv> {
  return {
    ENVIRONMENT: "test",
    MESSAGES_TRANSPORT: "live",
    MESSAGES_TIMEOUT_MS: "5000",
    ...TEST_CREDENTIALS,
    ...(await newVapidKeys()),
    WHATSAPP_API_BASE: sandboxUrl("whatsapp"),
    TWILIO_API_BASE: sandboxUrl("sms"),
    RESEND_API_BASE: sandboxUrl("email"),
    PUSH_ALLOWED_ORIGINS: sandboxUrl("push"),
    ...extra,
  };
}

export async function sandboxConfig(extra: Partial<MessagesEnv> = {}): Promise<MessagesConfig> {
  return messagesConfig(await sandboxEnv(extra));
}

const SHOP_EN = "Ayesha's Handmade Embroidered Kurtas & Dupattas";
export const SHOP_UR = "عائشہ کے ہاتھ سے کڑھائی والے کرتے اور دوپٹے";
const PRODUCT_EN = "Handmade embroidered chiffon kurta with dupatta for weddings - Maroon / L";
export const PRODUCT_UR = "ہاتھ سے کڑھائی والا شیفون کا کرتا دوپٹے کے ساتھ شادی کے لیے - مرون / L";

export function newOrderParams(locale: "en" | "ur" = "en") {
  return {
    shopName: locale === "en" ? SHOP_EN : SHOP_UR,
    orderNumber: "#1042",
    total: "Rs 12,450",
    city: locale === "en" ? "Lahore" : "لاہور",
    link: "https://hatti.pk/admin/orders/1042",
  };
}
