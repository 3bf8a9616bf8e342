/**
 * Triggers drizzle-kit cannot see: their one source, and what every migration does to keep them.
 *
 * drizzle-kit generates the tables from src/db/schema; it knows nothing of triggers. Hatti keeps
 * derived data with triggers (the per-shop search index, order counts, collection sort keys,
 * product cards, the order number sequence), so a generated table rebuild (CREATE TABLE
 * __new_x, INSERT INTO __new_x SELECT, DROP TABLE x, ALTER TABLE __new_x RENAME TO x) either
 * fails on them ("error in trigger ...: no such table: main.x") or drops them silently.
 *
 * THE SOURCE: migrations/triggers/*.sql, one file per concern, holds every trigger exactly once.
 * Plain SQL files rather than triggers built in TypeScript: the triggers are SQL and are read and
 * reviewed as SQL, with D1's own quoting (backticks; a double-quoted name that does not exist is
 * silently a string in SQLite), and wrangler, drizzle-kit and the Worker tests need no build step
 * to use them. SQLite has no functions a trigger could share, so an expression several triggers
 * use (a product's card photo, whether it is in stock) is written once as a `@define` and pasted
 * in where `{{name}}` stands. A file reads:
 *
 *   -- what the concern keeps and why (comments anywhere are for people; they are dropped)
 *   -- @define name          an SQL fragment, used below as {{name}}
 *   -- @trigger              one CREATE TRIGGER `name` ... END; statement
 *   -- @trigger-each a b c   one such statement per table named, with {{table}} standing for it
 *                            (one rule guarding many tables: the freeze of a moving shop)
 *   -- @backfill             one statement that recomputes everything the triggers keep
 *
 * THE MIGRATIONS: processMigration() rewrites a migration (drizzle-kit's, or one written by hand)
 * so that triggers survive whatever it does. It adds, between `-- >>> db:generate` and
 * `-- <<< db:generate` lines (so that running it again replaces them: it is idempotent):
 *   - at the start, DROP TRIGGER IF EXISTS for every trigger of the source and every trigger an
 *     earlier migration created: nothing can fail on them or fire during the migration;
 *   - around each table rebuild, the rows that DROP TABLE would delete through ON DELETE
 *     cascade / set null (D1 runs a migration as one transaction, where PRAGMA foreign_keys=OFF
 *     does nothing and PRAGMA defer_foreign_keys only defers checks, not cascades): they are
 *     copied aside before the DROP and put back after the RENAME, under
 *     PRAGMA defer_foreign_keys = on; the table's AUTOINCREMENT sequence is carried over too, so
 *     no id of a deleted row is handed out again. A child with ON DELETE restrict cannot be
 *     kept this way: the migration is refused with the reason;
 *   - at the end, the backfill of every concern whose tables the migration touched (all of them
 *     for a migration with no statements of its own: it exists to re-create the triggers), then
 *     every trigger of the source, created afresh.
 * A migration must not create or drop triggers itself: the source is the only place for them.
 *
 * Pure functions, no node: imports: scripts/db-generate.mjs runs them in Node, and the tests run
 * the very same functions inside workerd (src/db/triggers.test.ts, src/db/rebuild.test.ts).
 */

export const BREAKPOINT = "--> statement-breakpoint";
const BLOCK_BEGIN = "-- >>> db:generate";
const BLOCK_END = "-- <<< db:generate";
const BLOCK_RE = /^-- >>> db:generate[^\n]*\n[\s\S]*?^-- <<< db:generate[^\n]*(?:\n|$)/gm;
const DIRECTIVE_RE = /^--\s*@(define|trigger-each|trigger|backfill)(?![\w-])[ \t]*(\w*(?:[ \t]+\w+)*)[ \t]*$/;
const TRIGGER_RE = /^CREATE\s+TRIGGER\s+`(\w+)`[\s\S]*?\sON\s+`(\w+)`[\s\S]*\bEND$/i;
const TABLE_REF_RE = /\b(?:FROM|JOIN|UPDATE|INTO|ON)\s+`(\w+)`/gi;
/** ON DELETE actions that change the child's rows when the parent's go. */
const CHANGING_ACTIONS = new Set(["cascade", "set null", "set default"]);

export class MigrationError extends Error {
  name = "MigrationError";
}

/** Whitespace runs as one space, no trailing semicolon: how trigger SQL is compared. */
export function normalizeSql(sql) {
  return sql.replace(/\s+/g, " ").trim().replace(/\s*;$/, "");
}

const withoutComments = (text) =>
  text
    .split("\n")
    .filter((line) => !/^\s*--/.test(line))
    .join("\n");

/** Parses one file of migrations/triggers into its concern. */
export function parseTriggerFile(file, text) {
  const defines = new Map();
  const concern = { file, triggers: [], backfill: [], tables: [] };
  const sections = [];
  let current = null;
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    const d = DIRECTIVE_RE.exec(line.trim());
    if (d) {
      current = { kind: d[1], name: d[2], lines: [] };
      sections.push(current);
    } else if (current) current.lines.push(line);
  }
  const expand = (body) =>
    body.replace(/\{\{(\w+)\}\}/g, (whole, name) => {
      if (name === "table") return whole;
      const value = defines.get(name);
      if (value === undefined) throw new MigrationError(`${file}: {{${name}}} is not defined by an earlier @define`);
      return value;
    });
  for (const s of sections) {
    const body = expand(withoutComments(s.lines.join("\n")).replace(/^(?:[ \t]*\n)+/, "").replace(/\s+$/, ""));
    if (s.kind === "define") {
      if (!s.name) throw new MigrationError(`${file}: @define needs a name`);
      defines.set(s.name, body);
    } else if (s.kind === "trigger" || s.kind === "trigger-each") {
      const tables = s.kind === "trigger" ? [null] : s.name.split(/\s+/).filter(Boolean);
      if (!tables.length) throw new MigrationError(`${file}: @trigger-each needs the tables it is for`);
      for (const table of tables) {
        const sql = (table ? body.replaceAll("{{table}}", table) : body).replace(/;$/, "");
        const m = TRIGGER_RE.exec(sql);
        if (!m) throw new MigrationError(`${file}: a @trigger section must be one CREATE TRIGGER \`name\` ... ON \`table\` ... END; statement:\n${body}`);
        concern.triggers.push({ name: m[1], table: m[2], sql });
      }
    } else {
      const sql = body.replace(/;$/, "");
      if (!sql) throw new MigrationError(`${file}: an empty @backfill section`);
      concern.backfill.push(sql);
    }
  }
  if (concern.triggers.length === 0) throw new MigrationError(`${file}: no @trigger section`);
  const tables = new Set();
  for (const sql of [...concern.triggers.map((t) => t.sql), ...concern.backfill]) for (const m of sql.matchAll(TABLE_REF_RE)) tables.add(m[1]);
  concern.tables = [...tables].sort();
  return concern;
}

/** The whole source: every concern, in file order; a trigger name used twice is an error. */
export function parseTriggerSource(files) {
  const concerns = [...files].sort((a, b) => (a.file < b.file ? -1 : 1)).map((f) => parseTriggerFile(f.file, f.text));
  const seen = new Map();
  for (const c of concerns)
    for (const t of c.triggers) {
      if (seen.has(t.name)) throw new MigrationError(`trigger ${t.name} is defined in both ${seen.get(t.name)} and ${c.file}`);
      seen.set(t.name, c.file);
    }
  return concerns;
}

/** Every trigger of the source, in order. */
export const triggersOf = (source) => source.flatMap((c) => c.triggers);

/** The foreign keys of a drizzle-kit snapshot (migrations/meta/NNNN_snapshot.json). */
export function foreignKeysOf(snapshot) {
  return Object.values(snapshot.tables).flatMap((t) =>
    Object.values(t.foreignKeys ?? {}).map((fk) => ({ table: fk.tableFrom, references: fk.tableTo, onDelete: fk.onDelete ?? "no action" })),
  );
}

/** A migration's text between breakpoints, trimmed; comment-only pieces kept (they are the author's). */
export const chunksOf = (sql) =>
  sql
    .split(BREAKPOINT)
    .map((c) => c.trim())
    .filter(Boolean);

/** The statements of a migration, as D1 runs them (comment-only pieces dropped). */
export const statementsOf = (sql) => chunksOf(sql).filter((c) => withoutComments(c).trim());

/** A migration without what processMigration() added. */
export const stripGenerated = (sql) => sql.replace(BLOCK_RE, "");

/** True for a migration with no statements of its own (one that only re-creates the triggers). */
export const isTriggersOnly = (sql) => statementsOf(stripGenerated(sql)).length === 0;

const ident = (name) => `\`${name}\``;
const qname = String.raw`[\x60"]?(\w+)[\x60"]?`;

function block(comment, statements) {
  const lines = comment.split("\n");
  return [`${BLOCK_BEGIN}: ${lines[0]}`, ...lines.slice(1).map((l) => `-- ${l}`), ...statements.map((s) => `${s};${BREAKPOINT}`), BLOCK_END].join("\n");
}

/**
 * Rewrites a migration so that every trigger survives it (see the header). Returns the new text
 * and what was done. Throws MigrationError when the migration cannot be made safe.
 */
export function processMigration(sql, { source, foreignKeys, knownTriggers = [] }) {
  const chunks = chunksOf(stripGenerated(sql.replace(/\r\n/g, "\n")));
  const code = chunks.map((c) => withoutComments(c).trim());
  for (const c of code)
    if (/^(CREATE|DROP)\s+TRIGGER\b/i.test(c))
      throw new MigrationError(`a migration must not create or drop triggers itself; they live in migrations/triggers/*.sql:\n${c.slice(0, 200)}`);

  const changingChildren = (table) => foreignKeys.filter((fk) => fk.references === table && fk.table !== table && CHANGING_ACTIONS.has(fk.onDelete));
  /** The tables whose rows DROP TABLE `table` would change, through any depth of cascades. */
  const closureOf = (table, refuse = true) => {
    const out = [];
    const visit = (t) => {
      const restrict = foreignKeys.find((fk) => fk.references === t && fk.table !== t && fk.onDelete === "restrict");
      if (restrict && refuse)
        throw new MigrationError(
          `dropping ${t} is refused by ${restrict.table}'s foreign key (ON DELETE restrict), and D1 cannot turn foreign keys off in a migration. ` +
            `Make that key ON DELETE cascade or no action first (a separate migration), or rebuild ${restrict.table} without the key in the same migration.`,
        );
      for (const fk of changingChildren(t))
        if (fk.table !== table && !out.includes(fk.table)) {
          out.push(fk.table);
          visit(fk.table);
        }
    };
    visit(table);
    return out;
  };

  // drizzle-kit's table rebuild: DROP TABLE `x` followed (later) by ALTER TABLE `__new_x` RENAME TO `x`.
  const rebuilds = [];
  code.forEach((c, i) => {
    const drop = new RegExp(`^DROP\\s+TABLE\\s+${qname}\\s*;?$`, "i").exec(c);
    if (!drop) return;
    const table = drop[1];
    const renameRe = new RegExp(`^ALTER\\s+TABLE\\s+[\\x60"]?__new_${table}[\\x60"]?\\s+RENAME\\s+TO\\s+[\\x60"]?${table}[\\x60"]?\\s*;?$`, "i");
    const rename = code.findIndex((d, k) => k > i && renameRe.test(d));
    if (rename < 0) return;
    const createRe = new RegExp(`^CREATE\\s+TABLE\\s+[\\x60"]?__new_${table}[\\x60"]?`, "i");
    rebuilds.push({ table, drop: i, rename, kept: closureOf(table), autoincrement: code.some((d) => createRe.test(d) && /\bAUTOINCREMENT\b/i.test(d)) });
  });

  // Which concerns' data this migration may have changed: the tables it names, and every table a
  // DROP TABLE in it cascades into. None named: it exists to re-create the triggers, so all.
  const touched = new Set();
  for (const c of code) {
    const named = c.replace(/\bREFERENCES\s+[\x60"]?\w+[\x60"]?/gi, ""); // a foreign key's target is not touched
    for (const m of named.matchAll(/[\x60"](\w+)[\x60"]/g)) touched.add(m[1]);
    for (const m of named.matchAll(/\b(?:TABLE|INTO|FROM|UPDATE|JOIN|ON)\s+(\w+)/gi)) touched.add(m[1]);
    const drop = new RegExp(`^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?${qname}`, "i").exec(c);
    if (drop) for (const t of closureOf(drop[1], false)) touched.add(t);
  }
  const ownStatements = code.filter(Boolean).length;
  const backfilled = source.filter((c) => ownStatements === 0 || c.tables.some((t) => touched.has(t)));

  const triggers = triggersOf(source);
  const dropNames = [...new Set([...triggers.map((t) => t.name), ...knownTriggers])];
  const out = [];
  // The author's opening comments stay on top.
  let first = 0;
  while (first < chunks.length && !code[first]) out.push(`${chunks[first++]}\n${BREAKPOINT}`);
  out.push(
    block(
      "every trigger is dropped here and re-created from migrations/triggers at the end\n" +
        "(generated by scripts/db-generate.mjs: edit migrations/triggers/*.sql, not these lines)",
      [...(rebuilds.length ? ["PRAGMA defer_foreign_keys = on"] : []), ...dropNames.map((n) => `DROP TRIGGER IF EXISTS ${ident(n)}`)],
    ),
  );
  chunks.forEach((chunk, i) => {
    if (i < first) return;
    for (const r of rebuilds.filter((r) => r.drop === i)) {
      const seq = r.autoincrement
        ? [
            `DELETE FROM sqlite_sequence WHERE name = '__new_${r.table}'`,
            `INSERT INTO sqlite_sequence (name, seq) SELECT '__new_${r.table}', seq FROM sqlite_sequence WHERE name = '${r.table}'`,
          ]
        : [];
      if (seq.length || r.kept.length)
        out.push(
          block(
            (r.kept.length
              ? `DROP TABLE ${ident(r.table)} deletes (ON DELETE cascade / set null) the rows of ${r.kept.map(ident).join(", ")}\n` +
                "even in a migration (D1 ignores PRAGMA foreign_keys there): keep them aside until the rename"
              : `the rebuild of ${ident(r.table)}`) + (r.autoincrement ? `;\nits AUTOINCREMENT sequence goes on where it was (no id is handed out twice)` : ""),
            [...seq, ...r.kept.map((t) => `CREATE TABLE ${ident(`__keep_${t}`)} AS SELECT * FROM ${ident(t)}`)],
          ),
        );
    }
    const last = chunk.split("\n").at(-1);
    out.push(!code[i] || /^\s*--/.test(last) ? `${chunk}\n${BREAKPOINT}` : `${chunk.endsWith(";") ? chunk : `${chunk};`}${BREAKPOINT}`);
    for (const r of rebuilds.filter((r) => r.rename === i && r.kept.length))
      out.push(
        block(`put back the rows kept before DROP TABLE ${ident(r.table)}`, [
          ...r.kept.map((t) => `DELETE FROM ${ident(t)}`),
          ...r.kept.flatMap((t) => [`INSERT INTO ${ident(t)} SELECT * FROM ${ident(`__keep_${t}`)}`, `DROP TABLE ${ident(`__keep_${t}`)}`]),
        ]),
      );
  });
  out.push(
    block(
      (ownStatements === 0
        ? "recompute everything the triggers keep, then "
        : backfilled.length
          ? `recompute what the triggers keep from the tables this migration touched\n(${backfilled.map((c) => c.file).join(", ")}), then `
          : "") + "re-create every trigger from migrations/triggers",
      [...backfilled.flatMap((c) => c.backfill), ...triggers.map((t) => t.sql)],
    ),
  );
  return {
    sql: `${out.join("\n")}\n`,
    rebuilt: rebuilds.map((r) => ({ table: r.table, kept: r.kept })),
    backfilled: backfilled.map((c) => c.file),
    triggers: triggers.length,
  };
}

/** The names of the triggers a migration creates (to drop them in later ones, even once gone from the source). */
export const triggersCreatedBy = (sql) => [...sql.matchAll(/CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?[\x60"]?(\w+)/gi)].map((m) => m[1]);
