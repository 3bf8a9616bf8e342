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
import { Column, fillPlaceholders, is, SQL, sql, Subquery, type DriverValueDecoder, type Query } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { Db } from "./client";

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
 * A row mapper for flat selections, with each column's decoder looked up once: drizzle's own
 * mapResultRow looks every field's kind up again on every row. Anything else (nested objects
 * of joins, custom mappers, writes) is left to drizzle.
 */
function flatMapper(prepared: Prepared): ((result: D1Result) => unknown) | null {
  const internal = prepared as unknown as { fields?: Field[]; customResultMapper?: unknown; executeMethod?: string };
  const fields = internal.fields;
  if (!fields || internal.customResultMapper || internal.executeMethod !== "all" || fields.some((f) => f.path.length !== 1)) return null;
  const names = fields.map((f) => f.path[0]!);
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
      // D1 rows are objects whose keys follow the SELECT's column order (as drizzle assumes).
      const values = Object.values(row);
      const out: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const v = values[i];
        out[names[i]!] = v === null || v === undefined ? null : decoders[i]!.mapFromDriverValue(v);
      }
      return out;
    });
}

/** A template bound to one run's values, ready for runTemplates(). */
export interface Bound<R> {
  readonly sql: string;
  readonly params: unknown[];
  readonly map: (result: D1Result) => R;
}

export interface Template<R> {
  bind(values: Values): Bound<R>;
  /** The SQL text (tests and EXPLAIN QUERY PLAN). */
  readonly sql: string;
}

export type Buildable = { prepare(): Prepared } & PromiseLike<unknown>;

export function template<Q extends Buildable>(build: (db: Builder) => Q): Template<Awaited<Q>> {
  let compiled: { query: Query; map: (r: D1Result) => Awaited<Q> } | undefined;
  const compile = () => {
    if (!compiled) {
      const prepared = build(builder).prepare();
      const map = flatMapper(prepared) ?? ((r: D1Result) => prepared.mapResult(r, true));
      compiled = { query: prepared.getQuery(), map: map as (r: D1Result) => Awaited<Q> };
    }
    return compiled;
  };
  return {
    bind(values) {
      const { query: q, map } = compile();
      return { sql: q.sql, params: fillPlaceholders(q.params, values), map };
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
  return { sql: q.sql, params: q.params, map: (r) => prepared.mapResult(r, true) };
}

type Results<T extends readonly Bound<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Bound<infer R> ? R : never };

/** Runs bound templates as one D1 batch: one round trip, atomic, results in order. */
export async function runTemplates<const T extends readonly Bound<unknown>[]>(db: Db, stmts: T): Promise<Results<T>> {
  const d1 = db.$client;
  const results = await d1.batch(stmts.map((s) => d1.prepare(s.sql).bind(...s.params)));
  return stmts.map((s, i) => s.map(results[i]!)) as Results<T>;
}
