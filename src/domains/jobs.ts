/**
 * The custom domains' work in the queue and the cron (src/messages/queue.ts calls these; the
 * seller's request never waits on Cloudflare): the "domains.sync" job (`{ job: "domains.sync",
 * domainId }` on the MESSAGES queue, beside the outbox's `{ ids }` and the couriers' jobs), and
 * the cron's step: the domains due (a capped batch, with backoff: sync.ts), stepped in turn.
 */
import { syncDomains } from "../db/members";
import { shopSourceOf } from "../db/shards";
import { createDb } from "../db/client";
import type { Bindings } from "../env";
import { cloudflareHostnames, isConfigured, type DomainsEnv } from "./cloudflare";
import { dueDomains, syncDomain, type DomainsRuntime } from "./sync";

const JOB = "domains.sync";

/** The domain a queue message asks to step, or null when it is not a domain job. */
export function domainJobOf(body: unknown): number | null {
  if (typeof body !== "object" || body === null) return null;
  const { job, domainId } = body as { job?: unknown; domainId?: unknown };
  return job === JOB && Number.isSafeInteger(domainId) ? (domainId as number) : null;
}

/** Puts a step for each domain on the queue. A failure is left to the cron (the rows are due). */
export async function enqueueDomainJobs(queue: Queue, domainIds: number[]): Promise<void> {
  if (!domainIds.length) return;
  try {
    await queue.sendBatch(domainIds.slice(0, 100).map((domainId) => ({ body: { job: JOB, domainId } })));
  } catch (err) {
    console.error("domains: enqueue failed, the cron will step them", domainIds, err);
  }
}

export const domainsRuntime = (env: Bindings | DomainsEnv): DomainsRuntime => ({
  db: createDb((env as Bindings).DB),
  api: cloudflareHostnames(env as DomainsEnv),
});

/**
 * The queue's domain jobs: each stepped (acked), or retried after its backoff. From the
 * dead-letter queue they are acked: the rows stay due and the cron steps them.
 */
export async function runDomainJobs(messages: readonly Message<unknown>[], env: Bindings, dead = false): Promise<void> {
  const rt = domainsRuntime(env);
  // Not configured (no token, zone or API base): acked, the rows stay due for a Worker that is.
  const skip = dead || !isConfigured(env as DomainsEnv);
  for (const msg of messages) {
    const id = domainJobOf(msg.body)!;
    const next = skip ? ({ ack: true } as const) : await syncDomain(rt, id);
    if (!skip) await syncDomains(shopSourceOf(env), { domainId: id });
    if (next.ack) msg.ack();
    else msg.retry({ delaySeconds: next.delaySeconds });
  }
}

/** The cron's domain step: the domains due, each stepped once. */
export async function domainsCron(env: Bindings | DomainsEnv, now = Date.now(), rt = domainsRuntime(env)): Promise<void> {
  if (!isConfigured(env as DomainsEnv)) return;
  for (const id of await dueDomains(rt.db, now)) {
    await syncDomain(rt, id, now);
    await syncDomains(shopSourceOf(env as Bindings), { domainId: id });
  }
}
