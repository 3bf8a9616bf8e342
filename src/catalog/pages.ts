/** Shop pages (about, delivery & returns, contact, and the seller's own): plain text. No HTTP here. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { pages } from "../db/schema";
import { slugify, uniqueSlug } from "./slugs";
import { insertChunks, runBatch } from "./batch";

export interface PageInput {
  title: string;
  body: string;
  published: boolean;
}

export const DEFAULT_PAGES = ["about", "delivery-returns", "contact"] as const;

export function listPages(db: Db, shopId: number) {
  return db.select({ id: pages.id, slug: pages.slug, title: pages.title, published: pages.published }).from(pages).where(eq(pages.shopId, shopId)).orderBy(asc(pages.position), asc(pages.id)).all();
}

/** Creates the default pages that are missing (idempotent: the slug is unique per shop). */
export async function ensureDefaultPages(db: Db, shopId: number, defaults: { slug: string; title: string; body: string }[]): Promise<void> {
  const rows = defaults.map((d, position) => ({ shopId, slug: d.slug, title: d.title, body: d.body, published: true, position }));
  await runBatch(db, insertChunks(rows, (part) => db.insert(pages).values(part).onConflictDoNothing()));
}

export async function pageById(db: Db, shopId: number, id: number) {
  return (await db.select().from(pages).where(and(eq(pages.shopId, shopId), eq(pages.id, id))).get()) ?? null;
}

export async function createPage(db: Db, shopId: number, input: PageInput): Promise<number> {
  const slug = await uniqueSlug(db, pages, shopId, slugify(input.title, "page"));
  const pos = sql`(SELECT COALESCE(MAX(${pages.position}), -1) + 1 FROM ${pages} WHERE ${pages.shopId} = ${shopId})`;
  const row = await db.insert(pages).values({ shopId, slug, ...input, position: pos as unknown as number }).returning({ id: pages.id }).get();
  return row.id;
}

export async function updatePage(db: Db, shopId: number, id: number, input: PageInput): Promise<boolean> {
  const rows = await db.update(pages).set({ ...input, updatedAt: Date.now() }).where(and(eq(pages.shopId, shopId), eq(pages.id, id))).returning({ id: pages.id });
  return rows.length > 0;
}

export async function deletePage(db: Db, shopId: number, id: number): Promise<boolean> {
  const rows = await db.delete(pages).where(and(eq(pages.shopId, shopId), eq(pages.id, id))).returning({ id: pages.id });
  return rows.length > 0;
}
