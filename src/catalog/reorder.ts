/** Move-up/move-down for manually ordered lists (no drag needed on a phone). */

export type Direction = "up" | "down";

/**
 * Given rows in their current order, moves `id` one place and returns the rows whose
 * position changes (positions become 0..n-1), or null when `id` is not in the list.
 */
export function moved(rows: { id: number; position: number }[], id: number, dir: Direction): { id: number; position: number }[] | null {
  const ids = rows.map((r) => r.id);
  const i = ids.indexOf(id);
  if (i < 0) return null;
  const j = dir === "up" ? i - 1 : i + 1;
  if (j >= 0 && j < ids.length) [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  const before = new Map(rows.map((r) => [r.id, r.position]));
  return ids.map((rid, position) => ({ id: rid, position })).filter((r) => before.get(r.id) !== r.position);
}

export const isDirection = (v: unknown): v is Direction => v === "up" || v === "down";
