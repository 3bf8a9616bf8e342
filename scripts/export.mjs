#!/usr/bin/env node
// npm run export -- --shop SLUG [--out DIR] [--persist-to .wrangler/state]
// Writes one shop's full data (shop.json) and photos (media/) from the local D1 databases (the
// directory, DB, and the shop's shard) and R2.
import path from "node:path";
import { exportShop, openLocal } from "./lib/backup.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const slug = arg("--shop");
if (!slug) {
  console.error("usage: npm run export -- --shop SLUG [--out DIR] [--persist-to DIR]");
  process.exit(2);
}
const out = path.resolve(arg("--out", path.join("backups", `${slug}-${new Date().toISOString().replace(/[:.]/g, "-")}`)));
const mf = openLocal(arg("--persist-to", ".wrangler/state"));
try {
  const summary = await exportShop(mf, slug, out);
  console.log(`exported ${slug} (shard ${summary.shard}) to ${out}`);
  console.log(`  rows: ${Object.entries(summary.rows).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  console.log(`  photos: ${summary.objects} objects`);
} catch (err) {
  // A refusal (the shop is there already, no such shard or shop) is said plainly, without a stack.
  console.error(`${path.basename(import.meta.filename, ".mjs")} failed: ${err.message}`);
  process.exitCode = 1;
} finally {
  await mf.dispose();
}
