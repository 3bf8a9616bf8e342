#!/usr/bin/env node
// npm run import -- --from DIR [--shard K] [--persist-to .wrangler/state]
// Restores a shop written by `npm run export` into the directory (DB) and shard K (default: the
// emptiest, as src/db/shards.ts places a new shop), which do not hold it yet (migrations must be
// applied to every database: `npm run db:migrate`).
import path from "node:path";
import { importShop, openLocal } from "./lib/backup.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const from = arg("--from");
if (!from) {
  console.error("usage: npm run import -- --from DIR [--shard K] [--persist-to DIR]");
  process.exit(2);
}
const shard = arg("--shard");
if (shard !== undefined && !/^\d+$/.test(shard)) {
  console.error(`--shard takes a shard's number (0, 1, ...), not "${shard}"`);
  process.exit(2);
}
const mf = openLocal(arg("--persist-to", ".wrangler/state"));
try {
  const r = await importShop(mf, path.resolve(from), { shard: shard === undefined ? undefined : Number(shard) });
  console.log(`imported ${r.slug} into shard ${r.shard}: ${r.rows} rows, ${r.objects} photos`);
} catch (err) {
  // A refusal (the shop is there already, no such shard or shop) is said plainly, without a stack.
  console.error(`${path.basename(import.meta.filename, ".mjs")} failed: ${err.message}`);
  process.exitCode = 1;
} finally {
  await mf.dispose();
}
