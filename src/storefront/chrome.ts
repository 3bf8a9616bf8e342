/**
 * What every storefront page shows around its content: the collections in the header
 * navigation and the published content pages linked from the footer. Loaded with the shop
 * record itself (src/tenancy/shop-cache.ts), in the same statement, and cached with it: page
 * batches then carry only the page's own statements. Collection and page edits bump the
 * shop's version (src/tenancy/version.ts) and the admin drops the cached record after them
 * (src/admin/load-shop.ts).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { unfold } from "../db/folded";
import { shops } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import { activeHostColumn } from "../domains/lookup";


const NAV_LIMIT = 12;

type LinkRow = { title: string; slug: string };

export interface Chrome {
  nav: LinkRow[];
  pages: LinkRow[];
  /** The shop's active custom domain (src/domains): its canonical host. */
  customHost?: string | null;
}

const LINK_KEYS = ["title", "slug"] as const;

/**
 * The chrome as two JSON columns of a query on `shops` (src/db/folded.ts), so the shop record
 * and its chrome are one statement.
 */
export const chromeColumns = {
  nav: sql<string>`(SELECT json_group_array(json_array(title, slug) ORDER BY position, id) FROM (
    SELECT c.title, c.slug, c.position, c.id FROM collections c WHERE c.shop_id = "shops"."id"
    ORDER BY c.position, c.id LIMIT ${sql.raw(String(NAV_LIMIT))}))`.as("nav_json"),
  pages: sql<string>`(SELECT json_group_array(json_array(title, slug) ORDER BY position, id) FROM (
    SELECT p.title, p.slug, p.position, p.id FROM pages p WHERE p.shop_id = "shops"."id" AND p.published = 1
    ORDER BY p.position, p.id LIMIT ${sql.raw(String(NAV_LIMIT))}))`.as("pages_json"),
  customHost: activeHostColumn,
};

export function parseChrome(row: { nav: string; pages: string; customHost?: string | null }): Chrome {
  return { nav: unfold<LinkRow>(row.nav, LINK_KEYS), pages: unfold<LinkRow>(row.pages, LINK_KEYS), customHost: row.customHost ?? null };
}

const chromeBySlug = template((db) => db.select(chromeColumns).from(shops).where(eq(shops.slug, ph("slug"))).limit(1));

/** The chrome alone (the admin's theme preview): one statement. */
export async function loadChrome(db: Db, slug: string): Promise<Chrome> {
  const [[row]] = await runTemplates(db, [chromeBySlug.bind({ slug })]);
  return row ? parseChrome(row) : { nav: [], pages: [] };
}
