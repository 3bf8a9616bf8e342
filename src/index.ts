/**
 * The Worker's entry point: the app answers requests; the messages queue and its cron deliver
 * the outbox (src/messages/queue.ts); the cron also sweeps the waiting photos that expired
 * (src/products/pending.ts).
 */
import { createApp } from "./app";
import { createDb } from "./db/client";
import type { Bindings } from "./env";
import { queue, scheduled as messagesCron } from "./messages/queue";
import { sweepExpiredPending } from "./products/pending";

const app = createApp();

export default {
  fetch: app.fetch,
  queue,
  async scheduled(controller, env, ctx) {
    await Promise.all([messagesCron(controller, env, ctx), sweepExpiredPending(createDb(env.DB), env.MEDIA)]);
  },
} satisfies ExportedHandler<Bindings>;
