/**
 * The one interface every message channel implements, and the shapes that cross it: a Message
 * going out (channel, recipient, template id, plain-string params, locale) and the Outcome coming
 * back (sent with the provider's id, a retryable failure, or a permanent one). The outbox and its
 * queue consumer (later) store a Message, call `send`, and record the Outcome; nothing here knows
 * about D1, queues or requests.
 *
 * Outcomes never carry credentials: `detail` is built from the provider's error text after the
 * configured secrets are scrubbed out of it (see http.ts), and is capped in length.
 */
import type { Locale } from "../i18n";
import type { TemplateId } from "./templates";

export type { Locale };

export const CHANNELS = ["whatsapp", "sms", "email", "push", "dev"] as const;
export type Channel = (typeof CHANNELS)[number];

/** A browser's push subscription, as `PushSubscription.toJSON()` gives it. */
export interface PushSubscriptionJSON {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

interface MessageBase {
  /** An id from the template registry (src/messages/templates). */
  template: TemplateId;
  /** The template's parameters by name, as plain text (never markup). */
  params: Readonly<Record<string, string>>;
  /** The recipient's language. */
  locale: Locale;
  /**
   * A stable id for this message (the outbox row's id): sent as the idempotency key where the
   * provider has one (email), so a retry after a timeout does not send twice.
   */
  id?: string;
}

export type Message =
  /** `to` is an E.164 number: "+923001234567". */
  | (MessageBase & { channel: "whatsapp" | "sms"; to: string })
  /** `to` is a bare address: "ayesha@example.com" (no display name, no list). */
  | (MessageBase & { channel: "email"; to: string })
  | (MessageBase & { channel: "push"; to: PushSubscriptionJSON })
  /** Kept by the dev transport for the dev outbox; `to` is any of the above. */
  | (MessageBase & { channel: "dev"; to: string | PushSubscriptionJSON });

/** Worth trying again later: the same message may well go through. */
export type RetryableReason =
  /** 429 or the provider's rate-limit code; `retryAfterSeconds` when the provider said. */
  | "rate_limited"
  /** 5xx, or the provider's "temporary error" codes. */
  | "provider_unavailable"
  /** No answer within the configured timeout (AbortSignal.timeout). */
  | "timeout"
  /** DNS, connection refused or reset. */
  | "network";

/** Trying the same message again will fail the same way. */
export type PermanentReason =
  /** The number, address or subscription is malformed or not valid for the channel. */
  | "invalid_recipient"
  /** A valid recipient who cannot get it on this channel (not on WhatsApp, unsubscribed): try another channel. */
  | "undeliverable"
  /** The push service says the subscription no longer exists (404/410): delete it. */
  | "gone"
  /** WhatsApp: the template is missing, not approved, paused or disabled in that language. */
  | "template_not_approved"
  /** The token, key or VAPID signature was refused. */
  | "bad_credentials"
  /** The sending account is restricted (policy, payment, region, quota). */
  | "account_problem"
  /** The request itself was refused (parameters, size). A bug on our side. */
  | "invalid_request"
  /** The channel has no credentials in this environment. */
  | "not_configured";

export type Outcome =
  | { status: "sent"; providerId: string }
  | {
      status: "retryable";
      reason: RetryableReason;
      detail: string;
      /** The provider's own error code ("131056", "20429", "rate_limit_exceeded"), when it gave one. */
      providerCode?: string;
      retryAfterSeconds?: number;
    }
  | { status: "permanent"; reason: PermanentReason; detail: string; providerCode?: string };

export interface Transport {
  send(message: Message): Promise<Outcome>;
}

/** The longest `detail` an Outcome carries: provider text is untrusted and unbounded. */
const DETAIL_MAX = 300;

export function sent(providerId: string): Outcome {
  return { status: "sent", providerId };
}

export function retryable(
  reason: RetryableReason,
  detail: string,
  extra: { providerCode?: string; retryAfterSeconds?: number } = {},
): Outcome {
  const out: Outcome = { status: "retryable", reason, detail: clip(detail) };
  if (extra.providerCode !== undefined) out.providerCode = extra.providerCode;
  if (extra.retryAfterSeconds !== undefined) out.retryAfterSeconds = extra.retryAfterSeconds;
  return out;
}

export function permanent(reason: PermanentReason, detail: string, providerCode?: string): Outcome {
  const out: Outcome = { status: "permanent", reason, detail: clip(detail) };
  if (providerCode !== undefined) out.providerCode = providerCode;
  return out;
}

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length > DETAIL_MAX ? chars.slice(0, DETAIL_MAX - 1).join("") + "…" : text;
}

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * One bare address, at most 254 characters, nothing that could turn it into a display name, a
 * second recipient or a header ("<", ">", ",", ";", quotes, spaces, control characters).
 */
export function isEmailAddress(to: string): boolean {
  return to.length <= 254 && /^[^\s@<>,;:"'()[\]\\\u0000-\u001f\u007f]+@[^\s@<>,;:"'()[\]\\\u0000-\u001f\u007f]+\.[^\s@<>,;:"'()[\]\\\u0000-\u001f\u007f]+$/.test(to);
}
