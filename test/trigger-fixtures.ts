/**
 * The triggers' one source (migrations/triggers/*.sql, parsed by vitest.config.ts into the
 * TEST_TRIGGER_SOURCE binding) and the triggers a database holds, compared by name and by SQL
 * with whitespace runs folded.
 */
import { env } from "cloudflare:workers";
import { normalizeSql, triggersOf } from "../scripts/lib/migration-triggers.mjs";

export const source = () => env.TEST_TRIGGER_SOURCE;

/** name -> normalised SQL, sorted by name. */
export function sourceTriggers(): [string, string][] {
  return triggersOf(source())
    .map((t): [string, string] => [t.name, normalizeSql(t.sql)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

export async function databaseTriggers(): Promise<[string, string][]> {
  const { results } = await env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all<{ name: string; sql: string }>();
  return results.map((r): [string, string] => [r.name, normalizeSql(r.sql)]);
}

/** Runs a migration's statements as D1 runs a migration: one batch, one transaction. */
export async function applyMigration(statements: string[]): Promise<void> {
  await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
}
