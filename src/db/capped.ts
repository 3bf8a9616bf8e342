/**
 * Inserts that respect a count cap in the same statement: `INSERT INTO t (...) SELECT ... WHERE
 * (SELECT COUNT(*) ...) < cap`. Counting and inserting in one statement means two racing posts
 * cannot both pass the cap; the statement's RETURNING rows say whether the row went in (no row:
 * the cap was reached), so nothing needs a second round trip or an error's text to find out.
 */
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

type Row<T extends SQLiteTable> = Partial<Record<keyof T["$inferInsert"], unknown>>;

/**
 * One row's INSERT, made only when `where` holds. Columns not in `row` take their declared
 * default (SQL or value) or NULL, in the table's column order, as drizzle's INSERT ... SELECT
 * lists every column; values may be SQL (a sub-query).
 */
export function insertWhere<T extends SQLiteTable>(db: Db, table: T, row: Row<T>, where: SQL) {
  return insertFrom(db, table, row, sql`WHERE ${where}`);
}

/** The same over rows of a query: `INSERT ... SELECT <row> <from>` (`from`: FROM ... WHERE ...; `row`'s SQL may name its columns). */
export function insertFrom<T extends SQLiteTable>(db: Db, table: T, row: Row<T>, from: SQL) {
  const values = Object.entries(getTableColumns(table)).map(([key, col]) => {
    const given = (row as Record<string, unknown>)[key];
    const value = given !== undefined ? given : col.default !== undefined ? col.default : null;
    if (value === null) return sql`NULL`;
    if (value instanceof Object && "getSQL" in value) return (value as { getSQL(): SQL }).getSQL();
    return sql`${col.mapToDriverValue(value)}`;
  });
  return db.insert(table).select(sql`SELECT ${sql.join(values, sql`, `)} ${from}`);
}

/** One row's INSERT, made only while `count` (a scalar sub-query) is below `cap`. */
export function insertBelowCap<T extends SQLiteTable>(db: Db, table: T, row: Row<T>, count: SQL, cap: number) {
  return insertWhere(db, table, row, sql`(${count}) < ${cap}`);
}
