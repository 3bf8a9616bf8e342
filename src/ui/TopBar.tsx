import type { Messages } from "../i18n";
import { Form } from "./Form";
import { LanguageSwitch } from "./LanguageSwitch";

export interface TopBarProps {
  m: Messages;
  csrf: string;
  /** What the brand link shows (the shop's name in a shop's admin, else Hatti). */
  brand: string;
  href: string;
  /** Extra words for screen readers after the visible brand, e.g. "switch shop". */
  hint?: string;
  /** The page she is on: the language switch brings her back to it. */
  here: string;
}

/** The signed-in top bar: the brand link, the switch of her admin's language and the log-out button. */
export function TopBar({ m, csrf, brand, href, hint, here }: TopBarProps) {
  return (
    <header class="top">
      <a class="brand" href={href}>
        {brand}
        {hint && <span class="sr-only"> ({hint})</span>}
      </a>
      <div class="top-actions">
        <LanguageSwitch m={m} back={here} csrf={csrf} />
        <Form action="/logout" csrf={csrf} class="inline">
          <button class="btn ghost small" type="submit">
            {m.t("nav.logout")}
          </button>
        </Form>
      </div>
    </header>
  );
}
