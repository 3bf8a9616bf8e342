import type { ComponentChildren } from "preact";
import type { Messages } from "../i18n";
import { InlineScript, type HashedScript } from "../lib/csp";
import { FlashNotice } from "./Flash";
import { baseCss } from "./styles";

export interface DocumentProps {
  m: Messages;
  title: string;
  children: ComponentChildren;
  /** Extra CSS for this page, appended after the base stylesheet. */
  css?: string;
  /** An inline script (a built island), allowed by this page's CSP through its hash. */
  script?: HashedScript;
  robots?: "noindex";
  /** More of the head: the admin's manifest and icons (AdminShell). */
  head?: ComponentChildren;
  /** Link the base stylesheet (at this versioned URL) instead of inlining it: the admin's pages. */
  baseHref?: string;
}

/** The HTML document of every platform and admin page. */
export function Document({ m, title, children, css, script, robots, head, baseHref }: DocumentProps) {
  return (
    <html lang={m.locale} dir={m.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="theme-color" content="#0f5c4d" />
        {robots && <meta name="robots" content={robots} />}
        <title>{`${title} · ${m.t("app.name")}`}</title>
        {head}
        {baseHref ? <link rel="stylesheet" href={baseHref} /> : null}
        {(!baseHref || css) && <style dangerouslySetInnerHTML={{ __html: baseHref ? css! : baseCss + (css ?? "") }} />}
      </head>
      <body>
        <FlashNotice m={m} />
        {children}
        {script && <InlineScript script={script} />}
      </body>
    </html>
  );
}
