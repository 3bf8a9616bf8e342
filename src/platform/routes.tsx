/**
 * The platform on ROOT_DOMAIN: landing, sign-up, log-in, log-out and the create-a-shop
 * wizard (sign-up -> name and address -> theme -> live: four screens).
 */
import { Hono, type Context } from "hono";
import { setMetric } from "hono/timing";
import { rememberLanguage, requireUser, safeNext } from "../auth/guard";
import { verifyPassword, dummyHash } from "../auth/password";
import { loginGuard, recordLoginFailure, recordLoginSuccess } from "../auth/login-guard";
import { clientIp, hit, RULES } from "../auth/rate-limit";
import {
  clearSessionCookie,
  createSession,
  revokeSession,
  sessionToken,
  setSessionCookie,
} from "../auth/session";
import type { AppEnv } from "../env";
import { messages, isLocale, type Locale } from "../i18n";
import { setFlash } from "../lib/flash";
import { readForm, validate } from "../lib/form";
import { renderPage } from "../lib/render";
import { THEMES } from "../../themes";
import { pendingInvitationCount } from "../staff/staff";
import { createUser, findUser, LoginTakenError } from "../auth/accounts";
import { loginSchema, MAX_SHOPS_OWNED, shopStartSchema, signupSchema, startThemeSchema } from "./schemas";
import { shopSource } from "../lib/meter";
import { createShop, membershipsOf, ownedShopCount, ShopLimitError, slugStatus, SlugTakenError } from "./shops";
import { suggestSlug } from "../tenancy/slug";
import { invalidateShop } from "../tenancy/shop-cache";
import { Landing } from "./views/Landing";
import { LoginPage } from "./views/LoginPage";
import { SignupPage } from "./views/SignupPage";
import { StartPage } from "./views/StartPage";
import { ThemePage } from "./views/ThemePage";
import { sha256Hex } from "../lib/bytes";
import { resetRoutes } from "./reset-routes";
import { themePreviewRoutes } from "./theme-previews";

export const platform = new Hono<AppEnv>();

const m = (c: { var: { locale: Locale } }) => messages(c.var.locale);
const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

platform.get("/", (c) => renderPage(c, <Landing m={m(c)} loggedIn={!!c.get("user")} csrf={c.get("csrfToken")} />));

platform.get("/lang/:locale", (c) => {
  const locale = c.req.param("locale");
  if (isLocale(locale)) rememberLanguage(c, locale);
  return c.redirect(safeNext(c.req.query("next"), "/"), 303);
});

// ---------------------------------------------------------------- sign-up

platform.get("/signup", (c) => {
  if (c.get("user")) return c.redirect("/start", 303);
  return renderPage(c, <SignupPage m={m(c)} csrf={c.get("csrfToken")} slug={c.req.query("slug")} email={c.req.query("with") === "email"} />);
});

platform.post("/signup", async (c) => {
  const values = await readForm(c);
  const slug = c.req.query("slug");
  const show = (errors: Record<string, string>, status: 400 | 409 | 429, alert?: string) =>
    renderPage(
      c,
      <SignupPage m={m(c)} csrf={c.get("csrfToken")} values={{ name: values.name ?? "", login: values.login ?? "" }} errors={errors} slug={slug} alert={alert} />,
      status,
    );

  const limit = await hit(c.get("dir"), `signup:ip:${clientIp(c.req)}`, RULES.signupIp);
  if (limit.limited) return show({}, 429, m(c).t("error.rateLimited", { minutes: minutes(limit.retryAfterMs) }));

  const parsed = validate(signupSchema, values);
  if (!parsed.ok) return show(parsed.errors, 400);
  let invited = 0;
  try {
    const user = await createUser(c.get("dir"), { ...parsed.data, locale: c.get("locale") });
    const token = await createSession(c.get("dir"), user.id, { userAgent: c.req.header("user-agent") });
    setSessionCookie(c, token);
    invited = await pendingInvitationCount(c.get("dir"), user);
  } catch (err) {
    if (err instanceof LoginTakenError) return show({ login: "validation.loginTaken" }, 409);
    throw err;
  }
  if (slug) return c.redirect(`/start?slug=${encodeURIComponent(slug)}`, 303);
  // Invited to a shop: her invitations (and the way to a shop of her own) come first.
  return c.redirect(invited ? "/admin/shops" : "/start", 303);
});

// ---------------------------------------------------------------- log-in / log-out

platform.get("/login", (c) => {
  if (c.get("user")) return c.redirect(safeNext(c.req.query("next"), "/admin"), 303);
  return renderPage(c, <LoginPage m={m(c)} csrf={c.get("csrfToken")} next={c.req.query("next")} email={c.req.query("with") === "email"} />);
});

platform.post("/login", async (c) => {
  const values = await readForm(c);
  const next = c.req.query("next");
  const t = m(c).t;
  const fail = (error: string, status: 401 | 429 = 401) =>
    renderPage(c, <LoginPage m={m(c)} csrf={c.get("csrfToken")} values={{ login: values.login ?? "" }} error={error} next={next} />, status);

  const ipLimit = await hit(c.get("dir"), `login:ip:${clientIp(c.req)}`, RULES.loginIp);
  if (ipLimit.limited) return fail(t("error.rateLimited", { minutes: minutes(ipLimit.retryAfterMs) }), 429);

  const parsed = validate(loginSchema, values);
  if (!parsed.ok) {
    await verifyPassword("x", await dummyHash());
    return fail(t("login.failed"));
  }
  const guard = await loginGuard(c.get("dir"), parsed.data.login, clientIp(c.req));
  if (guard.refused) return fail(t("login.pairLimited", { minutes: minutes(guard.retryAfterMs) }), 429);
  if (guard.waitMs) {
    setMetric(c, "login-wait", guard.waitMs, undefined, 0);
    await new Promise((resolve) => setTimeout(resolve, guard.waitMs));
  }

  const user = await findUser(c.get("dir"), parsed.data.login);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok) {
    await recordLoginFailure(c.get("dir"), guard);
    return fail(t("login.failed"));
  }
  await recordLoginSuccess(c.get("dir"), guard, user.id, user.failedLogins);
  if (user.failedLogins > 0) setFlash(c, { kind: "loginFailures", count: user.failedLogins });

  // A new session on every log-in: a token planted before log-in is never promoted.
  const old = sessionToken(c);
  if (old) await revokeSession(c.get("dir"), await sha256Hex(old));
  const shops = await membershipsOf(c.get("dir"), user.id);
  const token = await createSession(c.get("dir"), user.id, {
    shopId: shops[0]?.shopId ?? null,
    userAgent: c.req.header("user-agent"),
  });
  setSessionCookie(c, token);
  // Log-in never moves her into a shop she has not joined: invitations wait on /admin/shops.
  const landing = (await pendingInvitationCount(c.get("dir"), user)) ? "/admin/shops" : shops.length ? "/admin" : "/start";
  return c.redirect(safeNext(next, landing), 303);
});

platform.post("/logout", async (c) => {
  const user = c.get("user");
  if (user) await revokeSession(c.get("dir"), user.sessionId);
  clearSessionCookie(c);
  // Nothing of her account stays on the phone: the admin's kept order pages, its service worker
  // and so this phone's push subscription (the next account to log in here turns alerts on again).
  c.header("clear-site-data", '"cache", "storage"');
  return c.redirect("/", 303);
});

// Forgot password: a code to her phone or email, then a new password (reset-routes.tsx).
platform.route("/forgot", resetRoutes);
platform.route("/", themePreviewRoutes);

// ---------------------------------------------------------------- availability API

platform.get("/api/slug", async (c) => {
  const slug = (c.req.query("slug") ?? "").trim().toLowerCase().slice(0, 64);
  c.header("cache-control", "no-store");
  return c.json(await slugStatus(c.get("dir"), slug));
});

// ---------------------------------------------------------------- wizard

platform.use("/start", requireUser());
platform.use("/start/*", requireUser());

/** The wizard's refusal when she already owns as many shops as an account may. */
const shopLimit = (c: Context<AppEnv>) => m(c).t("wizard.shopLimit", { max: MAX_SHOPS_OWNED });
const atShopLimit = async (c: Context<AppEnv>) => (await ownedShopCount(c.get("dir"), c.get("user")!.id)) >= MAX_SHOPS_OWNED;

platform.get("/start", async (c) => {
  // A tapped suggestion comes back here with her name and the address filled in.
  const values = { name: c.req.query("name") ?? "", slug: c.req.query("slug") ?? "" };
  const alert = (await atShopLimit(c)) ? shopLimit(c) : undefined;
  return renderPage(
    c,
    <StartPage m={m(c)} csrf={c.get("csrfToken")} rootDomain={c.env.ROOT_DOMAIN} values={values} alert={alert} />,
  );
});

platform.post("/start", async (c) => {
  const values = await readForm(c);
  // No address typed (JavaScript off): suggest one from the name.
  if (!values.slug?.trim() && values.name) values.slug = suggestSlug(values.name);
  const show = (errors: Record<string, string>, suggestion?: string, alert?: string) =>
    renderPage(
      c,
      <StartPage m={m(c)} csrf={c.get("csrfToken")} rootDomain={c.env.ROOT_DOMAIN} values={values} errors={errors} suggestion={suggestion} alert={alert} />,
      400,
    );
  if (await atShopLimit(c)) return show({}, undefined, shopLimit(c));
  const parsed = validate(shopStartSchema, values);
  // A malformed or reserved address: suggest one made from what she typed, or else from the name.
  if (!parsed.ok) return show(parsed.errors, parsed.errors.slug ? suggestSlug((values.slug ?? "").slice(0, 200)).replace(/^my-shop$/, suggestSlug((values.name ?? "").slice(0, 200))) : undefined);
  const status = await slugStatus(c.get("dir"), parsed.data.slug);
  if (!status.ok) return show({ slug: `slug.${status.problem}` }, status.suggestion);
  const q = new URLSearchParams({ name: parsed.data.name, slug: parsed.data.slug });
  return c.redirect(`/start/theme?${q}`, 303);
});

const themePage = (c: Context<AppEnv>, name: string, slug: string, selected?: string, error?: string) =>
  renderPage(
    c,
    <ThemePage
      m={m(c)}
      csrf={c.get("csrfToken")}
      name={name}
      slug={slug}
      host={`${slug}.${c.env.ROOT_DOMAIN}`}
      themes={THEMES.map((t) => t.manifest)}
      selected={selected}
      error={error}
    />,
    error ? 400 : 200,
  );

platform.get("/start/theme", (c) => {
  const parsed = validate(shopStartSchema, { name: c.req.query("name") ?? "", slug: c.req.query("slug") ?? "" });
  if (!parsed.ok) return c.redirect("/start", 303);
  return themePage(c, parsed.data.name, parsed.data.slug);
});

platform.post("/start/theme", async (c) => {
  const values = await readForm(c);
  const start = validate(shopStartSchema, values);
  if (!start.ok) return c.redirect("/start", 303);
  const { name, slug } = start.data;
  const parsed = validate(startThemeSchema, values);
  if (!parsed.ok) return themePage(c, name, slug, undefined, m(c).t("wizard.theme.error"));
  const { theme } = parsed.data;
  try {
    const user = c.get("user")!;
    // Orders reach her on WhatsApp: the mobile she signed up with, confirmed on the live screen.
    await createShop(shopSource(c), { name, slug, themeId: theme, locale: c.get("locale"), ownerId: user.id, whatsapp: user.phone ?? "" });
    // A visit to the address before the shop existed left "no shop" in this isolate's cache.
    invalidateShop(slug);
  } catch (err) {
    if (err instanceof ShopLimitError) return themePage(c, name, slug, theme, shopLimit(c));
    if (!(err instanceof SlugTakenError)) throw err;
    // Taken between screens: back to the address with a suggestion.
    const status = await slugStatus(c.get("dir"), slug);
    return renderPage(
      c,
      <StartPage
        m={m(c)}
        csrf={c.get("csrfToken")}
        rootDomain={c.env.ROOT_DOMAIN}
        values={{ name, slug }}
        errors={{ slug: "slug.taken" }}
        suggestion={status.ok ? undefined : status.suggestion}
      />,
      409,
    );
  }
  return c.redirect(`/admin/${slug}/live`, 303);
});
