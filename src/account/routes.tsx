/**
 * The seller's account under /admin/account: admin language, password change (which logs out
 * every other device), log-out on other devices, log-out everywhere, proving her phone number
 * (a code sent to it: src/auth/codes.ts).
 */
import { syncMemberEverywhere } from "../db/members";
import { shopSource } from "../lib/meter";
import { Hono, type Context } from "hono";
import { rememberLanguage, safeNext } from "../auth/guard";
import { verifyPassword } from "../auth/password";
import { clearSessionCookie, revokeUserSessions } from "../auth/session";
import type { AppEnv } from "../env";
import { messages, type Locale } from "../i18n";
import { readForm, validate, type FieldErrors } from "../lib/form";
import { renderPage } from "../lib/render";
import { changePassword, passwordHashOf, sessionCount, setPhoneProven, setUserLocale } from "../auth/accounts";
import { checkCode, sendCode } from "../auth/codes";
import { clientIp } from "../auth/rate-limit";
import { HTTPException } from "hono/http-exception";
import { enqueueGathered } from "../messages/outbox";
import { languageSchema, passwordChangeSchema, proveSchema } from "../platform/schemas";
import { codeRefusal } from "../ui/CodeField";
import { AccountPage } from "./AccountPage";
import { ProvePage, type ProvePageProps } from "./ProvePage";

export const account = new Hono<AppEnv>();

const show = async (c: Context<AppEnv>, opts: { errors?: FieldErrors; notice?: string; locale?: Locale } = {}, status: 200 | 400 = 200) => {
  const user = c.get("user")!;
  const n = await sessionCount(c.get("dir"), user.id);
  const phone = user.phone ? { number: user.phone, proven: user.phoneVerifiedAt !== null } : null;
  return renderPage(c, <AccountPage m={messages(opts.locale ?? c.get("locale"))} csrf={c.get("csrfToken")} sessions={n} phone={phone} errors={opts.errors} notice={opts.notice} />, status);
};

/** Notices a redirect here carries (`?done=`): after a password reset, after proving her phone. */
const done = { reset: "reset.done", proven: "prove.done" } as const;

account.get("/", (c) => {
  const d = c.req.query("done");
  return show(c, { notice: d === "reset" || d === "proven" ? c.get("t")(done[d]) : undefined });
});

account.post("/language", async (c) => {
  const parsed = validate(languageSchema, await readForm(c));
  if (!parsed.ok) return show(c, {}, 400);
  const { locale, next } = parsed.data;
  await setUserLocale(c.get("dir"), c.get("user")!.id, locale);
  await syncMemberEverywhere(shopSource(c), c.get("user")!.id);
  // Logged out on this browser later, the platform's pages keep speaking it.
  rememberLanguage(c, locale);
  if (next) return c.redirect(safeNext(next, "/admin/account"), 303);
  return show(c, { locale, notice: messages(locale).t("account.languageSaved") });
});

account.post("/password", async (c) => {
  const user = c.get("user")!;
  const parsed = validate(passwordChangeSchema, await readForm(c));
  if (!parsed.ok) return show(c, { errors: parsed.errors }, 400);
  const hash = await passwordHashOf(c.get("dir"), user.id);
  if (!hash || !(await verifyPassword(parsed.data.current, hash))) return show(c, { errors: { current: "account.password.wrong" } }, 400);
  await changePassword(c.get("dir"), user.id, parsed.data.password, user.sessionId);
  return show(c, { notice: messages(c.get("locale")).t("account.password.changed") });
});

account.post("/sessions/others", async (c) => {
  const user = c.get("user")!;
  await revokeUserSessions(c.get("dir"), user.id, user.sessionId);
  return show(c, { notice: messages(c.get("locale")).t("account.sessions.othersDone") });
});

account.post("/sessions/all", async (c) => {
  await revokeUserSessions(c.get("dir"), c.get("user")!.id);
  clearSessionCookie(c);
  return c.redirect("/login", 303);
});

// ---------------------------------------------------------------- proving her phone

/** Her phone, not proven yet; else there is nothing to prove here (no phone: 404; proven: done). */
const unproven = (c: Context<AppEnv>) => {
  const user = c.get("user")!;
  if (!user.phone) throw new HTTPException(404);
  return user.phoneVerifiedAt === null ? user.phone : null;
};
const nextOf = (c: Context<AppEnv>) => safeNext(c.req.query("next"), "") || undefined;
const provePage = (c: Context<AppEnv>, phone: string, extra: Partial<ProvePageProps> = {}, status: 200 | 400 | 429 = 200) =>
  renderPage(c, <ProvePage m={messages(c.get("locale"))} csrf={c.get("csrfToken")} phone={phone} next={nextOf(c)} {...extra} />, status);
const proven = (c: Context<AppEnv>) => c.redirect(safeNext(nextOf(c), "/admin/account?done=proven"), 303);

account.post("/phone/send", async (c) => {
  const phone = unproven(c);
  if (!phone) return proven(c);
  const user = c.get("user")!;
  const sent = await sendCode(c.get("dir"), { purpose: "prove_phone", to: { kind: "phone", value: phone }, userId: user.id, ip: clientIp(c.req) });
  if (!sent.ok) return provePage(c, phone, { alert: c.get("t")("code.rateLimited", { minutes: Math.max(1, Math.ceil(sent.retryAfterMs / 60_000)) }) }, 429);
  if (sent.messages.length) c.executionCtx.waitUntil(enqueueGathered(c.env.MESSAGES, sent.messages));
  const next = nextOf(c);
  return c.redirect(`/admin/account/phone${next ? `?next=${encodeURIComponent(next)}` : ""}`, 303);
});

account.get("/phone", (c) => {
  const phone = unproven(c);
  return phone ? provePage(c, phone) : proven(c);
});

account.post("/phone", async (c) => {
  const phone = unproven(c);
  if (!phone) return proven(c);
  const values = await readForm(c);
  const parsed = validate(proveSchema, values);
  if (!parsed.ok) return provePage(c, phone, { code: values.code, error: c.get("t")("code.format") }, 400);
  const checked = await checkCode(c.get("dir"), { purpose: "prove_phone", to: { kind: "phone", value: phone }, code: parsed.data.code });
  if (!checked.ok) {
    return provePage(c, phone, { code: values.code, error: codeRefusal(c.get("t"), checked), askNew: checked.reason !== "wrong" }, checked.reason === "dead" ? 429 : 400);
  }
  await setPhoneProven(c.get("dir"), c.get("user")!.id, phone);
  return proven(c);
});
