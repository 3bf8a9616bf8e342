import type { Messages } from "../../i18n";

/** A link to the other language; `back` is where to return after switching. */
export function LanguageSwitch({ m, back }: { m: Messages; back: string }) {
  const other = m.locale === "ur" ? "en" : "ur";
  return (
    <a class="btn ghost small" href={`/lang/${other}?next=${encodeURIComponent(back)}`} lang={other}>
      {m.t(`common.language.${other}`)}
    </a>
  );
}
