/** Shop pages (about, delivery & returns, contact, and the seller's own): plain text. No HTTP here. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { insertBelowCap } from "../db/capped";
import { MAX_PAGES } from "./schema";
import { pages } from "../db/schema";
import { slugify, uniqueSlug } from "../db/slugs";
import { insertChunks, runBatch } from "../db/batch";

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

/** Adds a page at the end; "tooMany" when the shop already has MAX_PAGES (counted by the INSERT). */
export async function createPage(db: Db, shopId: number, input: PageInput): Promise<number | "tooMany"> {
  const slug = await uniqueSlug(db, pages, shopId, slugify(input.title, "page"));
  const ofShop = sql`FROM ${pages} WHERE ${pages.shopId} = ${shopId}`;
  const rows = await insertBelowCap(db, pages, { shopId, slug, ...input, position: sql`(SELECT COALESCE(MAX(${pages.position}), -1) + 1 ${ofShop})` }, sql`SELECT COUNT(*) ${ofShop}`, MAX_PAGES)
    .returning({ id: pages.id })
    .all();
  return rows[0]?.id ?? "tooMany";
}

export async function updatePage(db: Db, shopId: number, id: number, input: PageInput): Promise<boolean> {
  const rows = await db.update(pages).set({ ...input, updatedAt: Date.now() }).where(and(eq(pages.shopId, shopId), eq(pages.id, id))).returning({ id: pages.id });
  return rows.length > 0;
}

export async function deletePage(db: Db, shopId: number, id: number): Promise<boolean> {
  const rows = await db.delete(pages).where(and(eq(pages.shopId, shopId), eq(pages.id, id))).returning({ id: pages.id });
  return rows.length > 0;
}
