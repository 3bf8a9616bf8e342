/** Shop pages (about, delivery & returns, contact, and the seller's own): plain text. No HTTP here. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { pageRead, runRead, type ShopRef } from "../db/page-read";
import { insertBelowCap } from "../db/capped";
import { MAX_PAGES } from "./schema";
import { pages } from "../db/schema";
import { slugify, uniqueSlug } from "../db/slugs";
import { insertChunks, runBatch, type Stmt } from "../db/batch";
import { bumpVersionStmt } from "../tenancy/version";

export interface PageInput {
  title: string;
  body: string;
  published: boolean;
}

export const DEFAULT_PAGES = ["about", "delivery-returns", "contact"] as const;

const listQuery = (db: Db, shopId: ShopRef) =>
  db.select({ id: pages.id, slug: pages.slug, title: pages.title, published: pages.published }).from(pages).where(eq(pages.shopId, shopId)).orderBy(asc(pages.position), asc(pages.id));

/** The list page's read: the shop's pages in their order. */
export const pageListRead = pageRead((db, shop) => [listQuery(db, shop)] as const, ([rows]) => rows);

export function listPages(db: Db, shopId: number) {
  return listQuery(db, shopId).all();
}

/**
 * Creates the default pages that are missing (idempotent: the slug is unique per shop), with the
 * version bump in the same batch when one was made. True when one was.
 */
export async function ensureDefaultPages(db: Db, shopId: number, defaults: { slug: string; title: string; body: string }[]): Promise<boolean> {
  const rows = defaults.map((d, position) => ({ shopId, slug: d.slug, title: d.title, body: d.body, published: true, position }));
  const inserts = insertChunks(rows, (part) => db.insert(pages).values(part).onConflictDoNothing().returning({ id: pages.id }));
  // Each chunk's bump follows it, so a chunk that made nothing bumps nothing (the defaults fit one).
  const results = await runBatch(db, inserts.flatMap((insert) => [insert, bumpVersionStmt(db, shopId, { ifChanged: true })]));
  return inserts.some((_, i) => (results[2 * i] as unknown[]).length > 0);
}

/** The editor's read: the page (null: not this shop's). */
export const pageEditRead = (id: number) => pageRead((db, shop) => [db.select().from(pages).where(and(eq(pages.shopId, shop), eq(pages.id, id))).limit(1)] as const, ([rows]) => rows[0] ?? null);

export function pageById(db: Db, shopId: number, id: number) {
  return runRead(db, shopId, pageEditRead(id));
}

/**
 * Runs a page's change with the version bump in one batch; the bump only when the change
 * touched a row. Returns the change's RETURNING rows.
 */
async function withBump(db: Db, shopId: number, change: Stmt): Promise<{ id: number }[]> {
  const [rows] = (await runBatch(db, [change, bumpVersionStmt(db, shopId, { ifChanged: true })])) as [{ id: number }[]];
  return rows;
}

/** Adds a page at the end; "tooMany" when the shop already has MAX_PAGES (counted by the INSERT). */
export async function createPage(db: Db, shopId: number, input: PageInput): Promise<number | "tooMany"> {
  const slug = await uniqueSlug(db, pages, shopId, slugify(input.title, "page"));
  const ofShop = sql`FROM ${pages} WHERE ${pages.shopId} = ${shopId}`;
  const rows = await withBump(
    db,
    shopId,
    insertBelowCap(db, pages, { shopId, slug, ...input, position: sql`(SELECT COALESCE(MAX(${pages.position}), -1) + 1 ${ofShop})` }, sql`SELECT COUNT(*) ${ofShop}`, MAX_PAGES).returning({ id: pages.id }),
  );
  return rows[0]?.id ?? "tooMany";
}

/** False when the page is not the shop's. */
export async function updatePage(db: Db, shopId: number, id: number, input: PageInput): Promise<boolean> {
  const rows = await withBump(db, shopId, db.update(pages).set({ ...input, updatedAt: Date.now() }).where(and(eq(pages.shopId, shopId), eq(pages.id, id))).returning({ id: pages.id }));
  return rows.length > 0;
}

/** False when the page is not the shop's. */
export async function deletePage(db: Db, shopId: number, id: number): Promise<boolean> {
  const rows = await withBump(db, shopId, db.delete(pages).where(and(eq(pages.shopId, shopId), eq(pages.id, id))).returning({ id: pages.id }));
  return rows.length > 0;
}
