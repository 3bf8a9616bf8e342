/**
 * The Worker's queue and cron handlers for the outbox (src/index.ts exports them). The messages
 * queue delivers rows (retrying with backoff, as the provider asks or 30 s doubling); the
 * dead-letter queue marks the rows the queue gave up on; the cron puts back on the queue the
 * rows left pending (a lost enqueue).
 */
import type { Bindings } from "../env";
import { createDb } from "../db/client";
import { transportFromEnv, type Transport } from "./index";
import { deliver, enqueue, markDead, platformOrigin, stuckRows } from "./outbox";

/** One transport an isolate (its config is read once from env). */
let isolateTransport: Transport | undefined;
const transportOf = (env: Bindings) => (isolateTransport ??= transportFromEnv(env));

const idOf = (body: unknown) => (typeof body === "object" && body !== null && Number.isSafeInteger((body as { id?: unknown }).id) ? (body as { id: number }).id : null);

export async function queue(batch: MessageBatch<unknown>, env: Bindings, _ctx?: ExecutionContext): Promise<void> {
  const db = createDb(env.DB);
  if (batch.queue.endsWith("-dlq")) {
    await markDead(db, batch.messages.map((m) => idOf(m.body)).filter((id): id is number => id !== null));
    batch.ackAll();
    return;
  }
  const origin = platformOrigin(env);
  for (const msg of batch.messages) {
    const id = idOf(msg.body);
    if (id === null) {
      msg.ack();
      continue;
    }
    const next = await deliver(db, transportOf(env), id, origin);
    if (next.ack) msg.ack();
    else msg.retry({ delaySeconds: next.delaySeconds });
  }
}

export async function scheduled(_controller: ScheduledController, env: Bindings, _ctx?: ExecutionContext): Promise<void> {
  await enqueue(env.MESSAGES, await stuckRows(createDb(env.DB)));
}
