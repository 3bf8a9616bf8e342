/**
 * Web Push (RFC 8030) to one browser subscription: the rendered template as a small JSON payload
 * ({ title, body, url, template, tag }) encrypted for the subscription (webpush.ts), signed for
 * with VAPID (vapid.ts), with the template's TTL and Urgency. The push service answers 201; 404 or
 * 410 mean the subscription is gone (the Outcome's reason is "gone": the caller deletes it).
 * The endpoint must be https on a known push service or an origin the config allows: a
 * subscription comes from a browser and is never trusted to name any URL.
 */
import { pushEndpointAllowed, type PushConfig } from "./config";
import { callProvider, providerText, retryAfterSeconds } from "./http";
import { TemplateParamsError, checkedParams, renderText } from "./templates/render";
import { permanent, retryable, sent, type Message, type Outcome, type Transport } from "./transport";
import { utf8, type Bytes } from "./base64url";
import { vapidAuthorization } from "./vapid";
import { PUSH_PLAINTEXT_MAX, PushKeyError, encryptPushPayload, subscriptionKeys } from "./webpush";

interface PushPayload {
  title: string;
  body: string;
  /** Where a tap on the notification goes: the template's `link` parameter, when it has one. */
  url: string | null;
  template: string;
  /** Replaces an earlier notification with the same tag (the message id, when there is one). */
  tag: string | null;
}

export interface PushTransportOptions {
  config: PushConfig;
  timeoutMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export function pushTransport({ config, timeoutMs, fetch, now = Date.now }: PushTransportOptions): Transport {
  const keys = { publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey.reveal() };
  return {
    async send(message: Message): Promise<Outcome> {
      const to = message.to as Partial<{ endpoint: unknown; keys: { p256dh?: unknown; auth?: unknown } }>;
      if (typeof to !== "object" || to === null || typeof to.endpoint !== "string" || typeof to.keys !== "object" || to.keys === null) {
        return permanent("invalid_recipient", "not a push subscription");
      }
      const endpoint = to.endpoint;
      if (!pushEndpointAllowed(endpoint, config)) return permanent("invalid_recipient", "the endpoint is not a known push service");
      let payload: PushPayload;
      try {
        const text = renderText(message.template, message.locale, message.params);
        const params = checkedParams(message.template, message.params).params;
        payload = { title: text.title, body: text.body, url: params.link ?? null, template: message.template, tag: message.id ?? null };
      } catch (err) {
        if (err instanceof TemplateParamsError) return permanent("invalid_request", err.message);
        throw err;
      }
      const plaintext = utf8(JSON.stringify(payload));
      if (plaintext.length > PUSH_PLAINTEXT_MAX) return permanent("invalid_request", `payload over ${PUSH_PLAINTEXT_MAX} bytes`);
      let body: Bytes;
      try {
        body = await encryptPushPayload(plaintext, subscriptionKeys({ p256dh: to.keys.p256dh, auth: to.keys.auth }));
      } catch (err) {
        if (err instanceof PushKeyError) return permanent("invalid_recipient", err.message);
        throw err;
      }
      const template = checkedParams(message.template, message.params).template;
      let authorization: string;
      try {
        authorization = await vapidAuthorization(endpoint, keys, config.subject, now());
      } catch {
        // WebCrypto refuses a private key that does not belong to the public one.
        return permanent("bad_credentials", "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not one key pair");
      }
      const call = await callProvider(
        endpoint,
        {
          method: "POST",
          headers: {
            authorization,
            "content-encoding": "aes128gcm",
            "content-type": "application/octet-stream",
            ttl: String(template.push.ttlSeconds),
            urgency: template.push.urgency,
          },
          body,
        },
        { timeoutMs, fetch },
      );
      if (!call.ok) return call.outcome;
      const { status, headers, text } = call.response;
      if (status >= 200 && status < 300) return sent(headers.get("location") ?? `push-${status}`);
      const detail = `HTTP ${status}${text ? `: ${providerText(text.slice(0, 200), "")}` : ""}`;
      if (status === 404 || status === 410) return permanent("gone", detail, String(status));
      if (status === 429) return retryable("rate_limited", detail, { providerCode: "429", retryAfterSeconds: retryAfterSeconds(headers) });
      if (status >= 500) return retryable("provider_unavailable", detail, { providerCode: String(status) });
      if (status === 401 || status === 403) return permanent("bad_credentials", detail, String(status));
      return permanent("invalid_request", detail, String(status));
    },
  };
}
