/**
 * Who is asking: the session cookie read into c.get("user"), and the guards a route puts first
 * (a signed-in seller; the shop's owner). Beside it: accounts, passwords (PBKDF2), sessions,
 * log-in throttling, rate limits and CSRF.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { getCookie, setCookie } from "hono/cookie";
import { DEFAULT_LOCALE, isLocale, messages, preferredLocale, type Locale } from "../i18n";
import { matchedRoutes } from "hono/route";
import { forgetCheckedSessions } from "./session-cache";
import { sessionToken, sessionUser, type SessionUser } from "./session";

/**
 * Marks a GET handler that reads the session itself, in its own page's batch (src/admin/page.ts):
 * attachUser and requireUser leave it to that batch, which answers exactly as they would.
 */
export const CHECKS_SESSION_ITSELF = Symbol("checks the session in its page's batch");

/** The index among the matched routes of the handler that answers this request, when it reads the session itself. */
export function sessionCheckedByPage(c: Context): number | null {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return null;
  const routes = matchedRoutes(c);
  const i = routes.findIndex((r) => r.method !== "ALL");
  return i >= 0 && CHECKS_SESSION_ITSELF in routes[i]!.handler ? i : null;
}

/** Reads the session cookie into c.get("user") (null when absent, expired or revoked). */
export function attachUser(): MiddlewareHandler<AppEnv> {
  return async function userLoader(c, next) {
    // A page that batches the session with its own reads sets the user (setUser) itself.
    if (sessionCheckedByPage(c) !== null) return next();
    const token = sessionToken(c);
    const user = token ? await sessionUser(c.get("db"), token) : null;
    const fromBrowser = setUser(c, user);
    await next();
    // Her name, language, log-out or memberships may have changed: the admin asks D1 again.
    if (user && c.req.method !== "GET" && c.req.method !== "HEAD") forgetCheckedSessions({ userId: user.id });
    // The same URL answers in another language to another browser: say so to every cache.
    if (fromBrowser) c.res.headers.append("vary", "Accept-Language");
  };
}

/**
 * c.get("user") and the language of the page: her account's; else the one she picked here (the
 * cookie); else, on a first visit, the one her browser asks for (then true: the answer varies on
 * Accept-Language). Only platform pages come here: a storefront speaks its shop's.
 */
export function setUser(c: Context<AppEnv>, user: SessionUser | null): boolean {
  c.set("user", user);
  const lang = getCookie(c, LANGUAGE_COOKIE);
  const fromBrowser = !user && !isLocale(lang);
  const m = messages(user?.locale ?? (isLocale(lang) ? lang : (preferredLocale(c.req.header("accept-language")) ?? DEFAULT_LOCALE)));
  c.set("locale", m.locale);
  c.set("t", m.t);
  return fromBrowser;
}

const LANGUAGE_COOKIE = "hatti_lang";

/** Remembers the language picked on this browser (for the pages seen logged out). */
export function rememberLanguage(c: Context, locale: Locale): void {
  setCookie(c, LANGUAGE_COOKIE, locale, { path: "/", maxAge: 365 * 86400, sameSite: "Lax", secure: new URL(c.req.url).protocol === "https:" });
}

/** Sends visitors who are not logged in to /login, remembering where they were going. */
export function requireUser(): MiddlewareHandler<AppEnv> {
  return async function userRequired(c, next) {
    if (!c.get("user") && sessionCheckedByPage(c) === null) return toLogin(c);
    await next();
  };
}

/** To the log-in page, and back here after it. */
export function toLogin(c: Context): Response {
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
}

/**
 * A safe local redirect target: a path on this host, never another origin. Browsers drop tabs
 * and newlines from a Location and read "\\" as "/", so "/\t/evil.example" would leave the
 * site: any control character or backslash makes the fallback win.
 */
export function safeNext(next: string | undefined, fallback: string): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  return next;
}
