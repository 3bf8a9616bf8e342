/**
 * The messages configuration, built once from the Worker's env: which channels have credentials,
 * the providers' base URLs (the real APIs by default, the local sandboxes in development and
 * tests), the timeout of every outbound call, and whether messages go to the dev transport.
 *
 * Credentials are wrapped in Secret: printing, logging or JSON-encoding the config shows
 * "[secret]", never the value; only a transport calls `reveal()`, to put it in a header.
 * A channel with some but not all of its variables is "not configured" and says which names are
 * missing (names only, never values).
 *
 * Variables (secrets in production with `wrangler secret put NAME`, `.dev.vars` locally):
 *   WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID, [WHATSAPP_API_BASE, WHATSAPP_API_VERSION]
 *   TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM, [TWILIO_API_BASE]
 *   RESEND_API_KEY, EMAIL_FROM, [RESEND_API_BASE]
 *   VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT, [PUSH_ALLOWED_ORIGINS]
 *   [MESSAGES_TRANSPORT = "dev" | "live", MESSAGES_TIMEOUT_MS]
 */
import { fromBase64Url } from "./base64url";

class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return "[secret]";
  }
  toJSON(): string {
    return "[secret]";
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[secret]";
  }
}

/** The env variables this module reads; all optional, so any Worker env fits. */
export interface MessagesEnv {
  ENVIRONMENT?: string;
  MESSAGES_TRANSPORT?: string;
  MESSAGES_TIMEOUT_MS?: string;
  WHATSAPP_TOKEN?: string;
  WHATSAPP_PHONE_NUMBER_ID?: string;
  WHATSAPP_API_BASE?: string;
  WHATSAPP_API_VERSION?: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM?: string;
  TWILIO_API_BASE?: string;
  RESEND_API_KEY?: string;
  EMAIL_FROM?: string;
  RESEND_API_BASE?: string;
  VAPID_PUBLIC_KEY?: string;
  VAPID_PRIVATE_KEY?: string;
  VAPID_SUBJECT?: string;
  PUSH_ALLOWED_ORIGINS?: string;
}

export interface WhatsAppConfig {
  baseUrl: string;
  apiVersion: string;
  phoneNumberId: string;
  token: Secret;
}
export interface SmsConfig {
  baseUrl: string;
  accountSid: string;
  authToken: Secret;
  /** An E.164 number, an approved alphanumeric sender id, or a Messaging Service SID ("MG..."). */
  from: string;
}
export interface EmailConfig {
  baseUrl: string;
  apiKey: Secret;
  /** "Hatti <orders@hatti.pk>" */
  from: string;
}
export interface PushConfig {
  /** base64url of the 65-byte uncompressed P-256 point (the browser's applicationServerKey). */
  vapidPublicKey: string;
  /** base64url of the 32-byte private scalar. */
  vapidPrivateKey: Secret;
  /** "mailto:..." or "https://..." (RFC 8292 section 2.1). */
  subject: string;
  /** Origins a subscription endpoint may point at (the known push services, plus configured ones). */
  allowedOrigins: string[];
}

/** A channel: its settings, or why it has none. */
type ChannelConfig<T> = { ok: true; value: T } | { ok: false; missing: string[]; problem?: string };

export interface MessagesConfig {
  production: boolean;
  /** "dev": every message goes to the dev transport. Never in production. */
  transport: "dev" | "live";
  timeoutMs: number;
  whatsapp: ChannelConfig<WhatsAppConfig>;
  sms: ChannelConfig<SmsConfig>;
  email: ChannelConfig<EmailConfig>;
  push: ChannelConfig<PushConfig>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_WHATSAPP_API_VERSION = "v23.0";

/** The push services browsers subscribe with (Chrome/FCM, Firefox, Safari, Edge). */
const KNOWN_PUSH_HOSTS = [
  /^fcm\.googleapis\.com$/,
  /^updates\.push\.services\.mozilla\.com$/,
  /^(?:[a-z0-9-]+\.)*push\.apple\.com$/,
  /^(?:[a-z0-9-]+\.)*notify\.windows\.com$/,
];

export function messagesConfig(env: MessagesEnv): MessagesConfig {
  const production = env.ENVIRONMENT === "production";
  const get = (name: keyof MessagesEnv) => {
    const v = env[name];
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  // Names of the required variables that are absent; a channel with none set is simply off.
  const need = (...names: (keyof MessagesEnv)[]) => names.filter((n) => get(n) === undefined);
  const base = (name: keyof MessagesEnv, fallback: string): string | { problem: string } => {
    const raw = get(name) ?? fallback;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { problem: `${name} is not a URL` };
    }
    if (url.protocol !== "https:" && (production || url.protocol !== "http:")) {
      return { problem: `${name} must be https${production ? " in production" : ""}` };
    }
    return raw.replace(/\/+$/, "");
  };
  type Problem = { problem: string };
  const channel = <T extends object>(names: (keyof MessagesEnv)[], build: () => T | Problem): ChannelConfig<T> => {
    const missing = need(...names);
    if (missing.length) return { ok: false, missing };
    // Credentials travel in headers: printable ASCII, no spaces (this also keeps btoa() total).
    const garbled = names.find((n) => /TOKEN|KEY|SID/.test(n) && !/^[\x21-\x7e]+$/.test(get(n)!));
    if (garbled) return { ok: false, missing: [], problem: `${garbled} has characters a header cannot carry` };
    const value = build();
    if ("problem" in value) return { ok: false, missing: [], problem: (value as Problem).problem };
    return { ok: true, value };
  };

  const timeout = Number(get("MESSAGES_TIMEOUT_MS") ?? DEFAULT_TIMEOUT_MS);
  return {
    production,
    transport: production ? "live" : (get("MESSAGES_TRANSPORT") ?? "dev") === "live" ? "live" : "dev",
    timeoutMs: Number.isFinite(timeout) && timeout >= 100 && timeout <= 60_000 ? timeout : DEFAULT_TIMEOUT_MS,
    whatsapp: channel<WhatsAppConfig>(["WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"], () => {
      const baseUrl = base("WHATSAPP_API_BASE", "https://graph.facebook.com");
      if (typeof baseUrl !== "string") return baseUrl;
      const apiVersion = get("WHATSAPP_API_VERSION") ?? DEFAULT_WHATSAPP_API_VERSION;
      if (!/^v\d+\.\d+$/.test(apiVersion)) return { problem: "WHATSAPP_API_VERSION must look like v23.0" };
      const phoneNumberId = get("WHATSAPP_PHONE_NUMBER_ID")!;
      if (!/^[\w-]+$/.test(phoneNumberId)) return { problem: "WHATSAPP_PHONE_NUMBER_ID has characters a path cannot carry" };
      return { baseUrl, apiVersion, phoneNumberId, token: new Secret(get("WHATSAPP_TOKEN")!) };
    }),
    sms: channel<SmsConfig>(["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"], () => {
      const baseUrl = base("TWILIO_API_BASE", "https://api.twilio.com");
      if (typeof baseUrl !== "string") return baseUrl;
      const accountSid = get("TWILIO_ACCOUNT_SID")!;
      if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) return { problem: "TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits" };
      return { baseUrl, accountSid, authToken: new Secret(get("TWILIO_AUTH_TOKEN")!), from: get("TWILIO_FROM")! };
    }),
    email: channel<EmailConfig>(["RESEND_API_KEY", "EMAIL_FROM"], () => {
      const baseUrl = base("RESEND_API_BASE", "https://api.resend.com");
      if (typeof baseUrl !== "string") return baseUrl;
      return { baseUrl, apiKey: new Secret(get("RESEND_API_KEY")!), from: get("EMAIL_FROM")! };
    }),
    push: channel<PushConfig>(["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"], () => {
      const publicKey = get("VAPID_PUBLIC_KEY")!;
      const privateKey = get("VAPID_PRIVATE_KEY")!;
      const subject = get("VAPID_SUBJECT")!;
      if (!isBytes(publicKey, 65, 0x04)) return { problem: "VAPID_PUBLIC_KEY must be base64url of a 65-byte uncompressed P-256 point" };
      if (!isBytes(privateKey, 32)) return { problem: "VAPID_PRIVATE_KEY must be base64url of a 32-byte P-256 private key" };
      if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(subject)) return { problem: "VAPID_SUBJECT must be a mailto: or https: URL" };
      const allowedOrigins: string[] = [];
      for (const origin of (get("PUSH_ALLOWED_ORIGINS") ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
        const checked = originOf(origin, production);
        if (!checked) return { problem: `PUSH_ALLOWED_ORIGINS has an origin that is not ${production ? "https" : "http(s)"}: ${origin}` };
        allowedOrigins.push(checked);
      }
      return { vapidPublicKey: publicKey, vapidPrivateKey: new Secret(privateKey), subject, allowedOrigins };
    }),
  };
}

function isBytes(b64: string, length: number, first?: number): boolean {
  try {
    const bytes = fromBase64Url(b64);
    return bytes.length === length && (first === undefined || bytes[0] === first);
  } catch {
    return false;
  }
}

function originOf(text: string, production: boolean): string | null {
  try {
    const url = new URL(text);
    if (url.protocol === "https:" || (!production && url.protocol === "http:")) return url.origin;
  } catch {
    // fall through
  }
  return null;
}

/**
 * Whether a subscription's endpoint may be posted to: https on a known push service, or an origin
 * the config allows (the push sandbox in development). A subscription comes from a browser, so
 * this is what keeps a forged one from making the Worker POST to an arbitrary URL.
 */
export function pushEndpointAllowed(endpoint: string, push: PushConfig): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (push.allowedOrigins.includes(url.origin)) return true;
  return url.protocol === "https:" && url.port === "" && KNOWN_PUSH_HOSTS.some((re) => re.test(url.hostname));
}

/** Every secret value in the config, for scrubbing provider text before it reaches an Outcome. */
export function secretsOf(config: MessagesConfig): string[] {
  const out: string[] = [];
  if (config.whatsapp.ok) out.push(config.whatsapp.value.token.reveal());
  if (config.sms.ok) {
    const { accountSid, authToken } = config.sms.value;
    // Also the Basic credentials as they travel, in case a provider ever echoes the header.
    out.push(authToken.reveal(), btoa(`${accountSid}:${authToken.reveal()}`));
  }
  if (config.email.ok) out.push(config.email.value.apiKey.reveal());
  if (config.push.ok) out.push(config.push.value.vapidPrivateKey.reveal());
  return out;
}
