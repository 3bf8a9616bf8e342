#!/usr/bin/env node
// npm run db:migrate [-- --remote --env production]: applies migrations/ to the directory and to
// every shard wrangler.toml declares (src/db/shards.ts), one `wrangler d1 migrations apply` each.
// Without arguments: the local databases.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseBindings } from "./lib/databases.mjs";

const wrangler = path.join(import.meta.dirname, "..", "node_modules", "wrangler", "bin", "wrangler.js");
const args = process.argv.slice(2);
const env = args.includes("--env") ? args[args.indexOf("--env") + 1] : undefined;
for (const binding of databaseBindings(env)) {
  const r = spawnSync(process.execPath, [wrangler, "d1", "migrations", "apply", binding, ...(args.length ? args : ["--local"])], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
