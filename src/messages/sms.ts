/**
 * SMS over Twilio's Programmable Messaging API:
 *   POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json
 *   Authorization: Basic base64(AccountSid:AuthToken)
 *   application/x-www-form-urlencoded To, From (or MessagingServiceSid for an "MG..." sender), Body
 * answered 201 with the Message resource ({ sid: "SM...", status: "queued", ... }), or an error
 *   { code, message, more_info, status }.
 * Why Twilio: it documents every error code on its own page, reaches Pakistani mobiles (with a
 * registered alphanumeric sender id), and its API is plain HTTP + form encoding that workerd
 * speaks without an SDK. The text is the template's rendered body in the recipient's language
 * (Urdu goes out as UCS-2, 70 characters a segment, 67 when joined: 2 to 4 segments with long
 * real names; Twilio joins up to 1600 characters).
 */
import type { SmsConfig } from "./config";
import { callProvider, providerText, retryAfterSeconds, scrub } from "./http";
import { isOutcome, textOrRefusal } from "./templates/render";
import { E164, permanent, retryable, sent, type Message, type Outcome, type PermanentReason, type RetryableReason, type Transport } from "./transport";

type Kind = ["retryable", RetryableReason] | ["permanent", PermanentReason];

/** Twilio's documented error codes (twilio.com/docs/api/errors/NNNNN) that a send can answer. */
const TWILIO_ERROR_CODES: Readonly<Record<number, Kind>> = {
  20003: ["permanent", "bad_credentials"], // authentication error / permission denied
  20404: ["permanent", "invalid_request"], // resource not found (wrong account sid in the path)
  20429: ["retryable", "rate_limited"], // too many requests: never processed, safe to retry
  21211: ["permanent", "invalid_recipient"], // invalid 'To' phone number
  21614: ["permanent", "invalid_recipient"], // 'To' is not a valid mobile number (a landline)
  21612: ["permanent", "undeliverable"], // 'To' is not currently reachable via SMS
  21610: ["permanent", "undeliverable"], // the recipient replied STOP to this sender
  21408: ["permanent", "account_problem"], // permission to send to this region is not enabled
  21606: ["permanent", "account_problem"], // 'From' is not an SMS-capable number of this account
  21659: ["permanent", "account_problem"], // 'From' is not a Twilio number
  21212: ["permanent", "account_problem"], // invalid 'From' number
  21602: ["permanent", "invalid_request"], // message body is required
  21603: ["permanent", "invalid_request"], // 'From' is required
  21604: ["permanent", "invalid_request"], // 'To' is required
  21617: ["permanent", "invalid_request"], // body exceeds the 1600 character limit
};

function classifyStatus(status: number): Kind {
  if (status === 401 || status === 403) return ["permanent", "bad_credentials"];
  if (status === 429) return ["retryable", "rate_limited"];
  if (status >= 500) return ["retryable", "provider_unavailable"];
  return ["permanent", "invalid_request"];
}

export interface SmsTransportOptions {
  config: SmsConfig;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function smsTransport({ config, timeoutMs, fetch }: SmsTransportOptions): Transport {
  const url = `${config.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const basic = btoa(`${config.accountSid}:${config.authToken.reveal()}`);
  const secrets = [config.authToken.reveal(), basic];
  return {
    async send(message: Message): Promise<Outcome> {
      if (typeof message.to !== "string" || !E164.test(message.to)) {
        return permanent("invalid_recipient", "not an E.164 phone number");
      }
      const text = textOrRefusal(message);
      if (isOutcome(text)) return text;
      const body = text.body;
      const form = new URLSearchParams({ To: message.to });
      if (/^MG[0-9a-fA-F]{32}$/.test(config.from)) form.set("MessagingServiceSid", config.from);
      else form.set("From", config.from);
      form.set("Body", body);
      const call = await callProvider(
        url,
        {
          method: "POST",
          headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
          body: form.toString(),
        },
        { timeoutMs, fetch },
      );
      if (!call.ok) return call.outcome;
      const { status, json, headers } = call.response;
      if (status >= 200 && status < 300) {
        const sid = (json as { sid?: unknown } | undefined)?.sid;
        if (typeof sid === "string" && sid) return sent(sid);
        return retryable("provider_unavailable", `HTTP ${status} without a message sid`);
      }
      const error = json as { code?: unknown; message?: unknown } | undefined;
      const code = typeof error?.code === "number" ? error.code : undefined;
      const kind: Kind = (code !== undefined ? TWILIO_ERROR_CODES[code] : undefined) ?? classifyStatus(status);
      const detail = scrub(providerText(error?.message, `HTTP ${status}`), secrets);
      const providerCode = code !== undefined ? String(code) : undefined;
      if (kind[0] === "retryable") {
        return retryable(kind[1], detail, { providerCode, retryAfterSeconds: retryAfterSeconds(headers) });
      }
      return permanent(kind[1], detail, providerCode);
    },
  };
}
