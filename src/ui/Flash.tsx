import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Messages } from "../i18n";
import type { Flash } from "../lib/flash";

/** The one-time notice of this page (src/lib/flash.ts), provided by renderPage(). */
export const FlashContext = createContext<Flash | null>(null);

/** Shown at the top of whichever page comes first after the redirect that set it. */
export function FlashNotice({ m }: { m: Messages }) {
  const flash = useContext(FlashContext);
  if (!flash) return null;
  // One string per plural form, chosen by the locale's rules (in English and Urdu "one" is 1 only).
  const form = new Intl.PluralRules(m.locale).select(flash.count) === "one" ? "one" : "other";
  return (
    <p class="notice flash" role="status">
      {m.t(`login.failures.${form}`, { count: flash.count })}
    </p>
  );
}
