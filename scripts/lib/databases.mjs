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
