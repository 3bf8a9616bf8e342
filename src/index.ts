/**
 * The Worker's entry point: the app answers requests; the messages queue and its cron deliver
 * the outbox (src/messages/queue.ts).
 */
import { createApp } from "./app";
import type { Bindings } from "./env";
import { queue, scheduled } from "./messages/queue";

const app = createApp();

export default {
  fetch: app.fetch,
  queue,
  scheduled,
} satisfies ExportedHandler<Bindings>;
