import type { LayoutProps } from "../../src/storefront/theme";
import type { ClassicSettings } from "./settings";
import { css } from "./css";

export function Layout({ ctx, head, children }: LayoutProps<ClassicSettings>) {
  return (
    <html lang={ctx.locale} dir={ctx.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{head.title}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={ctx.canonical} />
        <style dangerouslySetInnerHTML={{ __html: css(ctx.settings) }} />
      </head>
      <body>
        <header>
          <a href={ctx.url("/")}>{ctx.shop.name}</a>
        </header>
        <main>{children}</main>
        <footer>{ctx.t("store.poweredBy")}</footer>
      </body>
    </html>
  );
}
