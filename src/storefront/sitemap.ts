/** sitemap.xml and robots.txt of a shop (pure builders; the route loads the rows). */
import type { SitemapData } from "./content";

const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function sitemapXml(origin: string, data: SitemapData): string {
  const urls: string[] = [`<url><loc>${xml(origin)}/</loc></url>`, `<url><loc>${xml(origin)}/collections/all</loc></url>`];
  const add = (prefix: string, rows: { slug: string; updatedAt: number }[]) => {
    for (const r of rows) {
      urls.push(`<url><loc>${xml(`${origin}${prefix}${encodeURIComponent(r.slug)}`)}</loc><lastmod>${day(r.updatedAt)}</lastmod></url>`);
    }
  };
  add("/collections/", data.collections);
  add("/products/", data.products);
  add("/pages/", data.pages);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(origin: string): string {
  return [
    "User-agent: *",
    "Disallow: /cart",
    "Disallow: /checkout",
    "Disallow: /orders/",
    "Disallow: /search",
    "Allow: /",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
}
