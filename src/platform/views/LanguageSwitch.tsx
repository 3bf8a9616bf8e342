import { LOCALES, type Messages } from "../../i18n";

/** A link to each other language, named in that language; `back` is where to return after switching. */
export function LanguageSwitch({ m, back }: { m: Messages; back: string }) {
  return (
    <>
      {LOCALES.filter((l) => l !== m.locale).map((other) => (
        <a key={other} class="btn ghost small" href={`/lang/${other}?next=${encodeURIComponent(back)}`} lang={other}>
          {m.t(`common.language.${other}`)}
        </a>
      ))}
    </>
  );
}
