/**
 * A one-time notice for the next page, carried across a redirect by a short-lived, host-only,
 * HttpOnly cookie (platform host only). flashNotice() reads it into c.get("flash"); renderPage()
 * hands it to the page's Document (src/ui/Flash.tsx) and clears it, so it is shown once, on
 * the first page rendered after the redirect, whatever that page is.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";

const FLASH_COOKIE = "hatti_flash";

/** Wrong passwords tried on her account since her last log-in (told at the next one). */
export type Flash = { kind: "loginFailures"; count: number };

const secure = (c: Context) => new URL(c.req.url).protocol === "https:";

export function setFlash(c: Context, flash: Flash): void {
  setCookie(c, FLASH_COOKIE, `loginFailures.${flash.count}`, { httpOnly: true, sameSite: "Lax", secure: secure(c), path: "/", maxAge: 600 });
}

export function clearFlash(c: Context): void {
  deleteCookie(c, FLASH_COOKIE, { path: "/", secure: secure(c) });
}

/** Anything but a well-formed notice reads as none. */
function parseFlash(value: string | undefined): Flash | null {
  const m = value ? /^loginFailures\.([1-9][0-9]{0,8})$/.exec(value) : null;
  return m ? { kind: "loginFailures", count: Number(m[1]) } : null;
}

export function flashNotice(): MiddlewareHandler<AppEnv> {
  return async function flashReader(c, next) {
    c.set("flash", parseFlash(getCookie(c, FLASH_COOKIE)));
    await next();
  };
}
