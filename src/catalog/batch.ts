/** Runs a list of query builders as one atomic D1 batch (D1 has no interactive transactions). */
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";

export type Stmt = BatchItem<"sqlite">;

export async function runBatch(db: Db, stmts: Stmt[]): Promise<unknown[]> {
  if (!stmts.length) return [];
  return db.batch(stmts as [Stmt, ...Stmt[]]) as Promise<unknown[]>;
}

/** Splits rows so that one INSERT stays under D1's 100 bound parameters. */
export function chunks<T>(rows: T[], paramsPerRow: number): T[][] {
  const size = Math.max(1, Math.floor(99 / paramsPerRow));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** True when a D1 error is the UNIQUE constraint on the given columns (e.g. "variants.shop_id, variants.sku"). */
export function isUnique(err: unknown, columns: string): boolean {
  const text = String((err as Error)?.message ?? err) + String((err as { cause?: Error })?.cause?.message ?? "");
  return text.includes("UNIQUE") && text.includes(columns);
}
