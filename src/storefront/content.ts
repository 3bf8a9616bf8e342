/** Content pages and the sitemap's list of URLs, each in one round trip. */
import { and, asc, desc, eq } from "drizzle-orm";
import { collections, pages, products } from "../db/schema";
import { ph, runTemplates, template } from "../db/template";
import type { Scope } from "../db/client";

export interface ContentPageData {
  page: { title: string; body: string } | null;
}

const publishedPage = template((db) =>
  db
    .select({ title: pages.title, body: pages.body })
    .from(pages)
    .where(and(eq(pages.shopId, ph("shopId")), eq(pages.slug, ph("slug")), eq(pages.published, true)))
    .limit(1),
);

export async function loadContentPage({ db, shopId }: Scope, slug: string): Promise<ContentPageData> {
  const [found] = await runTemplates(db, [publishedPage.bind({ shopId, slug })]);
  return { page: found[0] ?? null };
}

/** Sitemaps hold at most 50,000 URLs. */
const SITEMAP_PRODUCTS = 45_000;

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
