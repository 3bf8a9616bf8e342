/** Walks an error's cause chain (drizzle wraps D1's error) looking for a message. */
export function causeChainIncludes(err: unknown, needle: string): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (String((e as Error).message ?? e).includes(needle)) return true;
  }
  return false;
}

/** A UNIQUE constraint (or unique index) refused the write. */
export const isUniqueViolation = (err: unknown): boolean => causeChainIncludes(err, "UNIQUE constraint failed");

/** A CHECK constraint refused the write (e.g. stock would go below 0). */
export const isCheckViolation = (err: unknown): boolean => causeChainIncludes(err, "CHECK constraint failed");
