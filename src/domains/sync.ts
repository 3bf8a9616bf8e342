/**
 * One step of a custom domain's life at Cloudflare, run by the queue consumer and the cron
 * (jobs.ts), never in a seller's request: `creating` -> create it (a duplicate in our own zone is
 * ours from an answer that was lost: found and adopted) -> `pending` with its TXT records -> polled
 * with backoff until `active` (the shop's version is bumped in the same batch: pages are made
 * again with the custom host as their canonical address) -> or, pending past PENDING_DAYS,
 * removed. `removing` deletes it at Cloudflare, then the row.
 *
 * A step first claims its row (next_check moved past a lease, in one conditional UPDATE), so the
 * queue and the cron never work on the same domain at once; its last write keeps a removal the
 * seller asked for meanwhile.
 */
import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { shopDomains } from "../db/schema";
import { bumpVersionStmt } from "../tenancy/version";
import type { CustomHostnames, Hostname, Result } from "./cloudflare";

/** Pending hostnames that never validate are deleted after this many days. */
export const PENDING_DAYS = 7;
const DAY_MS = 86_400_000;
/** How long a step may hold its row. */
const LEASE_MS = 2 * 60_000;
/** Polls back off from a minute, doubling, to an hour. */
const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** Math.min(attempts, 6), 3_600_000);
/** A refused token or a missing setting is the operator's to fix: asked again after an hour. */
const CONFIG_WAIT_MS = 3_600_000;

export interface DomainsRuntime {
  db: Db;
  api: CustomHostnames;
}

/** What the queue does with the message: acked, or retried after a delay. */
export type Next = { ack: true } | { ack: false; delaySeconds: number };

type Row = typeof shopDomains.$inferSelect;
/** The states a step works on, written as the cron's partial index (shop_domains_due_idx) says them. */
const IN_MOTION = sql`${shopDomains.status} IN ('creating', 'pending', 'removing')`;

async function claim(db: Db, id: number, now: number): Promise<Row | null> {
  const rows = await db
    .update(shopDomains)
    .set({ nextCheck: now + LEASE_MS })
    .where(and(eq(shopDomains.id, id), lte(shopDomains.nextCheck, now), IN_MOTION))
    .returning();
  return rows[0] ?? null;
}

/** A removal asked for while the step ran wins: the row stays "removing" and is due at once. */
const unlessRemoving = (value: string) => sql`iif(${shopDomains.status} = 'removing', 'removing', ${value})`;
const dueUnlessRemoving = (at: number) => sql`iif(${shopDomains.status} = 'removing', 0, CAST(${at} AS INTEGER))`;

/** Records what Cloudflare said of it; active -> the shop's version bumped in the same batch. */
async function record(db: Db, row: Row, h: Hostname, now: number): Promise<void> {
  const status = h.active ? "active" : h.gone ? "failed" : "pending";
  const attempts = row.attempts + 1;
  const update = db
    .update(shopDomains)
    .set({
      cfId: h.id,
      status: unlessRemoving(status),
      records: JSON.stringify(h.txt),
      lastError: h.gone ? "gone: Cloudflare no longer holds it" : "",
      attempts,
      checkedAt: now,
      nextCheck: dueUnlessRemoving(status === "pending" ? now + backoffMs(attempts) : 0),
    })
    .where(eq(shopDomains.id, row.id));
  if (status !== "active") {
    await update;
    return;
  }
  await db.batch([
    update,
    bumpVersionStmt(db, row.shopId, { when: sql`EXISTS (SELECT 1 FROM ${shopDomains} WHERE ${shopDomains.id} = ${row.id} AND ${shopDomains.status} = 'active')` }),
  ]);
}

/** A failed call: retried with backoff, failed for good, or waiting on the operator's settings. */
async function failed(db: Db, row: Row, r: Exclude<Result<unknown>, { status: "ok" }>, now: number): Promise<Next> {
  const attempts = row.attempts + 1;
  const lastError = `${r.reason}: ${r.detail}`.slice(0, 300);
  if (r.status === "retryable") {
    const wait = Math.max(backoffMs(attempts), (r.retryAfterSeconds ?? 0) * 1000);
    await db.update(shopDomains).set({ attempts, lastError, checkedAt: now, nextCheck: dueUnlessRemoving(now + wait) }).where(eq(shopDomains.id, row.id));
    return { ack: false, delaySeconds: Math.ceil(wait / 1000) };
  }
  if (r.reason === "bad_credentials" || r.reason === "not_configured") {
    console.error(`domains: Cloudflare refused or is not configured (${r.reason}); domain ${row.id} waits`);
    await db.update(shopDomains).set({ lastError, checkedAt: now, nextCheck: dueUnlessRemoving(now + CONFIG_WAIT_MS) }).where(eq(shopDomains.id, row.id));
    return { ack: true };
  }
  await db.update(shopDomains).set({ status: unlessRemoving("failed"), attempts, lastError, checkedAt: now, nextCheck: dueUnlessRemoving(0) }).where(eq(shopDomains.id, row.id));
  return { ack: true };
}

async function create(rt: DomainsRuntime, row: Row, now: number): Promise<Next> {
  let r: Result<Hostname | null> = await rt.api.create(row.hostname);
  // A duplicate in our own zone is ours (a create whose answer was lost): adopt it.
  if (r.status === "permanent" && r.reason === "duplicate") {
    const found = await rt.api.find(row.hostname);
    if (found.status !== "ok" || found.value) r = found;
  }
  if (r.status !== "ok") return failed(rt.db, row, r, now);
  if (!r.value) return failed(rt.db, row, { status: "permanent", reason: "invalid", detail: "no custom hostname in Cloudflare's answer" }, now);
  await record(rt.db, row, r.value, now);
  return { ack: true };
}

async function poll(rt: DomainsRuntime, row: Row, now: number): Promise<Next> {
  const r = await rt.api.get(row.cfId);
  if (r.status !== "ok") return failed(rt.db, row, r, now);
  await record(rt.db, row, r.value, now);
  return { ack: true };
}

async function remove(rt: DomainsRuntime, row: Row, now: number): Promise<Next> {
  let cfId = row.cfId;
  // Never created as far as we know, but a create may have reached Cloudflare without its answer.
  if (!cfId && row.attempts > 0) {
    const found = await rt.api.find(row.hostname);
    if (found.status !== "ok") return failed(rt.db, row, found, now);
    cfId = found.value?.id ?? "";
  }
  if (cfId) {
    const r = await rt.api.remove(cfId);
    if (r.status !== "ok" && r.reason !== "not_found") return failed(rt.db, row, r, now);
  }
  await rt.db.delete(shopDomains).where(and(eq(shopDomains.id, row.id), eq(shopDomains.status, "removing")));
  return { ack: true };
}

/** One step for a domain (nothing when another step holds it, or nothing is due). */
export async function syncDomain(rt: DomainsRuntime, id: number, now = Date.now()): Promise<Next> {
  const row = await claim(rt.db, id, now);
  if (!row) return { ack: true };
  if (row.status === "pending" && row.createdAt <= now - PENDING_DAYS * DAY_MS) {
    await rt.db.update(shopDomains).set({ status: "removing", lastError: `expired: not validated within ${PENDING_DAYS} days` }).where(eq(shopDomains.id, row.id));
    return remove(rt, { ...row, status: "removing" }, now);
  }
  if (row.status === "creating") return create(rt, row, now);
  if (row.status === "pending") return poll(rt, row, now);
  return remove(rt, row, now);
}

/** The cron's batch: the domains due, the most overdue first. */
const CRON_BATCH = 10;

export async function dueDomains(db: Db, now = Date.now()): Promise<number[]> {
  const rows = await db
    .select({ id: shopDomains.id })
    .from(shopDomains)
    .where(and(IN_MOTION, lte(shopDomains.nextCheck, now)))
    .orderBy(shopDomains.nextCheck, shopDomains.id)
    .limit(CRON_BATCH);
  return rows.map((r) => r.id);
}
