/** Reads a form keeping repeated names (checkbox groups) as lists. Files are left out, NULs dropped. */
import type { Context } from "hono";
import { stripNul } from "./form";
import { idOf } from "./ids";

export interface AllValues {
  values: Record<string, string>;
  lists: Record<string, string[]>;
}

export async function readAll(c: Context): Promise<AllValues> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    const all = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string").map(stripNul);
    lists[k] = all;
    if (all.length) values[k] = all[all.length - 1]!;
  }
  return { values, lists };
}

/** Positive integer ids from a list of strings (unparseable ones dropped). */
export const ids = (list: string[] | undefined): number[] =>
  (list ?? []).map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);

/** A positive integer route parameter, or null. */
export function intParam(v: string | undefined): number | null {
  return idOf(v);
}
