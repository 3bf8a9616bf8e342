import type { Messages } from "../../i18n";
import { inLocale, type ThemeManifest } from "../../storefront/theme";
import { Form } from "../../ui/Form";
import { PREVIEW_SIZE, previewUrl } from "../theme-previews";
import { AuthShell } from "./AuthShell";

export interface ThemePageProps {
  m: Messages;
  csrf: string;
  name: string;
  slug: string;
  host: string;
  themes: ThemeManifest[];
  selected?: string;
  error?: string;
}

/** Wizard screen 4: pick a theme, then the shop goes live. */
export function ThemePage({ m, csrf, name, slug, host, themes, selected, error }: ThemePageProps) {
  const { t } = m;
  const chosen = selected ?? themes[0]?.id;
  return (
    <AuthShell m={m} title={t("wizard.theme.title")}>
      <p class="step">{t("wizard.address.step")}</p>
      <h1>{t("wizard.theme.title")}</h1>
      <p class="linkbox">{host}</p>
      {error && <p class="alert" role="alert">{error}</p>}
      <Form action="/start/theme" csrf={csrf}>
        <input type="hidden" name="name" value={name} />
        <input type="hidden" name="slug" value={slug} />
        <fieldset class="choices">
          <legend class="legend">{t("wizard.theme.legend")}</legend>
          {themes.map((th) => (
            <label class="choice" key={th.id}>
              <input type="radio" name="theme" value={th.id} checked={th.id === chosen} />
              {previewUrl(th.id) ? (
                <img
                  src={previewUrl(th.id)!}
                  width={PREVIEW_SIZE.width / 2}
                  height={PREVIEW_SIZE.height / 2}
                  loading="lazy"
                  decoding="async"
                  alt={t("wizard.theme.previewAlt", { theme: inLocale(th.name, m.locale) })}
                  style="flex:none;border-radius:8px;border:1px solid var(--line)"
                />
              ) : (
                <span
                  class="swatch"
                  aria-hidden="true"
                  style={`background:linear-gradient(135deg,${th.swatch[0]} 0 50%,${th.swatch[1]} 50% 80%,${th.swatch[2]} 80%)`}
                />
              )}
              <span>
                <strong>{inLocale(th.name, m.locale)}</strong>
                <br />
                <span class="muted">{inLocale(th.description, m.locale)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p class="muted">{t("wizard.theme.hint")}</p>
        <button class="btn block" type="submit">
          {t("wizard.create")}
        </button>
      </Form>
    </AuthShell>
  );
}
