// The D1 bindings wrangler.toml declares (the directory DB and each shard SHARD_k: src/db/shards.ts):
// every one takes the same migrations.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..", "..");

/** The top-level d1_databases' bindings, in the file's order ("DB", "SHARD_1", ...). */
export function databaseBindings() {
  const toml = readFileSync(path.join(root, "wrangler.toml"), "utf8");
  const top = toml.split(/^\[env\./m)[0];
  return [...top.matchAll(/^\[\[d1_databases\]\]\s*\nbinding\s*=\s*"([A-Z0-9_]+)"/gm)].map((m) => m[1]);
}
