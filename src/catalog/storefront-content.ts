/** Content pages and the sitemap's list of URLs, each in one round trip. */
import { and, asc, desc, eq } from "drizzle-orm";
import { collections, pages, products } from "../db/schema";
import { navQuery, pagesQuery, type Chrome, type Scope } from "./storefront-chrome";

export interface ContentPageData extends Chrome {
  page: { title: string; body: string } | null;
}

export async function loadContentPage(scope: Scope, slug: string): Promise<ContentPageData> {
  const { db, shopId } = scope;
  const [nav, pageRows, found] = await db.batch([
    navQuery(scope),
    pagesQuery(scope),
    db
      .select({ title: pages.title, body: pages.body })
      .from(pages)
      .where(and(eq(pages.shopId, shopId), eq(pages.slug, slug), eq(pages.published, true)))
      .limit(1),
  ]);
  return { nav, pages: pageRows, page: found[0] ?? null };
}

/** Sitemaps hold at most 50,000 URLs. */
export const SITEMAP_PRODUCTS = 45_000;

export interface SitemapData {
  products: { slug: string; updatedAt: number }[];
  collections: { slug: string; updatedAt: number }[];
  pages: { slug: string; updatedAt: number }[];
}

export async function loadSitemap({ db, shopId }: Scope): Promise<SitemapData> {
  const [productRows, collectionRows, pageRows] = await db.batch([
    db
      .select({ slug: products.slug, updatedAt: products.updatedAt })
      .from(products)
      .where(and(eq(products.shopId, shopId), eq(products.status, "active")))
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(SITEMAP_PRODUCTS),
    db
      .select({ slug: collections.slug, updatedAt: collections.updatedAt })
      .from(collections)
      .where(eq(collections.shopId, shopId))
      .orderBy(asc(collections.position))
      .limit(2_000),
    db
      .select({ slug: pages.slug, updatedAt: pages.updatedAt })
      .from(pages)
      .where(and(eq(pages.shopId, shopId), eq(pages.published, true)))
      .limit(2_000),
  ]);
  return { products: productRows, collections: collectionRows, pages: pageRows };
}
