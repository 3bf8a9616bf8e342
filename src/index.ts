/**
 * The Worker's entry point: the app answers requests; the messages queue and its cron deliver
 * the outbox (src/messages/queue.ts); the cron also sweeps the waiting photos that expired
 * (src/products/pending.ts) and the checkout intents past their 30 days (src/recovery/intents.ts).
 */
import { createApp } from "./app";
import { createDb } from "./db/client";
import { shardD1, shardIndexes } from "./db/shards";
import type { Bindings } from "./env";
import { queue, scheduled as messagesCron } from "./messages/queue";
import { sweepExpiredPending } from "./products/pending";
import { sweepIntents } from "./recovery/intents";

const app = createApp();

export default {
  fetch: app.fetch,
  queue,
  async scheduled(controller, env, ctx) {
    await Promise.all([
      messagesCron(controller, env, ctx),
      // Shops' rows: in every shard (src/db/shards.ts).
      ...shardIndexes(env).flatMap((k) => [sweepExpiredPending(createDb(shardD1(env, k)!), env.MEDIA), sweepIntents(createDb(shardD1(env, k)!))]),
    ]);
  },
} satisfies ExportedHandler<Bindings>;
