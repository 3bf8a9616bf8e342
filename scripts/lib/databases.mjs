// The D1 bindings wrangler.toml declares (the directory DB and each shard SHARD_k: src/db/shards.ts):
// every one takes the same migrations.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..", "..");

/**
 * The d1_databases' bindings, in the file's order ("DB", "SHARD_1", ...): the top level's, or
 * (with `env`) those of [env.<env>].
 */
export function databaseBindings(env) {
  const toml = readFileSync(path.join(root, "wrangler.toml"), "utf8");
  if (!env) {
    const top = toml.split(/^\[env\./m)[0];
    return [...top.matchAll(/^\[\[d1_databases\]\]\s*\nbinding\s*=\s*"([A-Z0-9_]+)"/gm)].map((m) => m[1]);
  }
  const table = `env.${env}.d1_databases`.replaceAll(".", "\\.");
  return [...toml.matchAll(new RegExp(`^\\[\\[${table}\\]\\]\\s*\\nbinding\\s*=\\s*"([A-Z0-9_]+)"`, "gm"))].map((m) => m[1]);
}

/** The top level's d1_databases as { binding: database_id } ("DB", "SHARD_1", ...): what a local Miniflare binds (scripts/lib/backup.mjs). */
export function databaseIds() {
  const top = readFileSync(path.join(root, "wrangler.toml"), "utf8").split(/^\[env\./m)[0];
  const ids = {};
  for (const m of top.matchAll(/^\[\[d1_databases\]\]\s*\nbinding\s*=\s*"([A-Z0-9_]+)"[^[]*?^database_id\s*=\s*"([^"]+)"/gm)) ids[m[1]] = m[2];
  return ids;
}
