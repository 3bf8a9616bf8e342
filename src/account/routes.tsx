/**
 * The seller's account under /admin/account: admin language, password change (which logs out
 * every other device), log-out on other devices, log-out everywhere.
 */
import { Hono, type Context } from "hono";
import { rememberLanguage, safeNext } from "../auth/guard";
import { verifyPassword } from "../auth/password";
import { clearSessionCookie, revokeUserSessions } from "../auth/session";
import type { AppEnv } from "../env";
import { messages, type Locale } from "../i18n";
import { readForm, validate, type FieldErrors } from "../lib/form";
import { renderPage } from "../lib/render";
import { changePassword, passwordHashOf, sessionCount, setUserLocale } from "../auth/accounts";
import { languageSchema, passwordChangeSchema } from "../platform/schemas";
import { AccountPage } from "./AccountPage";

export const account = new Hono<AppEnv>();

const show = async (c: Context<AppEnv>, opts: { errors?: FieldErrors; notice?: string; locale?: Locale } = {}, status: 200 | 400 = 200) => {
  const user = c.var.user!;
  const n = await sessionCount(c.var.db, user.id);
  return renderPage(c, <AccountPage m={messages(opts.locale ?? c.var.locale)} csrf={c.var.csrfToken} sessions={n} errors={opts.errors} notice={opts.notice} />, status);
};

account.get("/", (c) => show(c));

account.post("/language", async (c) => {
  const parsed = validate(languageSchema, await readForm(c));
  if (!parsed.ok) return show(c, {}, 400);
  const { locale, next } = parsed.data;
  await setUserLocale(c.var.db, c.var.user!.id, locale);
  // Logged out on this browser later, the platform's pages keep speaking it.
  rememberLanguage(c, locale);
  if (next) return c.redirect(safeNext(next, "/admin/account"), 303);
  return show(c, { locale, notice: messages(locale).t("account.languageSaved") });
});

account.post("/password", async (c) => {
  const user = c.var.user!;
  const parsed = validate(passwordChangeSchema, await readForm(c));
  if (!parsed.ok) return show(c, { errors: parsed.errors }, 400);
  const hash = await passwordHashOf(c.var.db, user.id);
  if (!hash || !(await verifyPassword(parsed.data.current, hash))) return show(c, { errors: { current: "account.password.wrong" } }, 400);
  await changePassword(c.var.db, user.id, parsed.data.password, user.sessionId);
  return show(c, { notice: messages(c.var.locale).t("account.password.changed") });
});

account.post("/sessions/others", async (c) => {
  const user = c.var.user!;
  await revokeUserSessions(c.var.db, user.id, user.sessionId);
  return show(c, { notice: messages(c.var.locale).t("account.sessions.othersDone") });
});

account.post("/sessions/all", async (c) => {
  await revokeUserSessions(c.var.db, c.var.user!.id);
  clearSessionCookie(c);
  return c.redirect("/login", 303);
});
