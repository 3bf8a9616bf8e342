import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { AppEnv } from "../env";
import { FlashContext } from "../ui/Flash";
import { clearFlash } from "./flash";

/** Renders a Preact tree to a full HTML document. */
export function renderDocument(node: VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}

/** Renders a page; a one-time notice waiting for it (src/lib/flash.ts) is shown and cleared. */
export function renderPage(c: Context, node: VNode, status: ContentfulStatusCode = 200): Response {
  const flash = (c as Context<AppEnv>).get("flash");
  if (flash) {
    clearFlash(c);
    return c.html(renderDocument(h(FlashContext.Provider, { value: flash }, node) as VNode), status);
  }
  return c.html(renderDocument(node), status);
}
