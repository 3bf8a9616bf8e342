import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { DEFAULT_LOCALE, messages, type MessageKey } from "../i18n";
import { ErrorPage } from "../ui/ErrorPage";
import { HttpError } from "./errors";
import { renderPage } from "./render";

const pages: Record<number | string, [MessageKey, MessageKey]> = {
  400: ["error.badHost.title", "error.badHost.body"],
  403: ["error.csrf.title", "error.csrf.body"],
  404: ["error.notFound.title", "error.notFound.body"],
  413: ["error.tooLarge.title", "error.tooLarge.body"],
  500: ["error.server.title", "error.server.body"],
  /** A body that is not what its Content-Type says (e.g. multipart without its boundary). */
  badRequest: ["error.badRequest.title", "error.badRequest.body"],
};

export function errorPage(c: Context<AppEnv>, status: 400 | 403 | 404 | 413 | 500, code?: string): Response {
  const m = messages(c.var.locale ?? DEFAULT_LOCALE);
  const [title, body] = (code ? pages[code] : undefined) ?? pages[status] ?? pages[500]!;
  return renderPage(c, <ErrorPage m={m} title={m.t(title)} body={m.t(body)} />, status);
}

/** The one error handler: known errors become clear pages; the rest are logged as 500s. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof HttpError) {
    if (err.status === 403 || err.status === 404 || err.status === 413 || err.status === 400) return errorPage(c, err.status, err.code);
    return errorPage(c, 500);
  }
  if (err instanceof HTTPException) {
    const s = err.status;
    if (s === 413 || s === 400 || s === 404 || s === 403) return errorPage(c, s);
  }
  console.error("unhandled", c.req.method, new URL(c.req.url).pathname, err);
  return errorPage(c, 500);
};
