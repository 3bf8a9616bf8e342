/**
 * The isolate's tally: due after `everyHits` visits or `everyMs` since the oldest, or at
 * `maxKeys` keys (a controlled clock, never waited for); flushed as ONE statement however many
 * visits and keys it holds, counted against the real D1 binding.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../db/client";
import { sellerWithShop } from "../../test/helpers";
import { SOURCES } from "./sources";
import { VisitTally, type TallyRow } from "./tally";
import { addVisits } from "./visits";

const T0 = Date.UTC(2026, 10, 28, 7, 0, 0);

/** The D1 binding, counting what reaches it: statements prepared, batches, and runs. */
function counted(d1: D1Database) {
  const calls = { prepare: 0, batch: 0, runs: 0, exec: 0 };
  const wrap = (s: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(s, {
      get(t, p) {
        if (p === "bind") return (...a: unknown[]) => wrap(t.bind(...a));
        const v = Reflect.get(t, p, t) as unknown;
        if (typeof v !== "function") return v;
        if (p === "run" || p === "all" || p === "first" || p === "raw") calls.runs += 1;
        return (v as Function).bind(t);
      },
    });
  const db = new Proxy(d1, {
    get(t, p) {
      if (p === "prepare") return (q: string) => (calls.prepare++, wrap(t.prepare(q)));
      if (p === "batch") return (s: D1PreparedStatement[]) => (calls.batch++, t.batch(s));
      if (p === "exec") return (q: string) => (calls.exec++, t.exec(q));
      const v = Reflect.get(t, p, t) as unknown;
      return typeof v === "function" ? (v as Function).bind(t) : v;
    },
  });
  return { db: createDb(db), calls };
}

const visitRows = (shopId: number) =>
  env.DB.prepare("SELECT day, source, n FROM shop_visits WHERE shop_id = ? ORDER BY day, source").bind(shopId).all<{ day: string; source: string; n: number }>().then((r) => r.results);

describe("VisitTally", () => {
  it("is due at everyHits visits, and not one before", () => {
    const tally = new VisitTally({ everyMs: 30_000, everyHits: 100, maxKeys: 500 });
    for (let i = 1; i < 100; i++) expect(tally.record(1, "2026-11-28", "whatsapp", T0 + i), `visit ${i}`).toBe(false);
    expect(tally.record(1, "2026-11-28", "whatsapp", T0 + 100)).toBe(true);
    expect(tally.take()).toEqual([{ shopId: 1, day: "2026-11-28", source: "whatsapp", n: 100 }]);
    expect(tally.pending).toBe(0);
    expect(tally.take()).toEqual([]);
  });

  it("is due everyMs after its oldest visit, and not a millisecond before", () => {
    const tally = new VisitTally({ everyMs: 30_000, everyHits: 100, maxKeys: 500 });
    expect(tally.record(1, "2026-11-28", "direct", T0)).toBe(false);
    expect(tally.record(2, "2026-11-28", "google", T0 + 29_999)).toBe(false);
    expect(tally.record(2, "2026-11-28", "google", T0 + 30_000)).toBe(true);
    tally.take();
    // The clock starts again with the next visit after a flush.
    expect(tally.record(1, "2026-11-28", "direct", T0 + 50_000)).toBe(false);
    expect(tally.record(1, "2026-11-28", "direct", T0 + 79_999)).toBe(false);
  });

  it("is due at maxKeys distinct keys, so its memory is bounded", () => {
    const tally = new VisitTally({ everyMs: 30_000, everyHits: 10_000, maxKeys: 12 });
    for (let shop = 1; shop <= 11; shop++) expect(tally.record(shop, "2026-11-28", "direct", T0)).toBe(false);
    expect(tally.record(12, "2026-11-28", "direct", T0)).toBe(true);
  });

  it("puts back a failed flush's rows while there is room, and counts visits meanwhile afresh", () => {
    const tally = new VisitTally({ everyMs: 30_000, everyHits: 1_000, maxKeys: 1 });
    tally.record(1, "2026-11-28", "direct", T0);
    tally.record(2, "2026-11-28", "direct", T0);
    const rows = tally.take();
    tally.record(1, "2026-11-28", "direct", T0 + 1);
    tally.restore(rows, T0 + 2);
    // Shop 1's row merges; shop 2's would be a second key past maxKeys (1): dropped, never more memory.
    expect(tally.take()).toEqual([{ shopId: 1, day: "2026-11-28", source: "direct", n: 2 }]);
  });
});

describe("addVisits", () => {
  it("adds a tally of many visits and keys in ONE statement, and adds to what is there", async () => {
    const a = await sellerWithShop();
    const b = await sellerWithShop();
    const tally = new VisitTally({ everyMs: 30_000, everyHits: 100_000, maxKeys: 500 });
    // 30 days x 6 sources x 2 shops = 360 keys (1,440 values: far past D1's 100 bound
    // parameters), 3,600 visits.
    for (let d = 0; d < 30; d++) {
      const day = new Date(T0 - d * 86_400_000).toISOString().slice(0, 10);
      for (const [i, source] of SOURCES.entries()) {
        for (let k = 0; k < i + 1; k++) tally.record(a.shopId, day, source, T0);
        for (let k = 0; k < 9 - i; k++) tally.record(b.shopId, day, source, T0);
      }
    }
    const rows = tally.take();
    expect(rows).toHaveLength(360);
    const { db, calls } = counted(env.DB);
    await addVisits(db, rows);
    expect(calls).toEqual({ prepare: 1, batch: 0, runs: 1, exec: 0 });

    const inA = await visitRows(a.shopId);
    expect(inA).toHaveLength(180);
    expect(inA.reduce((s, r) => s + r.n, 0)).toBe(30 * 21);
    expect((await visitRows(b.shopId)).reduce((s, r) => s + r.n, 0)).toBe(30 * 39);

    // A second flush adds to the same rows: no new row, the counts summed.
    await addVisits(createDb(env.DB), [{ shopId: a.shopId, day: inA[0]!.day, source: inA[0]!.source as TallyRow["source"], n: 5 }]);
    const again = await visitRows(a.shopId);
    expect(again).toHaveLength(180);
    expect(again[0]!.n).toBe(inA[0]!.n + 5);
  });

  it("skips the rows of a shop that is gone and keeps the others'", async () => {
    const a = await sellerWithShop();
    const gone = 987_654;
    await addVisits(createDb(env.DB), [
      { shopId: gone, day: "2026-11-28", source: "direct", n: 3 },
      { shopId: a.shopId, day: "2026-11-28", source: "instagram", n: 4 },
    ]);
    expect(await visitRows(a.shopId)).toEqual([{ day: "2026-11-28", source: "instagram", n: 4 }]);
    expect(await visitRows(gone)).toEqual([]);
  });

  it("writes nothing, and makes no round trip, for an empty tally", async () => {
    const { db, calls } = counted(env.DB);
    await addVisits(db, []);
    expect(calls).toEqual({ prepare: 0, batch: 0, runs: 0, exec: 0 });
  });
});
