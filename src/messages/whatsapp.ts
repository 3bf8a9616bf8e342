/**
 * WhatsApp over Meta's Cloud API: an approved template message,
 *   POST {base}/{version}/{phone-number-id}/messages
 *   Authorization: Bearer <token>
 *   { messaging_product: "whatsapp", to, type: "template",
 *     template: { name, language: { code }, components: [{ type: "body", parameters: [...] }, ...] } }
 * answered with { messages: [{ id: "wamid..." }] }, or a Graph API error
 *   { error: { message, type, code, error_subcode?, error_data: { messaging_product, details }, fbtrace_id } }.
 * Errors are classified by `code` first (Meta answers most of them with HTTP 400, and an expired
 * token with 400 or 401), then by HTTP status. Codes from Meta's "WhatsApp error codes" page.
 */
import type { WhatsAppConfig } from "./config";
import { callProvider, providerText, retryAfterSeconds, scrub } from "./http";
import { TemplateParamsError, whatsappTemplatePayload } from "./templates/render";
import { E164, permanent, retryable, sent, type Message, type Outcome, type PermanentReason, type RetryableReason, type Transport } from "./transport";

type Kind = ["retryable", RetryableReason] | ["permanent", PermanentReason];

/** Meta's documented error codes, and what each means for a retry. */
const WHATSAPP_ERROR_CODES: Readonly<Record<number, Kind>> = {
  0: ["permanent", "bad_credentials"], // AuthException: token expired, revoked or invalid
  3: ["permanent", "bad_credentials"], // API method: capability or permission missing
  10: ["permanent", "bad_credentials"], // permission denied
  190: ["permanent", "bad_credentials"], // access token has expired
  1: ["retryable", "provider_unavailable"], // API unknown (possibly temporary)
  2: ["retryable", "provider_unavailable"], // API service: temporary downtime
  4: ["retryable", "rate_limited"], // API too many calls
  80007: ["retryable", "rate_limited"], // WABA rate limit
  130429: ["retryable", "rate_limited"], // Cloud API throughput reached
  131048: ["retryable", "rate_limited"], // spam rate limit
  131056: ["retryable", "rate_limited"], // (business, consumer) pair rate limit: same recipient too often
  131000: ["retryable", "provider_unavailable"], // something went wrong
  131016: ["retryable", "provider_unavailable"], // service unavailable
  100: ["permanent", "invalid_request"], // invalid parameter
  131008: ["permanent", "invalid_request"], // required parameter missing
  131009: ["permanent", "invalid_request"], // parameter value not valid
  131051: ["permanent", "invalid_request"], // unsupported message type
  132000: ["permanent", "invalid_request"], // number of parameters does not match the template
  132005: ["permanent", "invalid_request"], // translated text too long
  132012: ["permanent", "invalid_request"], // parameter format does not match the template
  132018: ["permanent", "invalid_request"], // an issue with the template's parameters
  131021: ["permanent", "invalid_recipient"], // recipient cannot be the sender
  131026: ["permanent", "undeliverable"], // message undeliverable: not on WhatsApp, old client, terms not accepted
  131047: ["permanent", "undeliverable"], // re-engagement: 24 hours passed (only for non-template messages)
  131049: ["permanent", "undeliverable"], // not delivered to protect the ecosystem
  131050: ["permanent", "undeliverable"], // the user stopped marketing messages
  132001: ["permanent", "template_not_approved"], // template does not exist (in that language) or not approved
  132007: ["permanent", "template_not_approved"], // template format character policy violated
  132015: ["permanent", "template_not_approved"], // template paused for low quality
  132016: ["permanent", "template_not_approved"], // template disabled
  368: ["permanent", "account_problem"], // temporarily blocked for policy violations
  130497: ["permanent", "account_problem"], // business restricted from messaging that country
  131031: ["permanent", "account_problem"], // business account locked
  131042: ["permanent", "account_problem"], // payment/eligibility problem
  133010: ["permanent", "account_problem"], // phone number not registered
};

function classifyStatus(status: number): Kind {
  if (status === 401 || status === 403) return ["permanent", "bad_credentials"];
  if (status === 429) return ["retryable", "rate_limited"];
  if (status >= 500) return ["retryable", "provider_unavailable"];
  return ["permanent", "invalid_request"];
}

export interface WhatsAppTransportOptions {
  config: WhatsAppConfig;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function whatsappTransport({ config, timeoutMs, fetch }: WhatsAppTransportOptions): Transport {
  const url = `${config.baseUrl}/${config.apiVersion}/${encodeURIComponent(config.phoneNumberId)}/messages`;
  const secrets = [config.token.reveal()];
  return {
    async send(message: Message): Promise<Outcome> {
      if (typeof message.to !== "string" || !E164.test(message.to)) {
        return permanent("invalid_recipient", "not an E.164 phone number");
      }
      let template;
      try {
        template = whatsappTemplatePayload(message.template, message.locale, message.params);
      } catch (err) {
        if (err instanceof TemplateParamsError) return permanent("invalid_request", err.message);
        throw err;
      }
      const call = await callProvider(
        url,
        {
          method: "POST",
          headers: { authorization: `Bearer ${config.token.reveal()}`, "content-type": "application/json" },
          body: JSON.stringify({ messaging_product: "whatsapp", to: message.to, type: "template", template }),
        },
        { timeoutMs, fetch },
      );
      if (!call.ok) return call.outcome;
      const { status, json, headers } = call.response;
      if (status >= 200 && status < 300) {
        const id = (json as { messages?: { id?: unknown }[] } | undefined)?.messages?.[0]?.id;
        if (typeof id === "string" && id) return sent(id);
        return retryable("provider_unavailable", `HTTP ${status} without a message id`);
      }
      const error = (json as { error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } } } | undefined)?.error;
      const code = typeof error?.code === "number" ? error.code : typeof error?.code === "string" ? Number(error.code) : undefined;
      const known = code !== undefined && Number.isInteger(code) ? WHATSAPP_ERROR_CODES[code] : undefined;
      const kind: Kind =
        known ?? (code !== undefined && code >= 200 && code <= 299 ? ["permanent", "bad_credentials"] : classifyStatus(status));
      const text = [providerText(error?.message, `HTTP ${status}`), typeof error?.error_data?.details === "string" ? error.error_data.details : ""]
        .filter(Boolean)
        .join(": ");
      const detail = scrub(providerText(text, `HTTP ${status}`), secrets);
      const providerCode = code !== undefined && Number.isFinite(code) ? String(code) : undefined;
      if (kind[0] === "retryable") {
        return retryable(kind[1], detail, { providerCode, retryAfterSeconds: retryAfterSeconds(headers) });
      }
      return permanent(kind[1], detail, providerCode);
    },
  };
}
