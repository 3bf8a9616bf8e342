import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { DEFAULT_LOCALE, messages, type MessageKey } from "../i18n";
import { ErrorPage } from "../ui/ErrorPage";
import { renderPage } from "./render";
import { forgetMovingShop, isShopMoving } from "../shards/frozen";

const pages = {
  /** A body that is not what its Content-Type says (e.g. multipart without its boundary). */
  badRequest: ["error.badRequest.title", "error.badRequest.body"],
  /** A host that is neither the platform nor a shop (rendered by its route, never thrown). */
  badHost: ["error.badHost.title", "error.badHost.body"],
  csrf: ["error.csrf.title", "error.csrf.body"],
  notFound: ["error.notFound.title", "error.notFound.body"],
  tooLarge: ["error.tooLarge.title", "error.tooLarge.body"],
  server: ["error.server.title", "error.server.body"],
  /** A write to a shop being moved to another shard (src/shards/move.ts): nothing saved, try again. */
  moving: ["error.moving.title", "error.moving.body"],
} satisfies Record<string, [MessageKey, MessageKey]>;

type Status = 400 | 403 | 404 | 413 | 500 | 503;

/**
 * The page of each status. One status, one meaning: a thrown 403 is always the CSRF check (an
 * id the seller may not see is a 404, as if it did not exist), so an HTTPException needs no
 * code beside its status.
 */
const pageOf: Record<Status, keyof typeof pages> = { 400: "badRequest", 403: "csrf", 404: "notFound", 413: "tooLarge", 500: "server", 503: "moving" };

export function errorPage(c: Context<AppEnv>, status: Status, page: keyof typeof pages = pageOf[status]): Response {
  const m = messages(c.get("locale") ?? DEFAULT_LOCALE);
  const [title, body] = pages[page];
  return renderPage(c, <ErrorPage m={m} title={m.t(title)} body={m.t(body)} />, status);
}

/** The statuses thrown on purpose (by us or by Hono's parts) that have a page of their own. */
const shown = (status: number): status is Status => status !== 500 && status !== 503 && status in pageOf;

/** The one error handler: HTTP errors (ours and Hono's) become clear pages; the rest are logged as 500s. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof HTTPException && shown(err.status)) return errorPage(c, err.status);
  // One that carries its own answer (hono/bearer-auth's 401 on /ops, with its WWW-Authenticate).
  if (err instanceof HTTPException && err.res) return err.getResponse();
  if (isShopMoving(err)) {
    forgetMovingShop(c.get("shop")?.slug);
    c.header("Retry-After", "60");
    return errorPage(c, 503);
  }
  console.error("unhandled", c.req.method, new URL(c.req.url).pathname, err);
  return errorPage(c, 500);
};
