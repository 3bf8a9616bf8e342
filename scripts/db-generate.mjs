#!/usr/bin/env node
// npm run db:generate [-- drizzle-kit options, e.g. --name add_gift_wrap]
//   Runs drizzle-kit generate, then rewrites the new migration so that every trigger survives it
//   (scripts/lib/migration-triggers.mjs says how: triggers dropped first and re-created from
//   migrations/triggers/*.sql at the end, what they derive recomputed, a table rebuild's child rows
//   kept from ON DELETE cascade). With no schema change but a changed trigger source, it writes a
//   migration that only re-creates the triggers. Last, it applies every migration to a scratch
//   local D1 and checks that the database holds exactly the triggers of the source.
// npm run db:generate -- --process migrations/0009_fix_titles.sql
//   The same rewrite for a migration written by hand (e.g. after drizzle-kit generate --custom).
//   Running it again changes nothing.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  foreignKeysOf,
  isTriggersOnly,
  MigrationError,
  normalizeSql,
  parseTriggerSource,
  processMigration,
  triggersCreatedBy,
  triggersOf,
} from "./lib/migration-triggers.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dir = path.join(root, "migrations");
const meta = path.join(dir, "meta");
const journalPath = path.join(meta, "_journal.json");

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
// As drizzle-kit writes them (no newline at the end), so that its files and ours merge alike.
const writeJson = (file, value) => writeFileSync(file, JSON.stringify(value, null, 2));
const journal = () => readJson(journalPath);
const snapshotPath = (tag) => path.join(meta, `${tag.split("_")[0]}_snapshot.json`);
const sqlPath = (tag) => path.join(dir, `${tag}.sql`);

export function readTriggerSource() {
  const src = path.join(dir, "triggers");
  const files = readdirSync(src).filter((f) => f.endsWith(".sql"));
  return parseTriggerSource(files.map((file) => ({ file, text: readFileSync(path.join(src, file), "utf8") })));
}

/** Names of the triggers that migrations before `tag` created (dropped again even once gone from the source). */
function triggersBefore(tag) {
  const names = new Set();
  for (const e of journal().entries) {
    if (e.tag === tag) break;
    if (existsSync(sqlPath(e.tag))) for (const n of triggersCreatedBy(readFileSync(sqlPath(e.tag), "utf8"))) names.add(n);
  }
  return [...names];
}

function processFile(tag, source) {
  const file = sqlPath(tag);
  const snapshot = readJson(snapshotPath(tag));
  const result = processMigration(readFileSync(file, "utf8"), { source, foreignKeys: foreignKeysOf(snapshot), knownTriggers: triggersBefore(tag) });
  writeFileSync(file, result.sql);
  console.log(`db:generate: ${path.relative(root, file)}: every trigger dropped first and re-created at the end (${result.triggers})`);
  for (const r of result.rebuilt)
    console.log(`  rebuild of ${r.table}: ${r.kept.length ? `the rows of ${r.kept.join(", ")} kept from its ON DELETE cascade` : "no child table to keep"}`);
  if (result.backfilled.length) console.log(`  recomputed: ${result.backfilled.join(", ")}`);
}

/**
 * A migration with no statements of its own (one that only re-creates the triggers) changes no
 * table, so its snapshot is its predecessor's. After a merge two branches' migrations may both
 * follow the same snapshot, which drizzle-kit refuses as a collision: such a snapshot is made
 * to follow its predecessor again. Any other broken link is reported, not guessed at.
 */
function relinkSnapshots() {
  const entries = journal().entries;
  let ok = true;
  for (let i = 1; i < entries.length; i++) {
    const prev = readJson(snapshotPath(entries[i - 1].tag));
    const file = snapshotPath(entries[i].tag);
    const snap = readJson(file);
    if (snap.prevId === prev.id) continue;
    if (isTriggersOnly(readFileSync(sqlPath(entries[i].tag), "utf8"))) {
      writeJson(file, { ...prev, id: snap.id, prevId: prev.id });
      console.log(`db:generate: ${path.relative(root, file)} now follows ${entries[i - 1].tag} (it changes no table)`);
    } else {
      ok = false;
      console.error(`db:generate: ${path.relative(root, file)} does not follow ${entries[i - 1].tag}'s snapshot: two branches generated migrations from the same schema; regenerate the later one`);
    }
  }
  if (!ok) process.exit(1);
}

/** Appends a migration that only re-creates the triggers (and recomputes what they derive). */
function addTriggersMigration(name, source) {
  const j = journal();
  const last = j.entries.at(-1);
  const idx = last.idx + 1;
  const tag = `${String(idx).padStart(4, "0")}_${name}`;
  const prev = readJson(snapshotPath(last.tag));
  writeJson(snapshotPath(tag), { ...prev, id: randomUUID(), prevId: prev.id });
  j.entries.push({ idx, version: last.version, when: Math.max(Date.now(), last.when + 1), tag, breakpoints: true });
  writeJson(journalPath, j);
  writeFileSync(sqlPath(tag), "-- Re-creates every trigger from migrations/triggers and recomputes what they keep.\n");
  processFile(tag, source);
  return tag;
}

/** Applies every migration, as `wrangler d1 migrations apply` does, to a scratch local D1; returns its triggers. */
async function migratedTriggers() {
  const [{ Miniflare }, { readD1Migrations }] = await Promise.all([import("miniflare"), import("@cloudflare/vitest-plugin")]);
  const mf = new Miniflare({ modules: true, script: "export default {}", d1Databases: { DB: "db-generate-scratch" } });
  try {
    const db = await mf.getD1Database("DB");
    for (const m of await readD1Migrations(dir)) {
      try {
        await db.batch(m.queries.map((q) => db.prepare(q)));
      } catch (e) {
        throw new MigrationError(`${m.name} does not apply: ${e.cause?.message ?? e.message}`);
      }
    }
    const { results } = await db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    return results;
  } finally {
    await mf.dispose();
  }
}

function differences(source, actual) {
  const want = new Map(triggersOf(source).map((t) => [t.name, normalizeSql(t.sql)]));
  const have = new Map(actual.map((t) => [t.name, normalizeSql(t.sql)]));
  const out = [];
  for (const [name, sql] of want) if (!have.has(name)) out.push(`${name}: in the source, not in the migrated database`);
  else if (have.get(name) !== sql) out.push(`${name}: the source changed since the last migration`);
  for (const name of have.keys()) if (!want.has(name)) out.push(`${name}: in the migrated database, no longer in the source`);
  return out;
}

async function main(argv) {
  const source = readTriggerSource();
  const processAt = argv.indexOf("--process");
  if (processAt >= 0) {
    const file = argv[processAt + 1];
    const tag = file && path.basename(file, ".sql");
    if (!tag || !journal().entries.some((e) => e.tag === tag)) throw new MigrationError(`--process needs a migration of migrations/meta/_journal.json, got ${file}`);
    processFile(tag, source);
  } else {
    relinkSnapshots();
    const before = new Set(journal().entries.map((e) => e.tag));
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/drizzle-kit/bin.cjs"), "generate", ...argv], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
    const added = journal().entries.filter((e) => !before.has(e.tag));
    for (const e of added) {
      if (argv.includes("--custom")) {
        console.log(`db:generate: write the SQL of ${path.relative(root, sqlPath(e.tag))}, then run: npm run db:generate -- --process ${path.relative(root, sqlPath(e.tag))}`);
        return;
      }
      processFile(e.tag, source);
    }
    if (added.length === 0) {
      const diff = differences(source, await migratedTriggers());
      if (diff.length === 0) {
        console.log("db:generate: the migrated triggers are those of migrations/triggers; nothing to do");
        return;
      }
      console.log(`db:generate: the triggers changed:\n  ${diff.join("\n  ")}`);
      const nameAt = argv.indexOf("--name");
      addTriggersMigration(nameAt >= 0 ? argv[nameAt + 1] : "triggers", source);
    }
  }
  const diff = differences(source, await migratedTriggers());
  if (diff.length) throw new MigrationError(`after every migration the triggers still differ from migrations/triggers:\n  ${diff.join("\n  ")}`);
  console.log("db:generate: every migration applies to a scratch local D1, and its triggers are exactly migrations/triggers");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof MigrationError ? `db:generate: ${e.message}` : e);
    process.exit(1);
  });
}
