/** The <head> every theme shares: meta, canonical, sharing tags, JSON-LD and the theme's CSS. */
import type { HeadVM, StoreContext } from "../../src/storefront/theme";
import { jsonLdText } from "../../src/storefront/seo";
import { language } from "../../src/i18n";
import type { ComponentChildren } from "preact";
import type { Ctx } from "./Cards";
import { Footer } from "./Chrome";

function HeadTags({ ctx, head, css, themeColor }: { ctx: StoreContext; head: HeadVM; css: string; themeColor: string }) {
  const description = head.description || undefined;
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <title>{head.title}</title>
      {description && <meta name="description" content={description} />}
      {head.noindex && <meta name="robots" content="noindex" />}
      <link rel="canonical" href={ctx.canonical} />
      {head.preload && (
        // Lower-case names, as HTML spells them (Preact's types know only imageSrcSet).
        <link rel="preload" as="image" href={head.preload.img.src} {...({ imagesrcset: head.preload.img.srcset, imagesizes: head.preload.sizes } as object)} fetchpriority="high" />
      )}
      <meta name="theme-color" content={themeColor} />
      <meta property="og:site_name" content={ctx.shop.name} />
      <meta property="og:type" content={head.type ?? "website"} />
      <meta property="og:title" content={head.title} />
      {description && <meta property="og:description" content={description} />}
      <meta property="og:url" content={ctx.canonical} />
      <meta property="og:locale" content={language(ctx.locale).og} />
      {head.image && <meta property="og:image" content={head.image} />}
      {head.price && <meta property="product:price:amount" content={head.price.amount} />}
      {head.price && <meta property="product:price:currency" content={head.price.currency} />}
      <meta name="twitter:card" content={head.image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={head.title} />
      {description && <meta name="twitter:description" content={description} />}
      {head.image && <meta name="twitter:image" content={head.image} />}
      {(head.jsonLd ?? []).map((o, i) => (
        // Escaped JSON (no `<`, `>` or `&` left), not markup: see jsonLdText.
        <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(o) }} />
      ))}
      <style dangerouslySetInnerHTML={{ __html: css }} />
    </head>
  );
}

/** The document every theme's layout is: its head, its own header (the part themes differ in), the page, the footer. */
export function Page(p: { ctx: Ctx; head: HeadVM; css: string; themeColor: string; header: ComponentChildren; children: ComponentChildren }) {
  return (
    <html lang={p.ctx.locale} dir={p.ctx.dir}>
      <HeadTags ctx={p.ctx} head={p.head} css={p.css} themeColor={p.themeColor} />
      <body>
        {p.header}
        <main>{p.children}</main>
        <Footer ctx={p.ctx} />
      </body>
    </html>
  );
}
