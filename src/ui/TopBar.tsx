import type { Messages } from "../i18n";
import { Form } from "./Form";

export interface TopBarProps {
  m: Messages;
  csrf: string;
  /** What the brand link shows (the shop's name in a shop's admin, else Hatti). */
  brand: string;
  href: string;
  /** Extra words for screen readers after the visible brand, e.g. "switch shop". */
  hint?: string;
}

/** The signed-in top bar: the brand link and the log-out button. */
export function TopBar({ m, csrf, brand, href, hint }: TopBarProps) {
  return (
    <header class="top">
      <a class="brand" href={href}>
        {brand}
        {hint && <span class="sr-only"> ({hint})</span>}
      </a>
      <Form action="/logout" csrf={csrf} class="inline">
        <button class="btn ghost small" type="submit">
          {m.t("nav.logout")}
        </button>
      </Form>
    </header>
  );
}
