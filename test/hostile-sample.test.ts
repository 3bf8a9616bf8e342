/**
 * The hostile corpus is sampled in `npm test` (one payload of each kind, by a seed) and run
 * whole in `npm run test:full`: each sample holds every kind exactly once, the same seed gives
 * the same sample, and the daily seeds reach every payload.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { HOSTILE, hostileRun, hostileSample } from "./fixtures/hostile";

const kinds = [...new Set(HOSTILE.map((h) => h.kind))];
/** A month of daily seeds, as vitest.config.ts makes them (yyyymmdd). */
const days = Array.from({ length: 30 }, (_, i) => Number(new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10).replaceAll("-", "")));

describe("the hostile corpus sample", () => {
  it("holds every kind exactly once, in corpus order, the same for the same seed", () => {
    expect(kinds).toHaveLength(9);
    for (const seed of [0, 1, 42, env.HOSTILE_SEED, ...days]) {
      const sample = hostileSample(seed);
      expect(sample.map((h) => h.kind).sort(), `seed ${seed}`).toEqual([...kinds].sort());
      expect(sample, `seed ${seed}`).toEqual(HOSTILE.filter((h) => sample.includes(h)));
      expect(hostileSample(seed), `seed ${seed}`).toEqual(sample);
    }
  });

  it("turns over: a month of daily seeds runs every payload", () => {
    const seen = new Set(days.flatMap((seed) => hostileSample(seed).map((h) => h.name)));
    expect([...seen].sort()).toEqual(HOSTILE.map((h) => h.name).sort());
  });

  it("is the whole corpus when asked for all of it, and names its seed otherwise", () => {
    expect(hostileRun({ all: true, seed: 7 }).entries).toEqual(HOSTILE);
    const run = hostileRun({ all: false, seed: 7 });
    expect(run.entries).toEqual(hostileSample(7));
    expect(run.label).toContain("HOSTILE_SEED=7");
  });
});
