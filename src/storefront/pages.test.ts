/**
 * Storefront pages over HTTP on a realistic seeded shop: one D1 round trip per page, keyset
 * pagination, bad input, sharing tags and JSON-LD, sitemap and robots, nothing personal.
 */
import { exports } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { products } from "../db/schema";
import { formatMoney } from "../i18n";
import { clearPageCache } from "./page-cache";
import { shopDb } from "../../test/helpers";
import { audit } from "../../test/storefront-html";
import { seedShop, type SeededShop } from "../../test/storefront-fixtures";

let shop: SeededShop;
beforeAll(async () => {
  shop = await seedShop();
});

export async function get(url: string, headers: Record<string, string> = {}) {
  const res = await exports.default.fetch(new Request(url, { headers }));
  const timing = res.headers.get("server-timing") ?? "";
  return { status: res.status, headers: res.headers, text: await res.text(), queries: Number(/d1q;dur=(\d+)/.exec(timing)?.[1] ?? -1) };
}

const rs = (rupees: number) => formatMoney(rupees * 100, "PKR", "en");
const cards = (html: string) => [...html.matchAll(/<li class="card"><a href="\/products\/([^"]+)"/g)].map((m) => m[1]!);

/** Follows a listing's "next" links from `path`, each page rendered afresh: every card seen, and the links followed. */
async function walk(origin: string, path: string) {
  const seen: string[] = [];
  const links: string[] = [];
  let url: string | undefined = path;
  // A shop's first visit in an isolate also asks the directory which shard holds it (src/tenancy/routes.ts): not a page's cost.
  await get(`${origin}${path}`);
  while (url) {
    clearPageCache();
    const r = await get(`${origin}${url}`);
    expect(r.queries).toBeLessThanOrEqual(2); // the shop record may expire between pages
    seen.push(...cards(r.text));
    url = /href="([^"]+)" rel="next"/.exec(r.text)?.[1]?.replace(/&amp;/g, "&");
    if (url) links.push(url);
  }
  return { seen, links };
}

describe("one D1 round trip per page", () => {
  it.each(["/", "/collections/lawn", "/collections/all?sort=price-desc", "/products/item-1", "/search?q=kurta", "/pages/about", "/products/nope"])(
    "%s",
    async (path) => {
      await get(`${shop.origin}${path}`); // the shop record is now in the isolate cache
      clearPageCache(); // measure a render, not the page cache
      const r = await get(`${shop.origin}${path}`);
      expect(r.status).toBeLessThan(500);
      expect(r.queries).toBe(1);
    },
  );
});

describe("collections", () => {
  it("pages all products by keyset: 24, then the rest, never the draft", async () => {
    const p1 = await get(`${shop.origin}/collections/all`);
    expect(p1.status).toBe(200);
    const first = cards(p1.text);
    expect(first).toHaveLength(24);
    expect(first[0]).toBe("item-29"); // newest active first; item-30 is a draft
    const next = /href="(\/collections\/all\?after=[^"]+)" rel="next"/.exec(p1.text)?.[1];
    expect(next).toMatch(/^\/collections\/all\?after=\d+_\d+$/);
    clearPageCache();
    const p2 = await get(`${shop.origin}${next!.replace(/&amp;/g, "&")}`);
    expect(p2.status).toBe(200);
    expect(p2.queries).toBe(1);
    const second = cards(p2.text);
    expect(second).toHaveLength(5);
    expect(new Set([...first, ...second]).size).toBe(29);
    expect([...first, ...second]).not.toContain("item-30");
    expect(p2.text).not.toContain('rel="next"');
    expect(p2.text).toContain('href="/collections/all"'); // back to the start
  });

  it("pages correctly through ties in the sort value (same time, same price)", async () => {
    const tied = await seedShop();
    await (await shopDb(tied.shopId)).update(products).set({ createdAt: 1_700_000_000_000, price: 99_900 }).where(eq(products.shopId, tied.shopId));
    for (const sort of ["newest", "price-asc", "price-desc"]) {
      const { seen } = await walk(tied.origin, `/collections/all?sort=${sort}`);
      expect(seen, sort).toHaveLength(29);
      expect(new Set(seen).size, sort).toBe(29);
    }
  });

  it("shows each card with its own first photo and its own stock state", async () => {
    const r = await get(`${shop.origin}/collections/all`);
    const items = [...r.text.matchAll(/<li class="card"><a href="\/products\/(item-\d+)">(.*?)<\/li>/g)];
    expect(items).toHaveLength(24);
    for (const [, slug, body] of items) {
      const n = Number(slug!.split("-")[1]);
      expect(body, slug).toMatch(new RegExp(`alt="[^"]* ${n} &lt;front>"`));
      expect(body!.includes("Sold out"), slug).toBe(slug === shop.soldOutProduct);
    }
  });

  it("sorts by price both ways, and a bad sort value falls back to newest", async () => {
    const asc = await get(`${shop.origin}/collections/all?sort=price-asc`);
    const desc = await get(`${shop.origin}/collections/all?sort=price-desc`);
    const prices = async (slugs: string[]) => {
      const rows = await (await shopDb(shop.shopId)).select({ slug: products.slug, price: products.price }).from(products).where(eq(products.shopId, shop.shopId));
      const by = new Map(rows.map((r) => [r.slug, r.price]));
      return slugs.map((s) => by.get(s)!);
    };
    const a = await prices(cards(asc.text));
    expect(a).toEqual([...a].sort((x, y) => x - y));
    const d = await prices(cards(desc.text));
    expect(d).toEqual([...d].sort((x, y) => y - x));
    const bad = await get(`${shop.origin}/collections/all?sort=<script>`);
    expect(bad.status).toBe(200);
    expect(cards(bad.text)).toEqual(cards((await get(`${shop.origin}/collections/all`)).text));
    expect(bad.text).toContain(`<link rel="canonical" href="${shop.origin}/collections/all"/>`);
  });

  it("shows a collection's own products with its description as text", async () => {
    const r = await get(`${shop.origin}/collections/lawn`);
    expect(r.status).toBe(200);
    const slugs = cards(r.text);
    expect(slugs.length).toBe(15);
    expect(slugs.every((s) => Number(s.split("-")[1]) % 2 === 1)).toBe(true);
    expect(r.text).toContain("Summer lawn.\nBreathable cotton.");
    const crumbs = JSON.parse((await audit(r.text)).jsonLd[0]!);
    expect(crumbs.itemListElement.map((i: { item: string }) => i.item)).toEqual([`${shop.origin}/`, `${shop.origin}/collections/lawn`]);
    const empty = await get(`${shop.origin}/collections/empty`);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain("Nothing here yet");
  });

  it("answers a cursor past the end, a broken cursor and an unknown collection with the shop's 404", async () => {
    const past = await get(`${shop.origin}/collections/all?after=1_1`);
    expect(past.status).toBe(404);
    expect(past.text).toContain("No more products");
    expect(past.text).toContain('<meta name="robots" content="noindex"/>');
    for (const path of ["/collections/all?after=abc", "/collections/nope", `/collections/${"x".repeat(300)}`, "/collections/%3Cscript%3E"]) {
      const r = await get(`${shop.origin}${path}`);
      expect(r.status, path).toBe(404);
      expect(r.text).toContain("We could not find that page");
      expect(r.text).toContain("--primary:"); // in the shop's theme, not the platform's error page
    }
  });
});

describe("product page", () => {
  it("offers each variant with its label and availability in a plain form that works without JavaScript", async () => {
    const r = await get(`${shop.origin}/products/item-1`);
    expect(r.status).toBe(200);
    expect(r.text).toContain('<form id="buy-form" class="buy" method="post" action="/cart/add">');
    expect(r.text).toMatch(/<select id="variant" name="variant"/);
    expect(r.text).toContain(`>S / Rose · ${rs(1000)}</option>`);
    expect(r.text).toMatch(new RegExp(`<option value="\\d+" disabled[^>]*>L / Mint · ${rs(1200)} · Sold out</option>`));
    expect(r.text).toContain('name="quantity"');
    expect(r.text).toContain('<label for="variant">Size / Colour</label>');
    const a = await audit(r.text);
    expect(a.h1).toBe(1);
    expect(a.inlineJs.length).toBe(3); // variant picker, product page (gallery, buy bar), cart count
    // With JavaScript the option chips replace the select; their radios are drawn here, hidden.
    expect(r.text).toMatch(/<div id="picker" class="picker" hidden[^>]*><fieldset><legend>Size<\/legend><input type="radio" id="o0-0" name="o0" value="S" checked/);
    // The phone's buy bar repeats the form's button and submits the same form.
    expect(r.text).toContain('form="buy-form"');
  });

  it("shows compare-at price, stock state, the photo gallery with sizes, lazy below the fold", async () => {
    const r = await get(`${shop.origin}/products/item-1`);
    expect(r.text).toContain(`${rs(1500)}</s>`);
    expect(r.text).toContain("Only a few left"); // S / Rose: 3 in stock
    expect((await get(`${shop.origin}/products/item-2`)).text).toContain("In stock");
    const a = await audit(r.text);
    const gallery = a.imgs.filter((i) => i.sizes?.includes("50vw"));
    expect(gallery).toHaveLength(3);
    expect(gallery[0]).toMatchObject({ loading: "eager", width: "1280", height: "1600" });
    expect(gallery[1]!.loading).toBe("lazy");
    expect(gallery[0]!.srcset).toMatch(/320\.webp 320w, .*640\.webp 640w, .*1280\.webp 1280w$/);
    const sold = await get(`${shop.origin}/products/item-6`);
    expect(sold.text).toContain("Sold out");
    expect(sold.text).toMatch(/<button id="buy" class="btn block" type="submit" disabled/);
  });

  it("carries sharing tags and JSON-LD with the photo as an absolute URL", async () => {
    const r = await get(`${shop.origin}/products/item-1`);
    const a = await audit(r.text);
    expect(r.text).toContain(`<link rel="canonical" href="${shop.origin}/products/item-1"/>`);
    expect(a.meta["og:type"]).toBe("product");
    expect(a.meta["og:title"]).toContain("Embroidered lawn suit 1");
    expect(a.meta["og:image"]).toMatch(new RegExp(`^${shop.origin}/media/shops/${shop.shopId}/[a-f0-9]{64}/1280\\.webp$`));
    expect(a.meta["twitter:card"]).toBe("summary_large_image");
    expect(a.meta["twitter:image"]).toBe(a.meta["og:image"]);
    expect(a.meta["og:description"]).toContain("made with care");
    expect(a.meta["product:price:amount"]).toBe("1000.00");
    expect(a.meta["product:price:currency"]).toBe("PKR");
    const [productLd, crumbs] = a.jsonLd.map((j) => JSON.parse(j));
    expect(productLd).toMatchObject({
      "@type": "Product",
      name: "Embroidered lawn suit 1",
      offers: { "@type": "AggregateOffer", lowPrice: "1000.00", highPrice: "1200.00", priceCurrency: "PKR", availability: "https://schema.org/InStock" },
    });
    expect(productLd.image[0]).toMatch(/^https:\/\//);
    expect(crumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual(["Home", "Lawn suits", "Embroidered lawn suit 1"]);
  });

  it("escapes `<` in JSON-LD so a title cannot close the script", async () => {
    await (await shopDb(shop.shopId)).update(products).set({ title: "Evil </script><script>alert(1)</script>" }).where(and(eq(products.shopId, shop.shopId), eq(products.slug, "item-3")));
    const r = await get(`${shop.origin}/products/item-3`);
    expect(r.status).toBe(200);
    expect(r.text).not.toContain("<script>alert(1)");
    const a = await audit(r.text);
    expect(a.jsonLd[0]).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(a.jsonLd[0]!).name).toBe("Evil </script><script>alert(1)</script>");
  });

  it("gives the shop's 404 for an unknown, draft or malformed product", async () => {
    for (const path of ["/products/nope", "/products/item-30", "/products/a%20b", "/products/x/y"]) {
      const r = await get(`${shop.origin}${path}`);
      expect(r.status, path).toBe(404);
      expect(r.text).toContain("We could not find that page");
    }
  });
});

describe("search", () => {
  it("finds products by title, description and tags within this shop only", async () => {
    const other = await seedShop();
    const r = await get(`${shop.origin}/search?q=dupatta`);
    expect(r.status).toBe(200);
    const found = cards(r.text);
    expect(found.length).toBe(3); // items 3, 13, 23 (item 3 was retitled, its description still says so)
    expect(r.text).not.toContain(other.origin);
    expect(cards((await get(`${shop.origin}/search?q=cott`)).text).length).toBeGreaterThan(0); // prefix, tags
    expect(cards((await get(`${other.origin}/search?q=dupatta`)).text).length).toBe(3);
  });

  it("pages through results by relevance with a keyset cursor", async () => {
    const { seen, links } = await walk(shop.origin, "/search?q=made&sort=relevance");
    expect(links).toHaveLength(1);
    for (const link of links) expect(link).toMatch(/^\/search\?q=made&sort=relevance&after=\d+_\d+$/);
    expect(seen).toHaveLength(29);
    expect(new Set(seen).size).toBe(29);
  });

  it("pages through results newest first with a keyset cursor, skipping drafts", async () => {
    const own = await seedShop(); // other tests here edit the shared shop's products
    const { seen, links } = await walk(own.origin, "/search?q=made");
    expect(links).toHaveLength(1);
    for (const link of links) expect(link).toMatch(/^\/search\?q=made&after=\d+_\d+$/);
    // item-30 is a draft; the others were added in order, so the newest is the highest number.
    expect(seen).toEqual(Array.from({ length: 29 }, (_, i) => `item-${29 - i}`));
  });

  it("lists matches newest first, or title matches above description matches on request", async () => {
    await (await shopDb(shop.shopId)).update(products).set({ description: "Goes well with a silk shawl." }).where(and(eq(products.shopId, shop.shopId), eq(products.slug, "item-29")));
    const newest = cards((await get(`${shop.origin}/search?q=shawl`)).text);
    expect(newest).toEqual(["item-29", "item-26", "item-16", "item-6"]);
    const best = cards((await get(`${shop.origin}/search?q=shawl&sort=relevance`)).text);
    expect(best.slice(0, 3).sort()).toEqual(["item-16", "item-26", "item-6"]);
    expect(best[3]).toBe("item-29");
    const r = await get(`${shop.origin}/search?q=shawl&sort=bogus`);
    expect(cards(r.text)).toEqual(newest);
    expect(r.text).toContain(`<link rel="canonical" href="${shop.origin}/search?q=shawl"/>`);
  });

  it("shows a 2,000-character query and HTML in a query as text on a proper page", async () => {
    const long = await get(`${shop.origin}/search?q=${"kurta ".repeat(334)}`);
    expect(long.status).toBe(200);
    const script = await get(`${shop.origin}/search?q=${encodeURIComponent('<script>alert("x")</script>')}`);
    expect(script.status).toBe(200);
    expect(script.text).not.toContain('<script>alert("x")');
    expect(script.text).toContain("&lt;script>alert(&quot;x&quot;)&lt;/script>");
    for (const q of ['"', "*", "NEAR(a b)", "a OR", "title:x", "(((", "-", "کرتا"]) {
      const r = await get(`${shop.origin}/search?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
    }
    const empty = await get(`${shop.origin}/search`);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('<label for="q">');
  });
});

describe("content pages", () => {
  it("keeps line breaks, links http(s) URLs safely and never renders markup", async () => {
    const r = await get(`${shop.origin}/pages/about`);
    expect(r.status).toBe(200);
    expect(r.text).toContain("We are a family business.\nSince 1998.</p>");
    expect(r.text).toContain('<a href="https://example.com/story" rel="nofollow noopener ugc" target="_blank">https://example.com/story</a>,');
    expect(r.text).toContain("&lt;b>call&lt;/b>");
    expect((await get(`${shop.origin}/pages/hidden`)).status).toBe(404);
    expect((await get(`${shop.origin}/pages/nope`)).status).toBe(404);
  });

  it("links published pages in the footer and collections in the header", async () => {
    const r = await get(`${shop.origin}/`);
    expect(r.text).toContain('href="/pages/about"');
    expect(r.text).not.toContain('href="/pages/hidden"');
    expect(r.text).toContain('href="/collections/lawn">Lawn suits</a>');
    expect(r.text).toContain('href="/cart"');
  });
});

describe("sitemap and robots", () => {
  it("lists products, collections and pages with absolute URLs", async () => {
    const r = await get(`${shop.origin}/sitemap.xml`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/xml");
    expect(r.text).toContain(`<loc>${shop.origin}/products/item-1</loc>`);
    expect(r.text).toContain(`<loc>${shop.origin}/collections/lawn</loc>`);
    expect(r.text).toContain(`<loc>${shop.origin}/pages/about</loc>`);
    expect(r.text).not.toContain("item-30");
    expect(r.text).not.toContain("/pages/hidden");
    expect(r.text.match(/<url>/g)).toHaveLength(2 + 29 + 3 + 2);
  });

  it("serves robots.txt with the sitemap", async () => {
    const r = await get(`${shop.origin}/robots.txt`);
    expect(r.text).toContain(`Sitemap: ${shop.origin}/sitemap.xml`);
    expect(r.text).toContain("Disallow: /checkout");
  });
});

describe("shared pages", () => {
  it("render the same HTML whoever asks: nothing from the cart cookie is in the page", async () => {
    for (const path of ["/", "/products/item-1", "/collections/all"]) {
      const plain = await get(`${shop.origin}${path}`);
      clearPageCache(); // both responses are rendered, not served from the page cache
      const withCart = await get(`${shop.origin}${path}`, { cookie: "hatti_cart=12x2.40x1" });
      expect(withCart.text).toBe(plain.text);
      expect(plain.headers.get("set-cookie")).toBeNull();
    }
  });

  it("prices are formatted in the shop's currency and language", async () => {
    const ur = await seedShop({ locale: "ur" });
    const r = await get(`${ur.origin}/products/item-2`);
    expect(r.text).toContain('<html lang="ur" dir="rtl">');
    expect(r.text).toContain(formatMoney(137000, "PKR", "ur"));
    expect(r.text).toContain("ٹوکری میں ڈالیں");
  });
});
