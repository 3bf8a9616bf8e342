/**
 * Rows folded by SQLite into one JSON value — `json_group_array(json_array(a, b, ...))` — and
 * unfolded here into objects. Folding a page's lists into columns of one row makes the page one
 * statement instead of several (each statement of a D1 batch has a fixed cost of its own).
 * JSON keeps SQLite's integers, text and NULLs as they are.
 */

/** The objects of a folded value; `keys` names the json_array's items, in order. */
export function unfold<T>(text: string | null | undefined, keys: readonly (keyof T)[]): T[] {
  if (!text) return [];
  return (JSON.parse(text) as unknown[][]).map((items) => {
    const row = {} as Record<keyof T, unknown>;
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = items[i] ?? null;
    return row as T;
  });
}
