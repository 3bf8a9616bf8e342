/**
 * The couriers' work in the queue and the cron (src/messages/queue.ts calls these; the seller's
 * request never waits on a courier): the "courier.book" job (`{ job: "courier.book", shipmentId }`
 * on the MESSAGES queue, beside the outbox's `{ ids }`), and the cron's step: re-enqueue bookings
 * whose job was lost, then the tracking sync.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import { createDb, type Db } from "../db/client";
import { shipments } from "../db/schema";
import type { Bindings } from "../env";
import { credentialsKey, type CredentialsEnv } from "../credentials/seal";
import { enqueue } from "../messages/outbox";
import { bookShipment, syncTracking, type CourierRuntime } from "./shipments";
import type { CouriersEnv } from "./index";

const JOB = "courier.book";

/** The shipment a queue message asks to book, or null when it is not a courier job. */
export function courierJobOf(body: unknown): number | null {
  if (typeof body !== "object" || body === null) return null;
  const { job, shipmentId } = body as { job?: unknown; shipmentId?: unknown };
  return job === JOB && Number.isSafeInteger(shipmentId) ? (shipmentId as number) : null;
}

/** Puts booking jobs on the queue (one message a shipment). A failure is left to the cron. */
export async function enqueueBookings(queue: Queue, shipmentIds: number[]): Promise<void> {
  if (!shipmentIds.length) return;
  try {
    for (let i = 0; i < shipmentIds.length; i += 100) {
      await queue.sendBatch(shipmentIds.slice(i, i + 100).map((shipmentId) => ({ body: { job: JOB, shipmentId } })));
    }
  } catch (err) {
    console.error("couriers: enqueue failed, the cron will retry", shipmentIds, err);
  }
}

async function runtimeOf(env: Bindings): Promise<CourierRuntime> {
  return { db: createDb(env.DB), env: env as unknown as CouriersEnv, key: await credentialsKey(env as unknown as CredentialsEnv), media: env.MEDIA };
}

/** The queue's courier jobs: each booked (acked), or retried after its backoff. */
export async function runCourierJobs(messages: readonly Message<unknown>[], env: Bindings): Promise<void> {
  const rt = await runtimeOf(env);
  for (const msg of messages) {
    const id = courierJobOf(msg.body)!;
    try {
      const { next, messages: rows } = await bookShipment(rt, id, msg.attempts);
      await enqueue(env.MESSAGES, rows);
      if (next.ack) msg.ack();
      else msg.retry({ delaySeconds: next.delaySeconds });
    } catch (err) {
      // Our own write failed (D1 unavailable, the Worker's limits): nothing of the booking's
      // batch was written, so this job alone is tried again later; the retry looks the
      // reference up before booking, so a courier that did book is not asked twice.
      console.error("couriers: booking job failed, retrying", id, err);
      msg.retry({ delaySeconds: Math.min(30 * 2 ** Math.max(msg.attempts - 1, 0), 3600) });
    }
  }
}

/** Jobs the queue gave up on (the dead-letter queue): their shipments fail, with a Retry on the order. */
export async function failDeadJobs(messages: readonly Message<unknown>[], env: Bindings): Promise<void> {
  const ids = messages.map((m) => courierJobOf(m.body)!);
  const db = createDb(env.DB);
  for (const id of ids) {
    await db.update(shipments).set({ state: "failed", lastError: "provider_unavailable: the courier did not answer after every retry" }).where(and(eq(shipments.id, id), eq(shipments.state, "booking")));
  }
  for (const m of messages) m.ack();
}

/** A booking untouched this long lost its job: the cron enqueues it again. */
const STUCK_AFTER_MS = 10 * 60_000;

/**
 * Bookings whose job was lost, across shops (the cron's sweep), by shipments_booking_idx: the
 * state as a literal, so the partial index's WHERE is proven by it (a bound value is not).
 */
export const stuckBookings = (db: Db, now: number) =>
  db
    .select({ id: shipments.id })
    .from(shipments)
    .where(and(sql`${shipments.state} = 'booking'`, lt(shipments.updatedAt, now - STUCK_AFTER_MS)))
    .limit(50);

/** The cron's courier step: lost booking jobs back on the queue, then the tracking sync. */
export async function courierCron(env: Bindings, now = Date.now()): Promise<void> {
  const rt = await runtimeOf(env);
  const stuck = await stuckBookings(rt.db, now);
  await enqueueBookings(env.MESSAGES, stuck.map((s) => s.id));
  await syncTracking(rt, now);
}
