/**
 * Forgot password on the platform host: /forgot asks for the phone or email and sends a code
 * (src/auth/codes.ts); /forgot/code takes the code and a new password. The same answer, the same
 * redirect and the same statements whether or not an account has that phone or email. A reset
 * revokes every session of hers and logs her in afresh on this device: she has just shown she
 * holds the phone or inbox and knows the new password, so asking for it again would add a
 * screen and no safety.
 */
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { checkCode, sendCode } from "../auth/codes";
import { parseIdentity } from "../auth/identity";
import { resetPassword } from "../auth/accounts";
import { clientIp } from "../auth/rate-limit";
import { createSession, setSessionCookie } from "../auth/session";
import { messages, type Locale } from "../i18n";
import { readForm, validate, type FieldErrors, type FormValues } from "../lib/form";
import { renderPage } from "../lib/render";
import { enqueueGathered } from "../messages/outbox";
import { codeRefusal } from "../ui/CodeField";
import { forgotSchema, resetSchema } from "./schemas";
import { ForgotPage, ResetCodePage } from "./views/ResetPages";

export const resetRoutes = new Hono<AppEnv>();

const m = (c: { var: { locale: Locale } }) => messages(c.var.locale);
const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

resetRoutes.get("/", (c) => renderPage(c, <ForgotPage m={m(c)} csrf={c.get("csrfToken")} email={c.req.query("with") === "email"} />));

resetRoutes.post("/", async (c) => {
  const values = await readForm(c);
  const parsed = validate(forgotSchema, values);
  if (!parsed.ok) return renderPage(c, <ForgotPage m={m(c)} csrf={c.get("csrfToken")} values={values} errors={parsed.errors} />, 400);
  const to = parsed.data.login;
  const sent = await sendCode(c.get("dir"), { purpose: "reset", to, ip: clientIp(c.req) });
  if (!sent.ok) {
    const alert = m(c).t("code.rateLimited", { minutes: minutes(sent.retryAfterMs) });
    return renderPage(c, <ForgotPage m={m(c)} csrf={c.get("csrfToken")} values={values} alert={alert} />, 429);
  }
  if (sent.messages.length) c.executionCtx.waitUntil(enqueueGathered(c.env.MESSAGES, sent.messages));
  return c.redirect(`/forgot/code?to=${encodeURIComponent(to.value)}`, 303);
});

resetRoutes.get("/code", (c) => {
  const to = parseIdentity(c.req.query("to")?.slice(0, 254) ?? "");
  if (!to) return c.redirect("/forgot", 303);
  return renderPage(c, <ResetCodePage m={m(c)} csrf={c.get("csrfToken")} to={to} />);
});

resetRoutes.post("/code", async (c) => {
  const values = await readForm(c);
  const to = parseIdentity(values.login?.slice(0, 254) ?? "");
  if (!to) return c.redirect("/forgot", 303);
  const show = (status: 400 | 429, o: { errors?: FieldErrors; codeError?: string; askNew?: boolean } = {}) => {
    const kept: FormValues = { code: values.code ?? "" };
    return renderPage(c, <ResetCodePage m={m(c)} csrf={c.get("csrfToken")} to={to} values={kept} {...o} />, status);
  };
  const parsed = validate(resetSchema, values);
  if (!parsed.ok) return show(400, { errors: parsed.errors });
  const checked = await checkCode(c.get("dir"), { purpose: "reset", to, code: parsed.data.code });
  if (!checked.ok) return show(checked.reason === "dead" ? 429 : 400, { codeError: codeRefusal(m(c).t, checked), askNew: checked.reason !== "wrong" });
  await resetPassword(c.get("dir"), checked.userId, to.value, parsed.data.password);
  const token = await createSession(c.get("dir"), checked.userId, { userAgent: c.req.header("user-agent") });
  setSessionCookie(c, token);
  return c.redirect("/admin/account?done=reset", 303);
});
