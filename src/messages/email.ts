/**
 * Email over Resend's HTTP API:
 *   POST {base}/emails
 *   Authorization: Bearer <api key>, Idempotency-Key: <message id> (when the message has one)
 *   { from, to: [address], subject, text }
 * answered 200 { id }, or an error { statusCode, name, message } where `name` is the documented
 * error type (missing_api_key, invalid_api_key, validation_error, rate_limit_exceeded, ...).
 * Text only, never HTML: nothing a seller or customer typed can become markup in an email.
 */
import type { EmailConfig } from "./config";
import { callProvider, providerText, retryAfterSeconds, scrub } from "./http";
import { isOutcome, textOrRefusal } from "./templates/render";
import { isEmailAddress, permanent, retryable, sent, type Message, type Outcome, type PermanentReason, type RetryableReason, type Transport } from "./transport";

type Kind = ["retryable", RetryableReason] | ["permanent", PermanentReason];

/** Resend's documented error types (resend.com/docs/api-reference/errors). */
const RESEND_ERRORS: Readonly<Record<string, Kind>> = {
  missing_api_key: ["permanent", "bad_credentials"],
  invalid_api_key: ["permanent", "bad_credentials"],
  restricted_api_key: ["permanent", "bad_credentials"],
  validation_error: ["permanent", "invalid_request"],
  missing_required_field: ["permanent", "invalid_request"],
  invalid_parameter: ["permanent", "invalid_request"],
  invalid_from_address: ["permanent", "account_problem"],
  invalid_attachment: ["permanent", "invalid_request"],
  invalid_idempotency_key: ["permanent", "invalid_request"],
  invalid_idempotent_request: ["permanent", "invalid_request"],
  not_found: ["permanent", "invalid_request"],
  method_not_allowed: ["permanent", "invalid_request"],
  security_error: ["permanent", "account_problem"],
  monthly_quota_exceeded: ["permanent", "account_problem"],
  daily_quota_exceeded: ["retryable", "rate_limited"],
  rate_limit_exceeded: ["retryable", "rate_limited"],
  concurrent_idempotent_requests: ["retryable", "rate_limited"],
  application_error: ["retryable", "provider_unavailable"],
  internal_server_error: ["retryable", "provider_unavailable"],
};

function classify(status: number, name: string | undefined, message: string): Kind {
  // Resend has answered a bad key both as 403 invalid_api_key and as 401 validation_error.
  if (status === 401) return ["permanent", "bad_credentials"];
  // A 403 validation_error is the account's sending restriction (test mode, unverified domain).
  if (name === "validation_error" && status === 403) return ["permanent", "account_problem"];
  // A validation_error about `to` is the recipient's fault, not ours.
  if (name === "validation_error" && /`to`/.test(message)) return ["permanent", "invalid_recipient"];
  const known = name !== undefined && Object.hasOwn(RESEND_ERRORS, name) ? RESEND_ERRORS[name] : undefined;
  if (known) return known;
  if (status === 401 || status === 403) return ["permanent", "bad_credentials"];
  if (status === 429) return ["retryable", "rate_limited"];
  if (status >= 500) return ["retryable", "provider_unavailable"];
  return ["permanent", "invalid_request"];
}

export interface EmailTransportOptions {
  config: EmailConfig;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function emailTransport({ config, timeoutMs, fetch }: EmailTransportOptions): Transport {
  const url = `${config.baseUrl}/emails`;
  const secrets = [config.apiKey.reveal()];
  return {
    async send(message: Message): Promise<Outcome> {
      if (typeof message.to !== "string" || !isEmailAddress(message.to)) {
        return permanent("invalid_recipient", "not a single email address");
      }
      const text = textOrRefusal(message);
      if (isOutcome(text)) return text;
      const headers: Record<string, string> = {
        authorization: `Bearer ${config.apiKey.reveal()}`,
        "content-type": "application/json",
      };
      if (message.id) headers["idempotency-key"] = message.id.slice(0, 256);
      const call = await callProvider(
        url,
        { method: "POST", headers, body: JSON.stringify({ from: config.from, to: [message.to], subject: text.title, text: text.body }) },
        { timeoutMs, fetch },
      );
      if (!call.ok) return call.outcome;
      const { status, json } = call.response;
      if (status >= 200 && status < 300) {
        const id = (json as { id?: unknown } | undefined)?.id;
        if (typeof id === "string" && id) return sent(id);
        return retryable("provider_unavailable", `HTTP ${status} without an email id`);
      }
      const error = json as { name?: unknown; message?: unknown } | undefined;
      const name = typeof error?.name === "string" ? error.name : undefined;
      const message_ = providerText(error?.message, `HTTP ${status}`);
      const kind = classify(status, name, message_);
      const detail = scrub(message_, secrets);
      if (kind[0] === "retryable") {
        return retryable(kind[1], detail, { providerCode: name, retryAfterSeconds: retryAfterSeconds(call.response.headers) });
      }
      return permanent(kind[1], detail, name);
    },
  };
}
