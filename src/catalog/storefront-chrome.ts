/**
 * The queries every storefront page adds to its batch: the collections shown in the header
 * navigation and the published content pages linked from the footer.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { collections, pages } from "../db/schema";

export interface Scope {
  db: Db;
  shopId: number;
}

export const NAV_LIMIT = 12;

export function navQuery({ db, shopId }: Scope) {
  return db
    .select({ title: collections.title, slug: collections.slug })
    .from(collections)
    .where(eq(collections.shopId, shopId))
    .orderBy(asc(collections.position), asc(collections.id))
    .limit(NAV_LIMIT);
}

export function pagesQuery({ db, shopId }: Scope) {
  return db
    .select({ title: pages.title, slug: pages.slug })
    .from(pages)
    .where(and(eq(pages.shopId, shopId), eq(pages.published, true)))
    .orderBy(asc(pages.position), asc(pages.id))
    .limit(NAV_LIMIT);
}

export type LinkRow = { title: string; slug: string };

export interface Chrome {
  nav: LinkRow[];
  pages: LinkRow[];
}

/** Only the chrome, for pages with no data of their own (a 404): one round trip. */
export async function loadChrome(scope: Scope): Promise<Chrome> {
  const [nav, pageRows] = await scope.db.batch([navQuery(scope), pagesQuery(scope)]);
  return { nav, pages: pageRows };
}
