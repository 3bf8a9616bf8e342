// The browser tests' data, in one directory: `migrated/`, an empty database migrated by wrangler
// as in production (the soak copies it); `runtime/`, a copy seeded with the demo shops that the
// browser tests' `wrangler dev` serves; and `seeded/`, the same seeded data kept untouched (the
// backup round trip exports from a copy of it). `npm test` makes it beside the Workers
// tests and passes it on (HATTI_E2E_DATA); otherwise test/e2e/global-setup.ts makes it.
//   node scripts/lib/e2e-data.mjs DIR
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { seed } from "../seed.mjs";
import { databaseBindings } from "./databases.mjs";

const WRANGLER = path.join(import.meta.dirname, "..", "..", "node_modules", "wrangler", "bin", "wrangler.js");

/** Applies migrations/ to every local D1 (the directory and each shard) persisted in `persistTo`, with wrangler. */
export function migrate(persistTo) {
  for (const binding of databaseBindings()) {
    const r = spawnSync(process.execPath, [WRANGLER, "d1", "migrations", "apply", binding, "--local", "--persist-to", persistTo], {
      env: { ...process.env, CI: "1" },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`migrations of ${binding} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

export async function prepareE2EData(dir) {
  const migrated = path.join(dir, "migrated");
  const runtime = path.join(dir, "runtime");
  mkdirSync(migrated, { recursive: true });
  migrate(migrated);
  cpSync(migrated, runtime, { recursive: true });
  try {
    await seed({ persistTo: runtime, log: () => {} });
  } catch (err) {
    // Once seen on a loaded machine: Miniflare's synchronous proxy woke without its answer
    // (an assertion in SynchronousFetcher.fetch, on the seed's first query). The seed is
    // made again once from the migrated copy; a second failure is a real one.
    console.error(`e2e data: the seed failed (${err?.message ?? err}); seeding once more from the migrated copy`);
    rmSync(runtime, { recursive: true, force: true });
    cpSync(migrated, runtime, { recursive: true });
    await seed({ persistTo: runtime, log: () => {} });
  }
  cpSync(runtime, path.join(dir, "seeded"), { recursive: true });
  return { migrated, runtime };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!process.argv[2]) throw new Error("usage: node scripts/lib/e2e-data.mjs DIR");
  await prepareE2EData(process.argv[2]);
}
