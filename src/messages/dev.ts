/**
 * The dev transport: instead of calling a provider it renders the message (the same text the
 * recipient would read, in their language) and keeps it in memory, newest first, for the dev
 * outbox page. It refuses what a live transport would refuse (unknown template, missing
 * parameter), so development catches those bugs too. Memory is per isolate and capped.
 */
import { isOutcome, textOrRefusal } from "./templates/render";
import { permanent, sent, type Channel, type Locale, type Message, type Outcome, type PushSubscriptionJSON, type Transport } from "./transport";

export interface DevOutboxEntry {
  /** The Outcome's providerId: "dev-1", "dev-2", ... */
  id: string;
  /** The message's own id (the outbox row), when it has one. */
  messageId: string | null;
  /** ISO time it was kept. */
  at: string;
  /** The channel it was meant for ("whatsapp", "push", ...). */
  channel: Channel;
  /** The recipient as text: the number, the address, or the push endpoint. */
  to: string;
  template: string;
  locale: Locale;
  title: string;
  body: string;
}

const DEV_OUTBOX_LIMIT = 200;

function recipientLabel(to: string | PushSubscriptionJSON): string {
  return typeof to === "string" ? to : String((to as { endpoint?: unknown })?.endpoint ?? "");
}

export class DevOutbox implements Transport {
  #entries: DevOutboxEntry[] = [];
  #seq = 0;
  constructor(
    readonly limit = DEV_OUTBOX_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  async send(message: Message): Promise<Outcome> {
    const text = textOrRefusal(message);
    if (isOutcome(text)) return text;
    const entry: DevOutboxEntry = {
      id: `dev-${++this.#seq}`,
      messageId: message.id ?? null,
      at: new Date(this.now()).toISOString(),
      channel: message.channel,
      to: recipientLabel(message.to),
      template: message.template,
      locale: message.locale,
      title: text.title,
      body: text.body,
    };
    this.#entries.unshift(entry);
    if (this.#entries.length > this.limit) this.#entries.length = this.limit;
    return sent(entry.id);
  }

  /** Newest first. */
  entries(): readonly DevOutboxEntry[] {
    return this.#entries.slice();
  }

  clear(): void {
    this.#entries = [];
  }
}

/** The isolate's dev outbox, shared by every request the isolate serves. */
export const devOutbox = new DevOutbox();
