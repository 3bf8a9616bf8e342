/**
 * Query templates: a drizzle query whose SQL is built ONCE per isolate, with named
 * placeholders, then bound to each request's values. Building SQL through drizzle's query
 * builders is pure CPU — on an uncached storefront page it cost more than rendering the page
 * (see the README's Performance section) — and the SQL of a given query never changes.
 *
 *   const byId = template((db) => db.select().from(t).where(and(eq(t.shopId, ph("shopId")), eq(t.id, ph("id")))));
 *   const [rows] = await runTemplates(db, [byId.bind({ shopId, id })]);
 *
 * Rows are mapped by drizzle itself (column modes such as booleans and timestamps included).
 */
import { Column, fillPlaceholders, getTableName, is, SQL, sql, StringChunk, Subquery, type DriverValueDecoder, type Query } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import { SQLiteBaseInteger, SQLiteText } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { MAX_BOUND_PARAMS } from "./batch";

/** A drizzle instance that only builds SQL: preparing a statement is all it does with "D1". */
const builder = drizzle({ prepare: () => ({}) } as unknown as D1Database);
export type Builder = typeof builder;

/** A named value, filled in when the template is bound. */
export const ph = (name: string) => sql.placeholder(name);

export type Values = Record<string, string | number | boolean | null | undefined>;

interface Prepared {
  getQuery(): Query;
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
}

type Decoder = DriverValueDecoder<unknown, unknown>;
type Field = { path: string[]; field: unknown };

/**
 * A row mapper with each column's decoder looked up once: drizzle's own mapResultRow looks every
 * field's kind up again on every row. Flat selections, and nested objects (`{ shop: shops }`)
 * whose tables drizzle never turns into null (the query's own table and inner joins': a left
 * join's object of nulls is null). Anything else (left joins' objects, custom mappers, writes)
 * is left to drizzle.
 */
function rowMapper(prepared: Prepared): ((result: D1Result) => unknown) | null {
  const internal = prepared as unknown as { fields?: Field[]; customResultMapper?: unknown; executeMethod?: string; joinsNotNullableMap?: Record<string, boolean> };
  const fields = internal.fields;
  if (!fields || internal.customResultMapper || internal.executeMethod !== "all") return null;
  const nullable = (field: unknown) => is(field, Column) && internal.joinsNotNullableMap?.[getTableName(field.table)] !== true;
  if (fields.some((f) => f.path.length > 2 || (f.path.length === 2 && nullable(f.field)))) return null;
  const paths = fields.map((f) => f.path);
  const decoders = fields.map(({ field }): Decoder => {
    if (is(field, Column)) return field as unknown as Decoder;
    // `decoder` is internal to drizzle: the same look-up its mapResultRow does.
    type WithDecoder = { decoder: Decoder };
    if (is(field, SQL)) return (field as unknown as WithDecoder).decoder;
    if (is(field, Subquery)) return (field as unknown as { _: { sql: WithDecoder } })._.sql.decoder;
    return (field as { sql: WithDecoder }).sql.decoder;
  });
  return (result) =>
    (result.results as Record<string, unknown>[]).map((row) => {
      // D1 rows are objects whose keys follow the SELECT's column order (as drizzle assumes); a fold's are arrays.
      const values = Array.isArray(row) ? row : Object.values(row);
      const out: Record<string, unknown> = {};
      for (let i = 0; i < paths.length; i++) {
        const v = values[i];
        const path = paths[i]!;
        const node = path.length === 1 ? out : ((out[path[0]!] as Record<string, unknown> | undefined) ?? (out[path[0]!] = {}));
        node[path[path.length - 1]!] = v === null || v === undefined ? null : decoders[i]!.mapFromDriverValue(v);
      }
      return out;
    });
}

/** A template bound to one run's values, ready for runTemplates(). */
export interface Bound<R> {
  readonly sql: string;
  readonly params: unknown[];
  readonly map: (result: D1Result) => R;
  /** A read whose rows runTemplates may fold with its neighbours' into one statement (see there). */
  readonly fold?: Fold;
}

/**
 * How a SELECT's rows fold into one JSON value: its column count, and the columns that are not
 * surely integer or text (an SQL expression, a real, a blob), which SQLite tags so that they come
 * back exactly as D1 gives them alone (JSON would round a real to 15 digits and cannot hold a blob).
 * Tagging costs SQLite a CASE on every value (in workerd, about as much as the read it wraps), so
 * a field is only tagged where its type is not known.
 */
interface Fold {
  readonly columns: number;
  readonly tagged: readonly number[];
}

/**
 * The column whose values a field gives: the column itself; an expression that is one column and
 * nothing else (sql`${col}`, aliased so that a join's names stay apart); or an expression mapped
 * with a column (`.mapWith(col)`: its author declares its values of that column's type).
 */
function columnOf(field: unknown): unknown {
  if (is(field, SQL.Aliased)) return columnOf(field.sql);
  if (!is(field, SQL)) return field;
  const { decoder } = field as unknown as { decoder: unknown };
  if (is(decoder, Column)) return decoder;
  const chunks = field.queryChunks.filter((c) => !(is(c, StringChunk) && c.value.every((v) => v === "")));
  return chunks.length === 1 && is(chunks[0], Column) ? chunks[0] : field;
}

/** The fold of a prepared drizzle query: a SELECT whose fields are known, else none. */
function foldOf(prepared: Prepared, query: Query): Fold | undefined {
  const internal = prepared as unknown as { fields?: Field[]; customResultMapper?: unknown };
  if (!internal.fields?.length || internal.customResultMapper || !query.sql.startsWith("select ")) return undefined;
  const tagged: number[] = [];
  internal.fields.forEach(({ field }, i) => {
    const column = columnOf(field);
    if (!is(column, SQLiteBaseInteger) && !is(column, SQLiteText)) tagged.push(i);
  });
  return { columns: internal.fields.length, tagged };
}

export interface Template<R> {
  bind(values: Values): Bound<R>;
  /** The SQL text (tests and EXPLAIN QUERY PLAN). */
  readonly sql: string;
}

export type Buildable = { prepare(): Prepared } & PromiseLike<unknown>;

export function template<Q extends Buildable>(build: (db: Builder) => Q): Template<Awaited<Q>> {
  let compiled: { query: Query; map: (r: D1Result) => Awaited<Q>; fold?: Fold } | undefined;
  const compile = () => {
    if (!compiled) {
      const prepared = build(builder).prepare();
      const map = rowMapper(prepared) ?? ((r: D1Result) => prepared.mapResult(r, true));
      const query = prepared.getQuery();
      compiled = { query, map: map as (r: D1Result) => Awaited<Q>, fold: foldOf(prepared, query) };
    }
    return compiled;
  };
  return {
    bind(values) {
      const { query: q, map, fold } = compile();
      return { sql: q.sql, params: fillPlaceholders(q.params, values), map, fold };
    },
    get sql() {
      return compile().query.sql;
    },
  };
}

/**
 * A template of a statement the query builders cannot say (a CTE over json_each, INSERT ...
 * SELECT ... RETURNING with guards), written with drizzle's `sql` tag and named placeholders
 * `ph("name")`, never positional `?N`: its rows come back as D1 gives them.
 */
export function sqlTemplate<R = Record<string, unknown>>(build: () => SQL): Template<R[]> {
  let query: Query | undefined;
  const compile = () => (query ??= builder.all(build()).getQuery());
  const map = (r: D1Result) => r.results as R[];
  return {
    bind(values) {
      const q = compile();
      return { sql: q.sql, params: fillPlaceholders(q.params, values), map };
    },
    get sql() {
      return compile().sql;
    },
  };
}

/**
 * A family of templates that differ in shape (a sort order, a filter) keyed by a string from
 * a small fixed set; each member is built once, on first use.
 */
export function templates<K extends string, Q extends Buildable>(build: (db: Builder, key: K) => Q) {
  const members = new Map<K, Template<Awaited<Q>>>();
  return (key: K): Template<Awaited<Q>> => {
    let t = members.get(key);
    if (!t) members.set(key, (t = template((db) => build(db, key))));
    return t;
  };
}

/**
 * A drizzle statement built for this run (not a template) as a Bound, to run beside templates in
 * one batch: its rows mapped exactly as drizzle's own `db.batch` maps them.
 */
export function boundOf(item: BatchItem<"sqlite">): Bound<unknown> {
  const prepared = (item as unknown as { _prepare(): Prepared })._prepare();
  const q = prepared.getQuery();
  return { sql: q.sql, params: q.params, map: (r) => prepared.mapResult(r, true), fold: foldOf(prepared, q) };
}

/**
 * Neighbouring reads folded into one statement whose one row holds each read's rows as a JSON
 * array of arrays, in the read's own order. Each statement of a batch costs on its own (D1 prepares
 * and answers each apart, and its client makes an object of every row), so an admin page's session
 * check, badge and lists are one. The reads see the database as they would in the batch (nothing is
 * written between them), and a fold stays under MAX_BOUND_PARAMS. A tagged column is wrapped so
 * that JSON carries it exactly: a real as its 17 digits, a blob as hex, a text as plain text (an
 * expression's JSON text would otherwise be embedded as JSON).
 *
 * Each read keeps its own SQL with its columns put into one `json_array(...)` (rowsSql), and its
 * rows are joined with commas: SQLite prepares that in about half the time it took for the same
 * reads as common table expressions whose columns were renamed by position (`WITH _f0(_c0, ...)`,
 * kept for a read whose columns cannot be split apart: rowsByPosition). D1 prepares every statement
 * on every call, and preparing was most of what the admin's one statement cost SQLite.
 */
export function foldedSql(stmts: readonly Bound<unknown>[]): string {
  const key = stmts.map((s) => s.sql).join("\0");
  let text = folds.get(key);
  if (text === undefined) {
    text = buildFolded(stmts);
    if (folds.size >= MAX_FOLDS) folds.delete(folds.keys().next().value!);
    folds.set(key, text);
  }
  return text;
}

/** Folded statements' SQL by their reads' SQL (templates' never changes), at most MAX_FOLDS. */
const folds = new Map<string, string>();
const MAX_FOLDS = 200;

/** A row of a read as one json_array of its columns' values, a tagged one as JSON carries it exactly (see foldedSql). */
function jsonRow(values: readonly string[], fold: Fold): string {
  const tagged = new Set(fold.tagged);
  const items = values.map((v, i) =>
    tagged.has(i) ? `CASE typeof(${v}) WHEN 'real' THEN json_object('r', printf('%.17g', ${v})) WHEN 'blob' THEN json_object('b', hex(${v})) WHEN 'text' THEN ${v} || '' ELSE ${v} END` : v,
  );
  return `json_array(${items.join(", ")})`;
}

function buildFolded(stmts: readonly Bound<unknown>[]): string {
  const own = stmts.map(rowsSql);
  if (own.every((r) => r !== null)) return `SELECT ${own.map((r, k) => `${r} AS _r${k}`).join(", ")}`;
  // Every read by position (a mix would put the reads' parameters out of their order).
  const ctes = stmts.map((s, k) => `_f${k}(${Array.from({ length: s.fold!.columns }, (_, i) => `_c${i}`).join(",")}) AS (${s.sql})`);
  return `WITH ${ctes.join(", ")} SELECT ${stmts.map((s, k) => `${rowsByPosition(s.fold!, `_f${k}`)} AS _r${k}`).join(", ")}`;
}

/** A read's rows as one JSON text, its columns named by position (`_c0`, ...) in `from`. */
function rowsByPosition(fold: Fold, from: string): string {
  return `(SELECT json_group_array(${jsonRow(Array.from({ length: fold.columns }, (_, i) => `_c${i}`), fold)}) FROM ${from})`;
}

/**
 * A read's rows as one JSON text, from its own SQL: its columns (without their aliases) put into
 * one json_array, its rows joined in its order; null when its SQL is not one plain SELECT whose
 * columns split into exactly its fold's count, or a tagged column (written out several times by
 * its CASE) holds a parameter.
 */
function rowsSql(s: Bound<unknown>): string | null {
  const parts = selectParts(s.sql);
  if (!parts || parts.columns.length !== s.fold!.columns) return null;
  if (s.fold!.tagged.some((i) => parts.columns[i]!.includes("?"))) return null;
  return `(SELECT coalesce('[' || group_concat(_j, ',') || ']', '[]') FROM (select ${jsonRow(parts.columns, s.fold!)} AS _j${parts.rest}))`;
}

/**
 * A drizzle SELECT's columns (each without its alias) and the rest of its SQL from its FROM on,
 * read at the top level (outside parentheses, quotes and identifiers); null for anything but one
 * plain SELECT with a FROM (DISTINCT, or a compound of SELECTs), or one whose rest names a column
 * by its alias or its place.
 */
export function selectParts(sql: string): { columns: string[]; rest: string } | null {
  const head = /^select\s+/i.exec(sql);
  if (!head || /^(?:distinct|all)\s/i.test(sql.slice(head[0].length))) return null;
  const columns: string[] = [];
  let start = head[0].length;
  // Where the column being read has a top-level AS (just after it), if it has one.
  let alias = -1;
  let from = -1;
  let depth = 0;
  const aliases: string[] = [];
  const column = (end: number) => {
    const name = alias >= 0 ? sql.slice(alias, end).trim() : "";
    const named = /^"(?:[^"]|"")*"$/.test(name);
    if (named) aliases.push(name);
    columns.push(sql.slice(start, named ? alias - 2 : end).trim());
  };
  for (let i = start; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === "`") {
      // A literal or an identifier: on to its closing quote (a doubled quote is one inside it).
      for (i++; i < sql.length && !(sql[i] === ch && sql[i + 1] !== ch); i += sql[i] === ch ? 2 : 1);
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && ch === "," && from < 0) {
      column(i);
      start = i + 1;
      alias = -1;
    } else if (depth === 0 && /\s/.test(ch)) {
      const word = /^\s+(\w+)(?=\s)/.exec(sql.slice(i, i + 16));
      const w = word?.[1]!.toLowerCase();
      if (w === "union" || w === "intersect" || w === "except") return null;
      if (from >= 0 || !word) continue;
      if (w === "as") alias = i + word[0].length;
      else if (w === "from") {
        column(i);
        from = i;
      }
    }
  }
  if (from < 0 || depth !== 0) return null;
  // The rest must not name a column by its alias or its place (ORDER BY "n", ORDER BY 2): once the
  // columns are one json_array, the name would be another column's, or none.
  const rest = sql.slice(from);
  const bare = rest.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`/g, "''");
  let top = bare;
  for (let was = ""; was !== top; ) [was, top] = [top, top.replace(/\([^()]*\)/g, "_")];
  const named = (a: string) => rest.includes(a) || new RegExp(`\\b${a.slice(1, -1).replace(/""/g, '"').replace(/\W/g, "\\$&")}\\b`, "i").test(bare);
  if (aliases.some(named) || /(?:\bby|,)\s*\d/i.test(top)) return null;
  return { columns, rest };
}

type Tag = { r: string } | { b: string };
const untag = (v: unknown): unknown => {
  if (v === null || typeof v !== "object") return v;
  const t = v as Tag;
  if ("r" in t) return Number(t.r);
  // As D1 gives a blob: an array of its bytes.
  return Array.from({ length: t.b.length / 2 }, (_, i) => parseInt(t.b.slice(2 * i, 2 * i + 2), 16));
};

/** A folded statement's rows for one of its reads, as D1 gives a statement's rows (arrays where D1 gives objects: drizzle's mappers take both). */
function unfolded(json: string, fold: Fold): D1Result {
  const rows = JSON.parse(json) as unknown[][];
  if (fold.tagged.length) for (const row of rows) for (const i of fold.tagged) row[i] = untag(row[i]);
  return { results: rows, success: true, meta: {} } as unknown as D1Result;
}

/** The batch's statements: each run of neighbouring reads folded into one (under the parameter cap), the rest as they are. */
export function foldRuns<B extends Bound<unknown>>(stmts: readonly B[]): B[][] {
  const groups: B[][] = [];
  let run: B[] = [];
  let params = 0;
  for (const s of stmts) {
    if (s.fold && run[0]?.fold && params + s.params.length <= MAX_BOUND_PARAMS) {
      run.push(s);
      params += s.params.length;
    } else {
      if (run.length) groups.push(run);
      run = [s];
      params = s.params.length;
    }
  }
  if (run.length) groups.push(run);
  return groups;
}

type Results<T extends readonly Bound<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Bound<infer R> ? R : never };

/** Runs bound templates as one D1 batch: one round trip, atomic, results in order; neighbouring reads are one statement (foldedSql). */
export async function runTemplates<const T extends readonly Bound<unknown>[]>(db: Db, stmts: T): Promise<Results<T>> {
  const d1 = db.$client;
  const groups = foldRuns(stmts);
  const results = await d1.batch(
    groups.map((g) => (g.length === 1 ? d1.prepare(g[0]!.sql).bind(...g[0]!.params) : d1.prepare(foldedSql(g)).bind(...g.flatMap((s) => s.params)))),
  );
  const out: unknown[] = [];
  groups.forEach((g, k) => {
    if (g.length === 1) return out.push(g[0]!.map(results[k]!));
    const row = (results[k]!.results as Record<string, string>[])[0]!;
    g.forEach((s, i) => out.push(s.map(unfolded(row[`_r${i}`]!, s.fold!))));
  });
  return out as Results<T>;
}
