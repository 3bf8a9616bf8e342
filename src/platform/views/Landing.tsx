/** The platform's pages: this landing page, sign-up, log-in and the create-a-shop wizard's screens. */
import type { Messages } from "../../i18n";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { AuthShell } from "./AuthShell";

export function Landing({ m, loggedIn, csrf }: { m: Messages; loggedIn: boolean; csrf: string }) {
  const { t } = m;
  return (
    <AuthShell
      m={m}
      title={t("app.tagline")}
      nav={
        <div class="top-actions">
          <LanguageSwitch m={m} back="/" csrf={loggedIn ? csrf : undefined} />
          <a class="btn ghost small" href={loggedIn ? "/admin" : "/login"}>
            {loggedIn ? t("admin.home.title") : t("nav.login")}
          </a>
        </div>
      }
    >
      <h1>{t("landing.title")}</h1>
      <p>{t("landing.body")}</p>
      <ul class="points">
        <li>{t("landing.point1")}</li>
        <li>{t("landing.point2")}</li>
        <li>{t("landing.point3")}</li>
      </ul>
      <div class="stack">
        <a class="btn block" href="/signup">
          {t("landing.start")}
        </a>
        <a class="btn ghost block" href="/login">
          {t("landing.login")}
        </a>
      </div>
    </AuthShell>
  );
}
