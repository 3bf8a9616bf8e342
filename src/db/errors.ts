/** What D1 refused, read from an error's cause chain (drizzle wraps D1's error). */
function causeChainSome(err: unknown, test: (message: string) => boolean): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (test(String((e as Error).message ?? e))) return true;
  }
  return false;
}

/** Some error in the cause chain says `needle`. */
export const causeChainIncludes = (err: unknown, needle: string): boolean => causeChainSome(err, (m) => m.includes(needle));

/**
 * A UNIQUE constraint (or unique index) refused the write; with `column` (e.g. "variants.sku"),
 * one whose columns include it.
 */
export const isUniqueViolation = (err: unknown, column = ""): boolean =>
  causeChainSome(err, (m) => m.includes("UNIQUE constraint failed") && m.includes(column));
