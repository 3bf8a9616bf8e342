/**
 * The Worker's queue and cron handlers for the outbox (src/index.ts exports them). The messages
 * queue delivers rows (retrying with backoff, as the provider asks or 30 s doubling); the
 * dead-letter queue marks the rows the queue gave up on; the cron puts back on the queue the
 * rows left pending (a lost enqueue).
 */
import type { Bindings } from "../env";
import { createDb } from "../db/client";
import { cronEnvs, envOfDirectory, envOfShard, shardD1, shardOfBody } from "../db/shards";
import { courierCron, courierJobOf, failDeadJobs, runCourierJobs } from "../couriers/jobs";
import { domainJobOf, domainsCron, runDomainJobs } from "../domains/jobs";
import { transportFromEnv, type Transport } from "./index";
import { inquirePendingPayments } from "../gateways/cron";
import { gatewayJobOf, runGatewayJobs } from "../gateways/jobs";
import { deliverAll, enqueue, IDS_A_MESSAGE, markDead, platformOrigin, stuckRows } from "./outbox";
import { movesCron, moveJobOf, runMoveJobs } from "../shards/job";

/** One transport for each env an isolate is given (its config is read once). */
const transports = new WeakMap<Bindings, Transport>();
function transportOf(env: Bindings): Transport {
  let t = transports.get(env);
  if (!t) transports.set(env, (t = transportFromEnv(env)));
  return t;
}

/**
 * The row ids a queue message carries: {"ids": [...]} (enqueue), or {"id": n} as messages were
 * written before. Anything else carries none (acked, never retried).
 */
function idsOf(body: unknown): number[] {
  if (typeof body !== "object" || body === null) return [];
  const { id, ids } = body as { id?: unknown; ids?: unknown };
  if (Number.isSafeInteger(id)) return [id as number];
  if (!Array.isArray(ids) || ids.length > IDS_A_MESSAGE) return [];
  return ids.filter((x): x is number => Number.isSafeInteger(x));
}

/** The batch without the messages a job handler took. */
function without(batch: MessageBatch<unknown>, taken: (body: unknown) => boolean): MessageBatch<unknown> {
  const rest = batch.messages.filter((m) => !taken(m.body));
  return { queue: batch.queue, metadata: batch.metadata, messages: rest, ackAll: () => rest.forEach((m) => m.ack()), retryAll: (o) => rest.forEach((m) => m.retry(o)) };
}

/** The queue's jobs besides messages: which bodies each takes, and who runs them (`dead`: from the dead-letter queue). */
const JOBS: { takes: (body: unknown) => unknown; run: (messages: readonly Message<unknown>[], env: Bindings, dead: boolean) => Promise<void> }[] = [
  { takes: domainJobOf, run: runDomainJobs }, // { job: "domains.sync", domainId }: src/domains
  { takes: gatewayJobOf, run: runGatewayJobs }, // { job: "easypay.inquire", ... }: src/gateways
  { takes: courierJobOf, run: (m, env, dead) => (dead ? failDeadJobs(m, env) : runCourierJobs(m, env)) }, // { job: "courier.book", shipmentId }: src/couriers
  { takes: moveJobOf, run: runMoveJobs }, // { job: "shop.move", ... }: src/shards
];

/**
 * Each message runs against the database its rows are in: the shard its body was stamped with
 * (src/db/shards.ts `shardQueue`), else the directory. A body naming a shard this deployment
 * does not have is retried (a configuration being rolled out), never run against another.
 */
export async function queue(batch: MessageBatch<unknown>, env: Bindings, ctx?: ExecutionContext): Promise<void> {
  const groups = new Map<number | null, Message<unknown>[]>();
  for (const m of batch.messages) {
    const k = shardOfBody(m.body);
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  for (const [k, messages] of groups) {
    if (k !== null && !shardD1(env, k)) {
      messages.forEach((m) => m.retry({ delaySeconds: 300 }));
      continue;
    }
    const part: MessageBatch<unknown> = { queue: batch.queue, metadata: batch.metadata, messages, ackAll: () => messages.forEach((m) => m.ack()), retryAll: (o) => messages.forEach((m) => m.retry(o)) };
    await queueOf(part, k === null ? envOfDirectory(env) : envOfShard(env, k), ctx);
  }
}

async function queueOf(batch: MessageBatch<unknown>, env: Bindings, _ctx?: ExecutionContext): Promise<void> {
  // The jobs beside the outbox's messages (each acked or retried by its own module); the rest is
  // the outbox's, as before.
  for (const job of JOBS) {
    const taken = batch.messages.filter((m) => job.takes(m.body) !== null);
    if (!taken.length) continue;
    await job.run(taken, env, batch.queue.endsWith("-dlq"));
    batch = without(batch, (body) => job.takes(body) !== null);
    if (!batch.messages.length) return;
  }
  const db = createDb(env.DB);
  const carried = batch.messages.map((m) => idsOf(m.body));
  if (batch.queue.endsWith("-dlq")) {
    await markDead(db, carried.flat());
    batch.ackAll();
    return;
  }
  const next = await deliverAll(db, transportOf(env), carried.flat(), platformOrigin(env));
  batch.messages.forEach((msg, i) => {
    // Again when one of its rows must be tried again, after the longest delay any of them asks
    // (a provider's Retry-After is honoured); its rows that were sent are skipped then.
    const delays = carried[i]!.map((id) => next.get(id)).flatMap((n) => (n && !n.ack ? [n.delaySeconds] : []));
    if (delays.length) msg.retry({ delaySeconds: Math.max(...delays) });
    else msg.ack();
  });
}

/** The cron's steps, in every database that holds their rows (src/db/shards.ts `cronEnvs`). */
export async function scheduled(_controller: ScheduledController, env: Bindings, _ctx?: ExecutionContext): Promise<void> {
  for (const e of cronEnvs(env)) {
    await enqueue(e.MESSAGES, await stuckRows(createDb(e.DB)));
    await inquirePendingPayments(e); // src/gateways/cron.ts: payments whose return never came
    await courierCron(e); // src/couriers: lost bookings back on the queue, tracking synced
  }
  await domainsCron(env); // src/domains (directory rows): custom domains created, polled until active, expired, removed
  await movesCron(env); // src/shards: moves stuck frozen undone, moved shops' old rows deleted when due
}
