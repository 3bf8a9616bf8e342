/** The shop's theme and its settings: one UPDATE that also bumps the version. No HTTP here. */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { shops } from "../db/schema";
import { versionBump } from "../tenancy/version";

export async function saveTheme(db: Db, shopId: number, themeId: string, settings: Record<string, unknown>): Promise<void> {
  await db
    .update(shops)
    .set({ themeId, themeSettings: JSON.stringify(settings), ...versionBump() })
    .where(eq(shops.id, shopId));
}

type Ref = { key: string; widths: number[]; format: "webp" | "jpeg" | "png" };

const isRef = (v: unknown): v is Ref => !!v && typeof v === "object" && typeof (v as { key?: unknown }).key === "string" && Array.isArray((v as { widths?: unknown }).widths);

/** Image refs ({key, widths, format}) found in a settings object: logo, and the photos of every sections list (home, product page). */
export function imageRefsOf(settings: Record<string, unknown>): Ref[] {
  const lists = Object.values(settings).filter(Array.isArray) as { settings?: Record<string, unknown> }[][];
  const sections = lists.flat().filter((s) => !!s && typeof s === "object");
  return [...Object.values(settings), ...sections.flatMap((s) => Object.values(s?.settings ?? {}))].filter(isRef);
}
