/**
 * What every storefront page shows around its content: the collections in the header
 * navigation and the published content pages linked from the footer. Loaded with the shop
 * record itself (src/tenancy/shop-cache.ts), by the shop's slug, in the same round trip, and
 * cached with it: page batches then carry only the page's own statements. Collection and page
 * edits bump the shop's version and drop the cached record (src/settings/version.ts).
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { collections, pages, shops } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";

export interface Scope {
  db: Db;
  shopId: number;
}

export const NAV_LIMIT = 12;

export type LinkRow = { title: string; slug: string };

export interface Chrome {
  nav: LinkRow[];
  pages: LinkRow[];
}

const shopOfSlug = sql`(SELECT ${shops.id} FROM ${shops} WHERE ${shops.slug} = ${ph("slug")})`;

export const navBySlug = template((db) =>
  db
    .select({ title: collections.title, slug: collections.slug })
    .from(collections)
    .where(eq(collections.shopId, shopOfSlug))
    .orderBy(asc(collections.position), asc(collections.id))
    .limit(NAV_LIMIT),
);

export const pagesBySlug = template((db) =>
  db
    .select({ title: pages.title, slug: pages.slug })
    .from(pages)
    .where(sql`${pages.shopId} = ${shopOfSlug} AND ${pages.published} = 1`)
    .orderBy(asc(pages.position), asc(pages.id))
    .limit(NAV_LIMIT),
);

/** The chrome alone (the admin's theme preview): one round trip. */
export async function loadChrome(db: Db, slug: string): Promise<Chrome> {
  const [nav, pageRows] = await runTemplates(db, [navBySlug.bind({ slug }), pagesBySlug.bind({ slug })]);
  return { nav, pages: pageRows };
}
