/**
 * Visits counted in the isolate: a small in-memory tally per (shop, Karachi day, source), handed
 * over for a flush (one upsert, src/insight/visits.ts) once every `everyMs` or `everyHits`,
 * whichever comes first. Counts are best effort: those of an isolate that is evicted before
 * its next flush are lost (at most `everyHits` visits, or `everyMs` of them).
 */
import type { Source } from "./sources";

export interface TallyRow {
  shopId: number;
  /** "YYYY-MM-DD" in Karachi. */
  day: string;
  source: Source;
  n: number;
}

export interface FlushPolicy {
  /** Flush when the oldest visit not yet flushed is this old (ms)... */
  everyMs: number;
  /** ...or when this many visits wait. */
  everyHits: number;
  /** Distinct (shop, day, source) keys held at most: more are a flush at once, never more memory. */
  maxKeys: number;
}

export class VisitTally {
  private counts = new Map<string, TallyRow>();
  private hits = 0;
  private since = 0;

  constructor(private readonly policy: FlushPolicy) {}

  /** Counts one visit; true when the tally is due for a flush (take() it). */
  record(shopId: number, day: string, source: Source, now: number): boolean {
    const key = `${shopId}|${day}|${source}`;
    const row = this.counts.get(key);
    if (row) row.n += 1;
    else this.counts.set(key, { shopId, day, source, n: 1 });
    if (this.hits === 0) this.since = now;
    this.hits += 1;
    return this.hits >= this.policy.everyHits || now - this.since >= this.policy.everyMs || this.counts.size >= this.policy.maxKeys;
  }

  /** The rows to flush; the tally starts empty again (visits meanwhile are counted afresh). */
  take(): TallyRow[] {
    const rows = [...this.counts.values()];
    this.counts = new Map();
    this.hits = 0;
    return rows;
  }

  /** Puts back rows whose flush failed, while there is room for them. */
  restore(rows: readonly TallyRow[], now: number): void {
    for (const r of rows) {
      const key = `${r.shopId}|${r.day}|${r.source}`;
      const row = this.counts.get(key);
      if (row) row.n += r.n;
      else if (this.counts.size < this.policy.maxKeys) this.counts.set(key, { ...r });
      else continue;
      if (this.hits === 0) this.since = now;
      this.hits += r.n;
    }
  }

  /** Visits waiting (tests). */
  get pending(): number {
    return this.hits;
  }
}

/**
 * The isolate's tally: flushed every 30 s or 100 visits, whichever comes first, and at 500
 * distinct (shop, day, source) keys (about 40 kB).
 */
export const visitTally = new VisitTally({ everyMs: 30_000, everyHits: 100, maxKeys: 500 });
