#!/usr/bin/env node
// npm run import -- --from DIR [--persist-to .wrangler/state]
// Restores a shop written by `npm run export` into a database that does not hold it yet
// (migrations must be applied: `npm run db:migrate`).
import path from "node:path";
import { importShop, openLocal } from "./lib/backup.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const from = arg("--from");
if (!from) {
  console.error("usage: npm run import -- --from DIR [--persist-to DIR]");
  process.exit(2);
}
const mf = openLocal(arg("--persist-to", ".wrangler/state"));
try {
  const r = await importShop(mf, path.resolve(from));
  console.log(`imported ${r.slug}: ${r.rows} rows, ${r.objects} photos`);
} finally {
  await mf.dispose();
}
