import type { Messages } from "../i18n";
import { Document } from "./Document";

/** A clear, friendly error page in the visitor's language. */
export function ErrorPage({ m, title, body, home = "/" }: { m: Messages; title: string; body: string; home?: string }) {
  return (
    <Document m={m} title={title} robots="noindex">
      <main class="wrap center">
        <p>
          <a class="brand" href={home}>
            {m.t("app.name")}
          </a>
        </p>
        <h1>{title}</h1>
        <p>{body}</p>
        <a class="btn block" href={home}>
          {m.t("error.home")}
        </a>
      </main>
    </Document>
  );
}
