/**
 * A move run by the queue, a part at a time (one Worker invocation may make only so many D1
 * queries): `{ job: "shop.move", ... }` bodies, unstamped (the directory's). start (freeze,
 * prepare, the shop's row) -> copy, PAGES_A_STEP pages each -> finish (verify, switch) -> delete,
 * DELETE_AFTER_MS later. A step that fails undoes the move (the shop unfrozen where it was) and
 * is not tried again; a job that dies is undone by the cron once it made no progress for
 * STALE_AFTER_MS, and a delete whose message was lost is done by the cron (tidyMoves).
 */
import { shardIndexes } from "../db/shards";
import { copySome, DELETE_AFTER_MS, deleteMoved, finishMove, MoveError, startMove, tidyMoves, type Move, type MoveEnv } from "./move";

const JOB = "shop.move";
/** Pages of rows a copy step copies: a read and an insert each, within an invocation's queries. */
const PAGES_A_STEP = 150;

type MoveJob = { job: typeof JOB; start: { slug: string; to: number } } | { job: typeof JOB; step: "copy" | "finish" | "delete"; move: Move };

export function moveJobOf(body: unknown): MoveJob | null {
  if (typeof body !== "object" || body === null || (body as { job?: unknown }).job !== JOB) return null;
  const b = body as Partial<{ start: { slug: unknown; to: unknown }; step: unknown; move: Move }>;
  if (b.start && typeof b.start.slug === "string" && Number.isSafeInteger(b.start.to)) return body as MoveJob;
  if ((b.step === "copy" || b.step === "finish" || b.step === "delete") && b.move && Number.isSafeInteger(b.move.shopId)) return body as MoveJob;
  return null;
}

/** Puts a move on the queue (the ops route: src/shards/routes.ts). */
export const enqueueMove = (queue: Queue, slug: string, to: number) => queue.send({ job: JOB, start: { slug, to } } satisfies MoveJob);

const next = (queue: Queue, step: "copy" | "finish" | "delete", move: Move, delaySeconds?: number) =>
  queue.send({ job: JOB, step, move } satisfies MoveJob, delaySeconds ? { delaySeconds } : undefined);

/** Runs one step of each move job, and puts its next step on the queue. From the dead-letter queue they are acked (the cron tidies). */
export async function runMoveJobs(messages: readonly Message<unknown>[], env: MoveEnv, dead = false): Promise<void> {
  for (const msg of messages) {
    const job = moveJobOf(msg.body)!;
    if (dead) {
      msg.ack();
      continue;
    }
    try {
      if ("start" in job) await next(env.MESSAGES, "copy", await startMove(env, job.start.slug, job.start.to));
      else if (job.step === "copy") {
        const move = await copySome(env, job.move, PAGES_A_STEP);
        await next(env.MESSAGES, move.cursor ? "copy" : "finish", move);
      } else if (job.step === "finish") {
        await finishMove(env, job.move);
        await next(env.MESSAGES, "delete", job.move, Math.ceil(DELETE_AFTER_MS / 1000) + 5);
      } else if (!(await deleteMoved(env, job.move.shopId, job.move.from))) {
        msg.retry({ delaySeconds: 30 });
        continue;
      }
      msg.ack();
    } catch (err) {
      // Undone already (the shop is served where it was): said in the log, not tried again.
      if (!(err instanceof MoveError)) throw err;
      console.error("shards: a move failed", err.message);
      msg.ack();
    }
  }
}

/** The cron's step: in every shard, moves stuck frozen undone, moved shops' old rows deleted when due. */
export async function movesCron(env: MoveEnv, now = Date.now()): Promise<void> {
  for (const k of shardIndexes(env)) await tidyMoves(env, k, now);
}
