import { LOCALES, type Messages } from "../i18n";
import { Form } from "./Form";

export interface LanguageSwitchProps {
  m: Messages;
  /** Where to return after switching: the page she is on. */
  back: string;
  /**
   * Signed in: the switch changes her account's language (a POST with this CSRF token), which
   * every page she sees signed in follows. Without it: a link that remembers the pick on this
   * browser (a cookie).
   */
  csrf?: string;
}

/** A button or link to each other language, named in that language. Works without JavaScript. */
export function LanguageSwitch({ m, back, csrf }: LanguageSwitchProps) {
  const others = LOCALES.filter((l) => l !== m.locale);
  if (csrf) {
    return (
      <Form action="/admin/account/language" csrf={csrf} class="inline lang-switch">
        <input type="hidden" name="next" value={back} />
        {others.map((other) => (
          <button key={other} class="btn ghost small" type="submit" name="locale" value={other} lang={other} aria-label={`${m.t("account.language")}: ${m.t(`common.language.${other}`)}`}>
            {m.t(`common.language.${other}`)}
          </button>
        ))}
      </Form>
    );
  }
  return (
    <>
      {others.map((other) => (
        <a key={other} class="btn ghost small" href={`/lang/${other}?next=${encodeURIComponent(back)}`} lang={other}>
          {m.t(`common.language.${other}`)}
        </a>
      ))}
    </>
  );
}
