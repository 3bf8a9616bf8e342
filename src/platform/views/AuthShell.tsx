import type { ComponentChildren } from "preact";
import type { Messages } from "../../i18n";
import type { HashedScript } from "../../lib/csp";
import { Document } from "../../ui/Document";

/** The frame of the public platform pages: brand bar, one narrow column. */
export function AuthShell(p: { m: Messages; title: string; children: ComponentChildren; script?: HashedScript; nav?: ComponentChildren }) {
  return (
    <Document m={p.m} title={p.title} script={p.script}>
      <header class="top">
        <a class="brand" href="/">
          {p.m.t("app.name")}
        </a>
        {p.nav}
      </header>
      <main class="wrap">{p.children}</main>
    </Document>
  );
}
