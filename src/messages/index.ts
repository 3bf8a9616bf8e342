/**
 * The messages feature's entry point: `createTransport(config)` gives the one Transport the
 * outbox consumer calls. It routes each message to its channel's transport (WhatsApp, SMS,
 * email, push), or to the dev transport when the config says so (never in production), answers
 * "not_configured" for a channel without credentials, and scrubs every configured secret out of
 * the Outcome as a last guard.
 */
import { messagesConfig, secretsOf, type MessagesConfig, type MessagesEnv } from "./config";
import { devOutbox as isolateDevOutbox, type DevOutbox } from "./dev";
import { emailTransport } from "./email";
import { scrub } from "./http";
import { pushTransport } from "./push";
import { smsTransport } from "./sms";
import { CHANNELS, permanent, type Message, type Outcome, type Transport } from "./transport";
import { whatsappTransport } from "./whatsapp";

export * from "./transport";
export { messagesConfig, type MessagesConfig } from "./config";
export { DevOutbox } from "./dev";

export interface CreateTransportOptions {
  /** Where dev messages are kept; the isolate's shared outbox by default. */
  devOutbox?: DevOutbox;
  fetch?: typeof fetch;
  now?: () => number;
}

export function createTransport(config: MessagesConfig, opts: CreateTransportOptions = {}): Transport {
  const dev = opts.devOutbox ?? isolateDevOutbox;
  const common = { timeoutMs: config.timeoutMs, fetch: opts.fetch };
  const live: Record<"whatsapp" | "sms" | "email" | "push", Transport | string> = {
    whatsapp: config.whatsapp.ok ? whatsappTransport({ config: config.whatsapp.value, ...common }) : why(config.whatsapp),
    sms: config.sms.ok ? smsTransport({ config: config.sms.value, ...common }) : why(config.sms),
    email: config.email.ok ? emailTransport({ config: config.email.value, ...common }) : why(config.email),
    push: config.push.ok ? pushTransport({ config: config.push.value, ...common, now: opts.now }) : why(config.push),
  };
  const secrets = secretsOf(config);
  return {
    async send(message: Message): Promise<Outcome> {
      let outcome: Outcome;
      if (!(CHANNELS as readonly string[]).includes(message.channel)) {
        outcome = permanent("invalid_request", `unknown channel "${String(message.channel)}"`);
      } else if (message.channel === "dev" || config.transport === "dev") {
        outcome = config.production ? permanent("not_configured", "no dev transport in production") : await dev.send(message);
      } else {
        const transport = live[message.channel];
        outcome = typeof transport === "string" ? permanent("not_configured", transport) : await transport.send(message);
      }
      return outcome.status === "sent" ? outcome : { ...outcome, detail: scrub(outcome.detail, secrets) };
    },
  };
}

function why(channel: { ok: false; missing: string[]; problem?: string }): string {
  return channel.problem ?? `missing ${channel.missing.join(", ")}`;
}

/** createTransport(messagesConfig(env)): the usual way in. */
export function transportFromEnv(env: MessagesEnv, opts?: CreateTransportOptions): Transport {
  return createTransport(messagesConfig(env), opts);
}
