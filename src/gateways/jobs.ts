/**
 * The gateways' queue job: { job: "easypay.inquire", shopId, txnRef }, put on the messages queue
 * when a customer comes back from Easypaisa's page (routes.tsx), run by the queue consumer
 * (src/messages/queue.ts): the transaction inquiry (easypay/inquire.ts) settles the attempt, or
 * the job is retried with backoff while the gateway says pending or does not answer; after the
 * queue's last retry the cron's inquiry (cron.ts) still covers the attempt.
 */
import type { Bindings } from "../env";
import { createDb } from "../db/client";
import { enqueue } from "../messages/outbox";
import { attemptByRef } from "./attempts";
import type { GatewayBindings } from "./config";
import { inquireEasypay } from "./easypay/inquire";
import { PROVIDER } from "./easypay/fields";

const JOB = "easypay.inquire";
const TIMEOUT_MS = 10_000;

interface InquiryJob {
  shopId: number;
  txnRef: string;
}

/** The job a queue message carries, or null when it is not a gateway job. */
export function gatewayJobOf(body: unknown): InquiryJob | null {
  if (typeof body !== "object" || body === null) return null;
  const { job, shopId, txnRef } = body as { job?: unknown; shopId?: unknown; txnRef?: unknown };
  return job === JOB && Number.isSafeInteger(shopId) && typeof txnRef === "string" && txnRef.length <= 40 ? { shopId: shopId as number, txnRef } : null;
}

/** Puts the inquiry on the queue (in the request's waitUntil). A failure is left to the cron. */
export async function enqueueInquiry(queue: Queue, job: InquiryJob): Promise<void> {
  try {
    await queue.send({ job: JOB, ...job });
  } catch (err) {
    console.error("gateways: enqueue failed, the cron will ask", job.txnRef, err);
  }
}

/** 10 s, 20 s, 40 s ... at most 5 minutes: the customer's page is refreshing meanwhile. */
const backoff = (attempts: number) => Math.min(300, 10 * 2 ** Math.max(0, attempts - 1));

/** The queue's gateway jobs: each attempt asked about and settled (acked), or retried. Dead-lettered ones are acked: the cron asks. */
export async function runGatewayJobs(messages: readonly Message<unknown>[], env: Bindings, dead: boolean): Promise<void> {
  if (dead) return messages.forEach((m) => m.ack());
  const db = createDb(env.DB);
  for (const msg of messages) {
    const job = gatewayJobOf(msg.body)!;
    const attempt = await attemptByRef({ db, shopId: job.shopId }, PROVIDER, job.txnRef);
    if (!attempt || attempt.state !== "pending") {
      msg.ack();
      continue;
    }
    const asked = await inquireEasypay(db, env as GatewayBindings, { id: attempt.id, shopId: job.shopId, txnRef: job.txnRef, amount: attempt.amount }, TIMEOUT_MS).catch(() => ({ result: "unanswered" }) as const);
    if (asked.result === "settled") {
      await enqueue(env.MESSAGES, asked.messages);
      msg.ack();
    } else msg.retry({ delaySeconds: backoff(msg.attempts) });
  }
}
